package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.SubjectKeys;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The privacy officer answering a paper request: a letter by post needs a name and a postal address, which requests did
 * not keep. Staff now enter them with the request; they are sealed under the request's key like its identifiers, never
 * in the ledger, shown only to those who see identifiers in clear, and gone with the key.
 */
class PaperAddresseeTest extends RequestsTestSupport {

    private static final String NAME = "Jeanne <b>Synthétique</b>";
    private static final String ADDRESS =
            "1234, rue des Essais, app. 5\r\n<script>alert(1)</script>\r\nMontréal (Québec)" + "  H2X 1Y6";

    @Autowired
    Requests requests;

    @Autowired
    LetterText letters;

    @Autowired
    SubjectKeys keys;

    private ResultActions enter(String addresseeJson, String language) throws Exception {
        return enter(
                "{\"customerNumber\": \"C-%s\"}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8)),
                addresseeJson,
                language);
    }

    /** The officer entry through the API: a letter's request with these identifiers and this name and address. */
    private ResultActions enter(String subjectJson, String addresseeJson, String language) throws Exception {
        var request = new MockMultipartFile(
                "request", "", MediaType.APPLICATION_JSON_VALUE, body(subjectJson, addresseeJson));
        var call = multipart("/api/v1/requests/officer-entry").file(request).header("Authorization", staff);
        if (language != null) {
            call.header("Accept-Language", language);
        }
        return mvc.perform(call);
    }

    private static byte[] body(String subjectJson, String addresseeJson) {
        return """
            {"type": "ACCESS", "subject": %s, "jurisdiction": "QC", "channel": "MAIL", "subjectCategory": "customer",
             "addressee": %s}\
            """.formatted(subjectJson, addresseeJson).getBytes(StandardCharsets.UTF_8);
    }

    private static final String NO_IDENTIFIER = "{\"email\": null, \"phone\": null, \"customerNumber\": null}";
    private static final String NAME_AND_ADDRESS =
            "{\"name\": \"Jeanne Synthétique\", \"postalAddress\": \"1234, rue des Essais\\nMontréal (Québec)"
                    + "  H2X 1Y6\"}";

