package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: portal submission → code by email (GreenMail) → verification → staff complete the tasks → the officer approves
 * → the person downloads once; a second download is refused; every step is in the ledger.
 */
class RightsRequestEndToEndTest extends RequestsTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    Requests requests;

    @Test
    void aPersonGetsTheirInformationOnceThroughTheEmailedLinkAndEveryStepIsEvidenced() throws Exception {
        var email = email();
        // The person fills in the public portal form (no account), as in the acceptance.
        var codePage = mvc.perform(post("/privacy/requests")
                        .with(csrf())
                        .param("type", "ACCESS")
                        .param("email", email)
                        .param("language", "fr")
                        .param("details", "Je veux savoir ce que vous détenez sur moi."))
                .andExpect(redirectedUrlPattern("/privacy/requests/*/code"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = UUID.fromString(codePage.split("/")[3]);
        assertThat(requests.get(id).channel().name()).isEqualTo("PORTAL");

        var code = find(mailTo(email, "Votre code de vérification"), "\\b(\\d{6})\\b");
        // The portal does not ask which kind of person is writing: every system is in scope, sensitive ones included,
        // so the proven email is not enough and staff review the proof before anything moves.
        verify(id, "EMAIL", code).andExpect(jsonPath("$.status").value("RECEIVED"));
        mvc.perform(post("/api/v1/requests/" + id + "/identity-review")
                        .header("Authorization", staff)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"approved\": true}"))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));

        completeTasks(id, """
                [{"category": "contact", "source": "person", "fields": {"postalAddress": "1 rue Synthétique"}}]""");
        draft(id, staff, "{\"outcome\": \"FULFILLED\", \"message\": \"Voici les renseignements que nous détenons.\"}")
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/approve").header("Authorization", officerBearer()))
                .andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/v1/requests/" + id + "/send").header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("SENT"));

        var link = find(mailTo(email, "Réponse à votre demande"), "(/requests/download/[A-Za-z0-9_-]+)");
        var zip = mvc.perform(post(link))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var files = unzip(zip);
        assertThat(files).containsKeys("letter.html", "letter.pdf", "data.json");
        assertThat(new String(files.get("letter.pdf"), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(new String(files.get("data.json"), StandardCharsets.UTF_8)).contains("1 rue Synthétique");
        assertThat(new String(files.get("letter.html"), StandardCharsets.UTF_8)).contains("Réponse à votre demande");

        mvc.perform(post(link)).andExpect(problem(410, "download-gone"));
        mvc.perform(get("/requests/download/not-a-token")).andExpect(problem(404, "not-found"));
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", bearer(Role.AUDITOR)))
                .andExpect(jsonPath("$.status").value("CLOSED"));

        for (var action : new String[] {
            "requests.received",
            "requests.acknowledged",
            "requests.code-sent",
            "requests.identifier-verified",
            "requests.identity-verified",
            "requests.task-opened",
            "requests.in-progress",
            "requests.task-completed",
            "requests.response-drafted",
            "requests.approved",
            "requests.sent",
            "requests.downloaded",
            "requests.closed"
        }) {
            var entry = awaitLedgerEntry(action, id);
            assertThat(entry.toString()).doesNotContain(email).doesNotContain("Synthétique");
        }
        // the person downloaded the answer; Gardien, not the person, closed the request
        assertThat(actorKind(awaitLedgerEntry("requests.downloaded", id))).isEqualTo("SUBJECT");
        assertThat(actorKind(awaitLedgerEntry("requests.closed", id))).isEqualTo("SYSTEM");
    }

    private static String mailTo(String recipient, String subject) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> Arrays.stream(MAIL.getReceivedMessagesForDomain(recipient))
                                .filter(m -> subject(m).startsWith(subject))
                                .map(RightsRequestEndToEndTest::text)
                                .findFirst()
                                .orElse(null),
                        text -> text != null);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(String text, String regex) {
        var matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("pattern %s in the email", regex).isTrue();
        return matcher.group(1);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        var files = new HashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
