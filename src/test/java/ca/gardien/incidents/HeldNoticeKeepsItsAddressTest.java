package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.support.SmtpTestSupport;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With a mail server (GreenMail) and a moved clock: a person's address is no longer erased as the notice is queued but
 * once it actually leaves, so that a notice the server did not take (held past the grace) stays in the mailing file
 * until it is sent from the outbox or recorded transmitted another way; recording the transmission withdraws the held
 * notices but leaves one a sender has claimed to its sending (it wins), and « send now » refuses the withdrawn one.
 */
class HeldNoticeKeepsItsAddressTest extends SmtpTestSupport {

    @Autowired
    ca.gardien.connectors.ConnectorDesk connectors;

    @Autowired
    Outbox outbox;

    @Autowired
    IncidentPersons persons;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ca.gardien.organization.Organization organization;

    private int addressesKept(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_person WHERE incident_id = ? AND email_sealed IS NOT NULL")
                .param(UUID.fromString(id))
                .query(Integer.class)
                .single();
    }

    private void claim(UUID message, OffsetDateTime at) {
        jdbc.sql("UPDATE mail_message SET claimed_at = ? WHERE id = ?")
                .params(at, message)
                .update();
    }

    /**
     * Notifies the entry's persons, each notice claimed in the same transaction as if a sender held it (so that the
     * delivery after commit does not take it: it stays stored, as when the server did not answer); the notices' ids.
     * Asserts, before commit, that queuing erased no address.
     */
    private List<UUID> notifyButHoldTheNotices(String id, int expected) {
        var ids = new TransactionTemplate(transactions).execute(s -> {
            persons.notifyAll(UUID.fromString(id), Actor.SYSTEM);
            assertThat(addressesKept(id))
                    .as("addresses kept as the notices are queued")
                    .isEqualTo(expected);
            var queued = outbox.about(id).stream()
                    .filter(m -> IncidentPersons.NOTICE_TEMPLATE.equals(m.template()))
                    .map(m -> m.id())
                    .toList();
            queued.forEach(m -> claim(m, OffsetDateTime.now(ZoneOffset.UTC).plusYears(1)));
            return queued;
        });
        // the delivery runs after commit on another thread, found each notice claimed and let it be: wait for it, so
        // that a claim the test lifts afterwards is not taken by a delivery running late (a busy executor in a full
        // run)
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(this::deliveryDone));
        return ids;
    }

    /** Whether the delivery of this message's queuing event has run (its publication completed). */
    private boolean deliveryDone(UUID message) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
                                + " AND serialized_event LIKE ?")
                        .param("%" + message + "%")
                        .query(Long.class)
                        .single()
                == 0;
    }

    @Test
    void aNoticeHeldWithAMailServerKeepsItsAddressInTheMailingFileUntilItIsSent() throws Exception {
        var person = unique("dora") + "@example.test";
        var id = NoticesTransmittedWithdrawnTest.entryWithPersons(
                mvc, connectors, organization, officerBearer(), List.of(person));
        var notice = notifyButHoldTheNotices(id, 1).getFirst();
        assertThat(messageStatus(notice)).isEqualTo("STORED");
        clock.advance(Duration.ofMinutes(6)); // past gardien.mail.held-after: held
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var entry = htmlOf(officer, "/console/incidents/" + id + "?lang=fr");
        assertThat(entry).contains("id=\"held-notices\"");
        var close = entry.substring(
                entry.indexOf("id=\"close-form\""), entry.indexOf(">", entry.indexOf("id=\"close-form\"")));
        assertThat(close)
                .contains("enregistré avant la configuration du serveur de courriel")
                .doesNotContain("aucun serveur de courriel");
        assertThat(htmlOf(officer, "/console/incidents/" + id + "/persons/mailing.csv"))
                .contains(person);
        assertThat(addressesKept(id)).isEqualTo(1);

        claim(notice, null); // the stuck sender gone: the officer sends it from the outbox
        mvc.perform(post("/console/outbox/" + notice + "/send").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(messageStatus(notice)).isEqualTo("SENT");
        assertThat(received(person)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> addressesKept(id) == 0);
        assertThat(htmlOf(officer, "/console/incidents/" + id + "/persons/mailing.csv"))
                .doesNotContain(person);
    }

    @Test
    void recordingTheTransmissionWithdrawsTheHeldNoticesAndLeavesOneBeingSentToItsSending() throws Exception {
        var withdrawn = unique("eve") + "@example.test";
        var sending = unique("fred") + "@example.test";
        var id = NoticesTransmittedWithdrawnTest.entryWithPersons(
                mvc, connectors, organization, officerBearer(), List.of(withdrawn, sending));
        notifyButHoldTheNotices(id, 2);
        clock.advance(Duration.ofMinutes(6));
        var notices = outbox.about(id);
        var held = notices.stream()
                .filter(m -> withdrawn.equals(m.recipient()))
                .findFirst()
                .orElseThrow()
                .id();
        var claimed = notices.stream()
                .filter(m -> sending.equals(m.recipient()))
                .findFirst()
                .orElseThrow()
                .id();
        claim(held, null);
        claim(claimed, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)); // a sender holds it right now

        var day = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("America/Toronto"))
                .toString();
        new IncidentCalls(mvc)
                .send(
                        HttpMethod.POST,
                        officerBearer(),
                        "/api/v1/incidents/" + id + "/persons/transmitted",
                        """
                        {"sentOn": "%s", "means": "Par la poste"}""".formatted(day),
                        200);
        assertThat(messageStatus(held)).isEqualTo("WITHDRAWN");
        assertThat(messageStatus(claimed)).isEqualTo("STORED"); // its sending wins: not withdrawn under it

        var officer = login(OFFICER, OFFICER_PASSWORD);
        var refused = mvc.perform(post("/console/outbox/" + held + "/send")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("refused")))
                .containsAnyOf("transmis autrement", "transmitted another way");
        assertThat(messageStatus(held)).isEqualTo("WITHDRAWN");
        assertThat(received(withdrawn)).isZero();

        // the claimed one's sending goes on (here: its sender gone, the officer sends it): it leaves, once
        claim(claimed, null);
        mvc.perform(post("/console/outbox/" + claimed + "/send")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(messageStatus(claimed)).isEqualTo("SENT");
        assertThat(received(sending)).isEqualTo(1);
    }
}
