package ca.gardien.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.complaints.Complaints;
import ca.gardien.mail.Outbox;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The public complaint form cannot relay the organization's mail (attacker review of 21b4984): the acknowledgement
 * repeats none of the words typed, one address gets at most three a day, and the form takes five complaints an hour
 * from one client address, with the shipped defaults.
 */
class ComplaintAbuseLimitsTest extends AbuseLimitsTestSupport {

    static final String LURE = "Votre compte est suspendu : https://phish.example/login";

    @Autowired
    Complaints complaints;

    @Autowired
    Outbox outbox;

    @Test
    void theAcknowledgementGivesTheReferenceAndDaysButNotTheSubjectTyped() throws Exception {
        clock.startAt("2026-12-08T15:00:01Z");
        var id = filed(complaint("203.0.113.60", email("ack"), "fr"));
        var message = outbox.about(id.toString()).getFirst();
        assertThat(message.subject()).matches("(.+ — )?Accusé de réception : votre plainte C-2026-\\d{5,}");
        assertThat(message.body())
                .contains("Nous avons bien reçu votre plainte le 8 décembre 2026 (référence C-2026-")
                .contains("au plus tard le ")
                .doesNotContain("phish.example")
                .doesNotContain("suspendu");
        var english = outbox.about(
                        filed(complaint("203.0.113.61", email("ack"), "en")).toString())
                .getFirst();
        assertThat(english.subject()).matches("(.+ — )?Acknowledgement: your complaint C-2026-\\d{5,}");
        assertThat(english.body())
                .contains("We received your complaint on December 8, 2026 (reference C-2026-")
                .doesNotContain("phish.example");
    }

    @Test
    void oneAddressGetsAtMostThreeAcknowledgementsADayAndTheComplaintsAreStillFiled() throws Exception {
        clock.startAt("2026-12-09T10:00:01Z");
        var victim = email("relay");
        for (int i = 1; i <= 3; i++) {
            filed(complaint("198.51.100." + (20 + i), victim, "fr"));
        }
        assertThat(messagesTo(victim)).isEqualTo(3);
        var fourth = filed(complaint("198.51.100.24", victim.toUpperCase(), "fr"));
        assertThat(messagesTo(victim))
                .as("no fourth acknowledgement, whatever the case")
                .isEqualTo(3);
        assertThat(outbox.about(fourth.toString())).isEmpty();
        assertThat(jdbc.sql("SELECT step FROM complaints_step WHERE complaint_id = ? ORDER BY at")
                        .param(fourth)
                        .query(String.class)
                        .list())
                .containsExactly("received", "acknowledgement-withheld");
        assertThat(awaitLedgerEntry("complaints.acknowledgement-withheld", fourth)
                        .toString())
                .doesNotContain(victim);
        assertThat(awaitLedgerEntry("ratelimits.limit-reached", "complaints.acknowledgements-per-recipient")
                        .toString())
                .doesNotContain(victim)
                .contains("86400");
        // another address is not affected
        var other = email("relay");
        filed(complaint("198.51.100.25", other, "fr"));
        assertThat(messagesTo(other)).isEqualTo(1);
    }

    @Test
    void theFormTakesFiveComplaintsAnHourFromOneAddressThenAnswers429FilingNothing() throws Exception {
        clock.startAt("2026-12-10T10:00:01Z");
        var address = "203.0.113.70";
        for (int i = 0; i < 5; i++) {
            complaint(address, email("many"), "fr").andExpect(status().is3xxRedirection());
        }
        var sixth = email("many");
        var page = complaint(address, sixth, "fr")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"rate-limited\"").contains("Trop de plaintes ont été envoyées");
        assertThat(messagesTo(sixth)).isZero();
        complaint("203.0.113.71", email("many"), "fr").andExpect(status().is3xxRedirection());
    }

    private ResultActions complaint(String address, String email, String language) throws Exception {
        return mvc.perform(from(address, post("/privacy/complaints"))
                .with(csrf())
                .param("name", "Alex Exemple")
                .param("email", email)
                .param("phone", "+1 555 010 0123")
                .param("subject", LURE)
                .param("reasons", "Synthetic reasons.")
                .param("language", language));
    }

    private UUID filed(ResultActions posted) throws Exception {
        var reference = (String) posted.andExpect(status().is3xxRedirection())
                .andReturn()
                .getFlashMap()
                .get("reference");
        return complaints.idOf(reference).orElseThrow();
    }
}
