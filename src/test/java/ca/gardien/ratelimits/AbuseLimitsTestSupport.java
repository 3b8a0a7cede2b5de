package ca.gardien.ratelimits;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.support.WebTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The context of the abuse-limit tests: the shipped default quotas (set back here, as the suite's configuration raises
 * them) and a clock each test starts at a window of its own, so that no window ends halfway through. Each test uses
 * client addresses of its own.
 */
@Import(AbuseLimitsTestSupport.Windows.class)
@TestPropertySource(
        properties = {
            "gardien.requests.limits.form-per-address=5/1h",
            "gardien.requests.limits.form-per-identifier=3/1d",
            "gardien.requests.limits.code-sends-per-address=10/1h",
            "gardien.requests.limits.codes-per-identifier=10/1d",
            "gardien.requests.limits.staff-codes-per-identifier=10/1d",
            "gardien.requests.limits.code-checks-per-address=30/1h",
            "gardien.requests.limits.sms-budget=200/1h",
            "gardien.consent.limits.banner-per-address=60/1m",
            "gardien.consent.limits.link-writes-per-address=120/1m",
            "gardien.complaints.limits.form-per-address=5/1h",
            "gardien.complaints.limits.acknowledgements-per-recipient=3/1d"
        })
abstract class AbuseLimitsTestSupport extends WebTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TickingClock clock;

    static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with((MockHttpServletRequest r) -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    ResultActions form(String address, String email) throws Exception {
        return mvc.perform(from(address, post("/privacy/requests"))
                .with(csrf())
                .param("type", "ACCESS")
                .param("email", email)
                .param("details", "Synthetic details"));
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("mailKeyedDigest")
    ca.gardien.shared.KeyedDigest mailDigests;

    /** The outbox's digest of a recipient: addresses are sealed, an exact one is found by its digest. */
    String recipientDigest(String recipient) {
        return mailDigests.digest("recipient", recipient.strip().toLowerCase(java.util.Locale.ROOT));
    }

    int messagesTo(String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_message WHERE recipient_digest = ?")
                .param(recipientDigest(recipient))
                .query(Integer.class)
                .single();
    }

    static String email(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** A clock that ticks from the instant a test chooses, so that windows begin where the test wants them. */
    static final class TickingClock extends Clock {

        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        void startAt(String instant) {
            offset.set(Duration.between(Instant.now(), Instant.parse(instant)));
        }

        void advance(Duration by) {
            offset.updateAndGet(o -> o.plus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Windows {
        @Bean
        @Primary
        TickingClock tickingClock() {
            return new TickingClock();
        }
    }
}
