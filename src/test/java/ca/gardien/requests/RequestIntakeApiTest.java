package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.shared.KeyedDigest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

class RequestIntakeApiTest extends RequestsTestSupport {

    @Autowired
    @Qualifier(RequestsConfiguration.KEY)
    KeyedDigest key;

    @Autowired
    Requests requests;

    @Test
    void answersTheDeadlineOfAQuebecRequestMovedOffTheFeteNationale() throws Exception {
        mvc.perform(get("/api/v1/requests/deadline")
                        .header("Authorization", bearer(Role.AUDITOR))
                        .param("jurisdiction", "QC")
                        .param("receivedOn", "2026-05-25"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueOn").value("2026-06-25"))
                .andExpect(jsonPath("$.movedFrom").value("2026-06-24"))
                .andExpect(jsonPath("$.extensionAllowed").value(false))
                .andExpect(jsonPath("$.rule").isString());
        mvc.perform(get("/api/v1/requests/deadline")
                        .header("Authorization", staff)
                        .param("jurisdiction", "GDPR")
                        .param("receivedOn", "2026-03-15"))
                .andExpect(jsonPath("$.dueOn").value("2026-04-15"))
                .andExpect(jsonPath("$.extendedDueOn").value("2026-06-15"));
    }

    @Test
    void rejectsABadJurisdictionOrDateNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/requests/deadline")
                        .header("Authorization", staff)
                        .param("jurisdiction", "MARS")
                        .param("receivedOn", "2026-05-25"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("jurisdiction"));
        mvc.perform(get("/api/v1/requests/deadline")
                        .header("Authorization", staff)
                        .param("jurisdiction", "QC")
                        .param("receivedOn", "2026-02-30"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
        mvc.perform(get("/api/v1/requests/deadline")
                        .header("Authorization", staff)
                        .param("jurisdiction", "QC"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
    }

    @Test
    void receivesARequestWithItsDueDateAndAcknowledgesItByEmail() throws Exception {
        var email = email();
        var body = submit(staff, """
                        {"type": "ACCESS", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "API",
                         "language": "en", "details": "All my files"}""".formatted(email))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.receivedAt").isString())
                .andExpect(jsonPath("$.dueOn").isString())
                .andExpect(jsonPath("$.identifiers[0].kind").value("EMAIL"))
                .andExpect(jsonPath("$.identifiers[0].verified").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = UUID.fromString(JsonPath.read(body, "$.id"));
        String reference = JsonPath.read(body, "$.reference");
        assertThat(reference).matches("R-" + java.time.Year.now() + "-\\d{5,}");

        var messages = outbox.about(id.toString());
        assertThat(messages).extracting(m -> m.template()).contains("requests.acknowledgement", "requests.code");
        assertThat(messages).allSatisfy(m -> assertThat(m.recipient()).isEqualTo(email));
        // after the organization's name when a profile names it
        assertThat(messages.getFirst().subject()).endsWith("Acknowledgement of your request " + reference);
        assertThat(messages.getFirst().body())
                .contains("number " + reference + ", Access to my personal information")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}") // days in words, in the message's language
                .containsPattern(
                        "on (January|February|March|April|May|June|July|August|September|October|November|December) ")
                .doesNotContain("ACCESS")
                .doesNotContain(id.toString());
        // the code's message quotes the reference too; the id only inside the address of the page that takes the code
        var code = messages.get(1).body();
        assertThat(code).contains(reference).contains("/privacy/requests/" + id + "/code");
        assertThat(code.replace("/privacy/requests/" + id + "/code", "")).doesNotContain(id.toString());

        var received = awaitLedgerEntry("requests.received", id);
        assertThat(received.toString()).doesNotContain(email).doesNotContain("All my files");
        awaitLedgerEntry("requests.code-sent", id);
    }

    @Test
    void eachRequestGetsTheNextHumanReferenceOfTheYearItWasReceivedAndIsFoundByIt() throws Exception {
        var first = reference(submit(staff, """
                        {"type": "ACCESS", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "API"}""".formatted(email())));
        var second = reference(submit(staff, """
                        {"type": "ACCESS", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "API"}""".formatted(email())));
        var letter = new MockMultipartFile(
                "request", "", MediaType.APPLICATION_JSON_VALUE, """
                {"type": "ACCESS", "subject": {"customerNumber": "C-77"}, "jurisdiction": "QC",
                 "channel": "MAIL", "receivedAt": "2025-12-31T23:30:00Z"}""".getBytes(StandardCharsets.UTF_8));
        var lastYear = reference(mvc.perform(
                multipart("/api/v1/requests/officer-entry").file(letter).header("Authorization", staff)));

        long one = number(first);
        assertThat(number(second)).isEqualTo(one + 1);
        // 23:30 UTC on Dec 31 is 18:30 in Montréal: received in 2025 there
        assertThat(lastYear).isEqualTo(ca.gardien.shared.References.format("R", 2025, one + 2));
        assertThat(requests.idOf(" " + second.toLowerCase(Locale.ROOT) + " ")).isPresent();
        assertThat(requests.idOf("R-1999-99999")).isEmpty();
        assertThat(requests.idOf("' OR 1=1 --")).isEmpty();
    }

    private static String reference(org.springframework.test.web.servlet.ResultActions created) throws Exception {
        return JsonPath.read(
                created.andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.reference");
    }

    private static long number(String reference) {
        return Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1));
    }

    @Test
    void refusesErasureUnderTheQuebecProfileWithAClearProblem() throws Exception {
        submit(staff, """
                        {"type": "ERASURE", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "API"}""".formatted(email()))
                .andExpect(problem(422, "request-type-unavailable"))
                .andExpect(jsonPath("$.field").value("type"))
                .andExpect(jsonPath("$.detail")
                        .value("« Effacement » n’est pas un droit offert sous le régime Québec (Loi 25) : demandez"
                                + " plutôt « Destruction de renseignements », « Cessation de la diffusion ou"
                                + " désindexation » ou « Retrait du consentement »"))
                .andExpect(jsonPath("$.alternatives[0]").value("DESTRUCTION"));
        mvc.perform(post("/api/v1/requests")
                        .header("Authorization", staff)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"type": "ERASURE", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "API"}""".formatted(email())))
                .andExpect(problem(422, "request-type-unavailable"))
                .andExpect(jsonPath("$.detail")
                        .value("“Erasure” is not a right under the Québec (Law 25) jurisdiction: ask instead for"
                                + " “Destruction of information”, “Cessation of dissemination or de-indexation” or"
                                + " “Withdrawal of consent”"));
        submit(staff, """
                        {"type": "ERASURE", "subject": {"email": "%s"}, "jurisdiction": "GDPR", "channel": "API"}""".formatted(email())).andExpect(status().isCreated());
    }

    @Test
    void rejectsBadInputNamingEveryFieldWithoutEchoingValues() throws Exception {
        var body = submit(staff, """
                        {"type": "GOSSIP", "subject": {"email": "not-an-email", "phone": "12"},
                         "jurisdiction": "XX", "channel": "FAX", "language": "de"}""")
                .andExpect(problem(400, "validation"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(body, "$.errors[*].field"))
                .contains("type", "channel", "language", "subject.email", "subject.phone", "jurisdiction");
        assertThat(body).doesNotContain("not-an-email");
        submit(staff, """
                        {"type": "ACCESS", "subject": {}, "jurisdiction": "QC", "channel": "API"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        submit(staff, "{\"type\": ").andExpect(problem(400, "malformed-request"));
    }

    @Test
    void fieldErrorsAreInTheLanguageTheClientAsksForFrenchByDefault() throws Exception {
        var bad = """
                {"type": "ACCESS", "subject": {"email": "not-an-email"}, "jurisdiction": "QC", "channel": "API",
                 "details": "%s"}""".formatted("x".repeat(NewRequest.MAX_DETAILS + 1));
        for (var asked : new String[] {"fr-CA,fr;q=0.9", null}) {
            asking(asked, bad)
                    .andExpect(jsonPath("$.detail").value("La requête a des champs invalides."))
                    .andExpect(jsonPath("$.errors[?(@.field == 'subject.email')].message")
                            .value(hasItem("n’est pas une adresse courriel valide")))
                    .andExpect(jsonPath("$.errors[?(@.field == 'details')].message")
                            .value(hasItem("doit compter au plus " + NewRequest.MAX_DETAILS + " caractères")));
        }
        asking("en-CA,en;q=0.8,fr;q=0.5", bad)
                .andExpect(jsonPath("$.detail").value("The request has invalid fields."))
                .andExpect(jsonPath("$.errors[?(@.field == 'subject.email')].message")
                        .value(hasItem("is not a valid email")))
                .andExpect(jsonPath("$.errors[?(@.field == 'details')].message")
                        .value(hasItem("must be at most " + NewRequest.MAX_DETAILS + " characters")));
        var unknown = UUID.randomUUID();
        mvc.perform(get("/api/v1/requests/" + unknown).header("Authorization", staff))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("Introuvable : la demande " + unknown + "."));
        mvc.perform(get("/api/v1/requests/" + unknown)
                        .header("Authorization", staff)
                        .header("Accept-Language", "en"))
                .andExpect(jsonPath("$.detail").value("request " + unknown + " not found"));
    }

    /** Submits a request refused as invalid, asking for a language ({@code null}: none). */
    private org.springframework.test.web.servlet.ResultActions asking(String language, String body) throws Exception {
        var request = post("/api/v1/requests")
                .header("Authorization", staff)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return mvc.perform(language == null ? request : request.header("Accept-Language", language))
                .andExpect(problem(400, "validation"));
    }

    @Test
    void anAuditorMayReadButNotSubmit() throws Exception {
        var auditor = bearer(Role.AUDITOR);
        submit(auditor, """
                        {"type": "ACCESS", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "API"}""".formatted(email())).andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/requests").header("Authorization", auditor)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/requests")).andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void flagsASecondOpenRequestOfTheSameTypeForTheSameIdentifier() throws Exception {
        var email = email();
        var first = submitted("{\"email\": \"" + email + "\"}", "ACCESS", "QC", null);
        var second = submitted("{\"email\": \"" + email.toUpperCase() + "\"}", "ACCESS", "QC", null);
        var other = submitted("{\"email\": \"" + email + "\"}", "RECTIFICATION", "QC", null);

        mvc.perform(get("/api/v1/requests/" + second).header("Authorization", staff))
                .andExpect(jsonPath("$.duplicateOf").value(first.toString()));
        mvc.perform(get("/api/v1/requests/" + other).header("Authorization", staff))
                .andExpect(jsonPath("$.duplicateOf").doesNotExist());
    }

    @Test
    void findsAnOpenRequestWhoseIdentifierDigestWasStoredUnderTheOldUpperCaseLabel() throws Exception {
        var email = email();
        var first = submitted("{\"email\": \"" + email + "\"}", "DESTRUCTION", "QC", null);
        // as the requests module wrote it before the label scheme was one: HMAC("EMAIL", 0, value)
        jdbc.sql("UPDATE requests_identifier SET digest = ? WHERE request_id = ? AND kind = 'EMAIL'")
                .params(key.digest("EMAIL", email.toLowerCase(Locale.ROOT)), first)
                .update();
        var second = submitted("{\"email\": \"" + email + "\"}", "DESTRUCTION", "QC", null);

        mvc.perform(get("/api/v1/requests/" + second).header("Authorization", staff))
                .andExpect(jsonPath("$.duplicateOf").value(first.toString()));
    }

    @Test
    void listsRequestsByStatusAndTypeAndCancelsOne() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "PORTABILITY", "QC", null);
        mvc.perform(get("/api/v1/requests")
                        .header("Authorization", staff)
                        .param("status", "RECEIVED")
                        .param("type", "PORTABILITY"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(id.toString())))
                .andExpect(jsonPath("$[0].identifiers[0].value").doesNotExist());
        mvc.perform(get("/api/v1/requests").header("Authorization", staff).param("status", "NOPE"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));

        mvc.perform(post("/api/v1/requests/" + id + "/cancel").header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(post("/api/v1/requests/" + id + "/cancel").header("Authorization", staff))
                .andExpect(problem(409, "request-state"));
        awaitLedgerEntry("requests.cancelled", id);
        mvc.perform(get("/api/v1/requests/" + UUID.randomUUID()).header("Authorization", staff))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void staffEnterALetterReceivedByMailWithItsScanAndOnlyTheHashReachesTheLedger() throws Exception {
        var scan = "%PDF-1.4 synthetic scanned letter".getBytes(StandardCharsets.US_ASCII);
        var request = new MockMultipartFile(
                "request", "", MediaType.APPLICATION_JSON_VALUE, """
                {"type": "RECTIFICATION", "subject": {"customerNumber": "C-1001"}, "jurisdiction": "QC",
                 "channel": "MAIL", "receivedAt": "2026-05-25T14:00:00Z"}""".getBytes(StandardCharsets.UTF_8));
        var letter = new MockMultipartFile("letter", "letter.pdf", "application/pdf", scan);
        var body = mvc.perform(multipart("/api/v1/requests/officer-entry")
                        .file(request)
                        .file(letter)
                        .header("Authorization", staff))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("MAIL"))
                .andExpect(jsonPath("$.dueOn").value("2026-06-25"))
                .andExpect(jsonPath("$.reference").value(org.hamcrest.Matchers.startsWith("R-2026-")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = UUID.fromString(JsonPath.read(body, "$.id"));

        Map<String, Object> payload = JsonPath.parse(
                        (String) awaitLedgerEntry("requests.letter-filed", id).get("payload"))
                .read("$");
        assertThat(payload).containsEntry("sha256", ca.gardien.ledger.CanonicalForm.sha256Hex(scan));
    }

    @Test
    void refusesAnEmptyOrTooLargeLetterAndAFutureReceipt() throws Exception {
        var request = new MockMultipartFile(
                "request", "", MediaType.APPLICATION_JSON_VALUE, """
                {"type": "ACCESS", "subject": {"customerNumber": "C-1"}, "jurisdiction": "QC", "channel": "MAIL"}""".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/requests/officer-entry")
                        .file(request)
                        .file(new MockMultipartFile("letter", "l.pdf", "application/pdf", new byte[0]))
                        .header("Authorization", staff))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("letter"));
        var future = new MockMultipartFile(
                "request", "", MediaType.APPLICATION_JSON_VALUE, """
                {"type": "ACCESS", "subject": {"customerNumber": "C-1"}, "jurisdiction": "QC", "channel": "MAIL",
                 "receivedAt": "2999-01-01T00:00:00Z"}""".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/requests/officer-entry").file(future).header("Authorization", staff))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
    }
}