    private UUID entered() throws Exception {
        var json = "{\"name\": \"%s\", \"postalAddress\": \"%s\"}".formatted(NAME, ADDRESS.replace("\r\n", "\\r\\n"));
        var body = enter(json, null)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    @Test
    void theNameAndAddressAreSealedUnderTheRequestsKeyAndTheLedgerOnlySaysAnAddressWasGiven() throws Exception {
        var id = entered();
        var stored = jdbc.sql("SELECT addressee_name, postal_address FROM requests_request WHERE id = ?")
                .param(id)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        assertThat(stored).allSatisfy(v -> assertThat(v).startsWith(SubjectKeys.PREFIX));
        assertThat(String.join(" ", stored)).doesNotContain("Synthétique", "Essais");
        assertThat(requests.get(id).addressee().lines())
                .containsExactly(
                        "1234, rue des Essais, app. 5", "<script>alert(1)</script>", "Montréal (Québec)  H2X 1Y6");

        var payload = String.valueOf(awaitLedgerEntry("requests.received", id).get("payload"));
        assertThat(payload).contains("\"postalAddress\":\"true\"").doesNotContain("Synthétique", "Essais", "H2X");

        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andExpect(jsonPath("$.addressee.name").value(NAME));
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.addressee").doesNotExist());
    }

    @Test
    void theLetterIsAddressedToTheNameAndPostalLinesEscapedAndWithoutThemOnceTheKeyIsDestroyed() throws Exception {
        var id = entered();
        var answer = new ResponseDraft("FULFILLED", "Bonjour.", null, List.of(), null, null);

        var html = letters.html(requests.get(id), answer, Map.of());
        assertThat(html)
                .contains("<p>Jeanne &lt;b&gt;Synthétique&lt;/b&gt;<br/>1234, rue des Essais, app. 5<br/>"
                        + "&lt;script&gt;alert(1)&lt;/script&gt;<br/>Montréal (Québec)  H2X 1Y6</p>")
                .doesNotContain("<script>", "<b>");
        assertThat(letters.pdf(requests.get(id), html)).startsWith("%PDF-".getBytes());

        keys.shred(jdbc.sql("SELECT subject_key FROM requests_request WHERE id = ?")
                .param(id)
                .query(UUID.class)
                .single());
        var shredded = requests.get(id);
        assertThat(shredded.addressee()).isNull();
        var after = letters.html(shredded, answer, Map.of());
        assertThat(after).doesNotContain("Synthétique", "Essais", "H2X", "null");
        var dated = after.indexOf("</p>", after.indexOf("<h1>")) + "</p>".length();
        assertThat(after.substring(dated))
                .as("after the date comes the request's sentence, no address block")
                .startsWith("<p>Demande R-");
    }

    @Test
    void aTooLongAddressAndAControlCharacterInTheNameAreRefusedTogetherNamingTheFieldsAndNothingIsStored()
            throws Exception {
        long before = stored();
        var bad = "{\"name\": \"Jeanne\\u0007 Synthétique\", \"postalAddress\": \"%s\"}"
                .formatted("x".repeat(Addressee.MAX_POSTAL_ADDRESS + 1));
        enter(bad, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.postalAddress')].message")
                        .value(hasItem("doit compter au plus 500 caractères")))
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.name')].message")
                        .value(hasItem("ne doit contenir ni caractères de contrôle ni marques invisibles")));
        enter(bad, "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.postalAddress')].message")
                        .value(hasItem("must be at most 500 characters")))
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.name')].message")
                        .value(hasItem("must not hold control characters or invisible marks")));
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void anAddressThatReadsOtherwiseThanItIsStoredOrWouldRunPastAnEnvelopeIsRefused() throws Exception {
        long before = stored();
        enter("{\"name\": \"Jean \\u202eTset\", \"postalAddress\": \"Québec\\u202e QC G1A 1A1\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.name')].message")
                        .value(hasItem("ne doit contenir ni caractères de contrôle ni marques invisibles")))
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.postalAddress')].message")
                        .value(hasItem("ne doit contenir ni caractères de contrôle ni marques invisibles")));
        for (var hidden : new String[] {"\\u200e", "\\u200f", "\\u061c", "\\u2060", "\\u00ad", "\\u2028"}) {
            enter("{\"name\": \"Jean" + hidden + "Tset\"}", null)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("addressee.name"));
        }
        enter("{\"name\": \"Nguy\\u1ec5n \\u0938\\u094d\\u200d\\u0930\"}", null) // joiners some scripts need
                .andExpect(status().isCreated());
        before = stored();
        enter("{\"postalAddress\": \"%s\"}".formatted("1 rue Synthétique\\n".repeat(Addressee.MAX_LINES + 1)), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'addressee.postalAddress')].message")
                        .value(hasItem("doit tenir en au plus 8 lignes")));
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Autowired
    RequestRetention retention;

    @Test
    void theRetentionPurgeEmptiesTheNameAndAddressWithTheRequestsOtherPersonalInformation() throws Exception {
        var id = entered();
        mvc.perform(post("/api/v1/requests/" + id + "/cancel").header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        clock.advance(java.time.Duration.ofDays(367));
        assertThat(retention.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(String.valueOf(awaitLedgerEntry("requests.purged", id).get("payload")))
                .contains("\"addressee\":\"1\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM requests_request WHERE id = ? AND addressee_name IS NULL"
                                + " AND postal_address IS NULL")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Autowired
    RequestIntake intake;

    @Autowired
    RequestViews views;

    private UUID enteredWithoutIdentifier() throws Exception {
        var body = enter(NO_IDENTIFIER, NAME_AND_ADDRESS, null)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    @Test
    void aLetterGivingOnlyTheNameAndPostalAddressIsEnteredByStaffAndStoredWithItsAddresseeAndNoIdentifier()
            throws Exception {
        var id = enteredWithoutIdentifier();
        var request = requests.get(id);
        assertThat(request.identifiers()).isEmpty();
        assertThat(request.addressee().name()).isEqualTo("Jeanne Synthétique");
        assertThat(request.addressee().lines()).containsExactly("1234, rue des Essais", "Montréal (Québec)  H2X 1Y6");
        assertThat(request.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(request.nextStep()).isEqualTo("person-check");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM requests_identifier WHERE request_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(outbox.about(id.toString()))
                .as("no code, no acknowledgement: nowhere to send them")
                .isEmpty();
        var payload = String.valueOf(awaitLedgerEntry("requests.received", id).get("payload"));
        assertThat(payload)
                .contains("\"postalAddress\":\"true\"")
                .doesNotContain("\"identifiers\"", "Synthétique", "Essais");

        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andExpect(jsonPath("$.addressee.name").value("Jeanne Synthétique"));
        assertThat(String.valueOf(
                        awaitLedgerEntry("requests.identifiers-viewed", id).get("payload")))
                .as("the name and address shown in clear are recorded as viewed, though no identifier was")
                .contains("NAME,POSTAL_ADDRESS");
    }

    @Test
    void theQueueNamesTheRequesterByTheNameToThoseWhoSeeIdentifiersAndToNobodyElse() throws Exception {
        var id = enteredWithoutIdentifier();
        var reference = requests.get(id).reference();
        var query = new QueueQuery(Set.of(), null, null, null, reference, "due", true, null, 10, false);
        assertThat(views.page(query, Set.of(Role.STAFF)).rows())
                .singleElement()
                .satisfies(r -> assertThat(r.requester()).isEqualTo("Jeanne Synthétique"));
        assertThat(views.page(query, Set.of(Role.AUDITOR)).rows())
                .singleElement()
                .satisfies(r -> assertThat(r.requester()).isNull());
    }

    @Test
    void theSameLetterThroughTheApiOrThePortalIsStillRefusedNamingTheSubjectAndNothingIsStored() throws Exception {
        long before = stored();
        var body = new String(body(NO_IDENTIFIER, NAME_AND_ADDRESS), StandardCharsets.UTF_8);
        submit(staff, body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("doit contenir au moins un courriel, un téléphone ou un numéro de client"));
        mvc.perform(post("/api/v1/requests")
                        .header("Authorization", staff)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(
                        jsonPath("$.errors[0].message").value("needs at least an email, a phone or a customer number"));

        var portal = new NewRequest(
                "ACCESS",
                new NewRequest.Subject(null, null, null),
                "QC",
                "PORTAL",
                "fr",
                null,
                null,
                null,
                null,
                new Addressee("Jeanne Synthétique", "1234, rue des Essais\nMontréal"));
        assertThatThrownBy(() -> intake.submitPublic(portal, Actor.SYSTEM, "192.0.2.7"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("subject"));
        mvc.perform(post("/privacy/requests")
                        .with(csrf())
                        .param("type", "ACCESS")
                        .param("name", "Jeanne Synthétique")
                        .param("postalAddress", "1234, rue des Essais"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("href=\"#email\"")))
                .andExpect(content().string(containsString("Donnez une adresse courriel ou un numéro de téléphone.")));
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void anOfficerEntryWithANameButNoAddressNorIdentifierIsRefusedSayingWhatWouldDoInFrenchAndEnglish()
            throws Exception {
        long before = stored();
        enter(NO_IDENTIFIER, "{\"name\": \"Jeanne Synthétique\"}", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("doit contenir au moins un courriel, un téléphone ou un numéro de client, sinon il faut"
                                + " le nom et l’adresse postale de la personne (addressee)"));
        enter(NO_IDENTIFIER, "{\"postalAddress\": \"1 rue des Essais\"}", "en")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("needs at least an email, a phone or a customer number, or else the person’s name and"
                                + " postal address (addressee)"));
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aLetterWithoutIdentifierIsProvenByTheOfficerWorkedByStaffAnsweredByPostAndPurgedInTime() throws Exception {
        var id = enteredWithoutIdentifier();
        var officer = bearer(Role.PRIVACY_OFFICER);
        mvc.perform(post("/api/v1/requests/" + id + "/identifiers/EMAIL/code").header("Authorization", staff))
                .andExpect(status().isNotFound()); // nothing to send a code to
        mvc.perform(post("/api/v1/requests/" + id + "/identity-proof")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"basis\": \"IN_PERSON_ID_CHECK\", \"reason\": \"Permis vu au comptoir\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/requests/" + id + "/identity-proof")
                        .header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"basis\": \"IN_PERSON_ID_CHECK\", \"reason\": \"Permis vu au comptoir\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));

        var tasks = JsonPath.<List<String>>read(
                mvc.perform(get("/api/v1/requests/" + id + "/tasks").header("Authorization", staff))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$[*].id");
        assertThat(tasks).as("one task per system of the customers' data").hasSize(2);
        for (var task : tasks) {
            mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + task + "/complete")
                            .header("Authorization", staff)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"outcome\": \"NOT_FOUND\", \"note\": \"cherché par le nom et l'adresse\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(put("/api/v1/requests/" + id + "/response")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"FULFILLED\", \"message\": \"Nous ne détenons rien.\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/approve").header("Authorization", officer))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/send").header("Authorization", staff))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("delivery"));
        mvc.perform(post("/api/v1/requests/" + id + "/send")
                        .param("delivery", "POSTAL")
                        .header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SENT"));
        assertThat(String.valueOf(awaitLedgerEntry("requests.sent", id).get("payload")))
                .contains("POSTAL");
        assertThat(letters.html(
                        requests.get(id),
                        new ResponseDraft("FULFILLED", "Nous ne détenons rien.", null, List.of(), null, null),
                        Map.of()))
                .contains("<p>Jeanne Synthétique<br/>1234, rue des Essais<br/>Montréal (Québec)  H2X 1Y6</p>");

        clock.advance(java.time.Duration.ofDays(367));
        assertThat(retention.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(String.valueOf(awaitLedgerEntry("requests.purged", id).get("payload")))
                .contains("\"addressee\":\"1\"", "\"identifiers\":\"0\"", "\"subjectKey\":\"destroyed\"");
        var purged = requests.get(id);
        assertThat(purged.purgedAt()).isNotNull();
        assertThat(purged.addressee()).isNull();
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.addressee").doesNotExist());
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM requests_request")
                .query(Long.class)
                .single();
    }
}
