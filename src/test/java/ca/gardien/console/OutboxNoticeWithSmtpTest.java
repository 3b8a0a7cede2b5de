package ca.gardien.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With an SMTP server configured, messages leave Gardien: no console page carries the outbox notice. */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=2525"})
class OutboxNoticeWithSmtpTest extends WebTestSupport {

    @Test
    void noNoticeOnConsolePagesWhenAMailServerIsConfigured() throws Exception {
        var officer = login(OFFICER, OFFICER_PASSWORD);
        for (var path : new String[] {"/console", "/console/outbox", "/console/requests"}) {
            mvc.perform(get(path).session(officer))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("id=\"mail-held\""))))
                    .andExpect(content().string(not(containsString(OutboxPageTest.HELD_FR))));
        }
    }
}
