package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.AnswerLetter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The privacy officer answering a paper request: the officer entry took no name and no postal address, so the letter
 * went by post with no address block. The entry now takes both; the request page shows them with the identifiers (to
 * those who see identifiers, the view recorded with theirs) and the letter is addressed to them.
 */
class RequestEntryAddresseeTest extends RequestConsoleSupport {

    private static final String NAME = "Jeanne Synthétique";
    private static final String ADDRESS =
            "1234, rue des Essais\r\n<script>alert(1)</script>\r\nMontréal (Québec) H2X 1Y6";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ca.gardien.shared.SubjectKeys keys;

    private MockMultipartHttpServletRequestBuilder entry(MockHttpSession session, String name, String address) {
        return entry(session, "C-" + UUID.randomUUID().toString().substring(0, 8), name, address);
    }

    /** The officer entry of a letter; {@code customerNumber} empty for a letter that gives no identifier. */
    private MockMultipartHttpServletRequestBuilder entry(
            MockHttpSession session, String customerNumber, String name, String address) {
        var request = multipart("/console/requests/new");
        request.param("type", "ACCESS")
                .param("channel", "MAIL")
                .param("jurisdiction", "QC")
                .param("language", "fr")
                .param("customerNumber", customerNumber)
                .param("name", name)
                .param("postalAddress", address)
                .session(session)
                .with(csrf());
        return request;
    }

    private UUID entered(MockHttpSession session) throws Exception {
        return entered(entry(session, NAME, ADDRESS));
    }

    private UUID entered(MockMultipartHttpServletRequestBuilder entry) throws Exception {
        var location = mvc.perform(entry)
                .andExpect(redirectedUrlPattern("/console/requests/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theOfficerSeesTheNameAndAddressWithTheIdentifiersAndTheViewIsRecordedWithTheirs() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = entered(officer);

        var page = page("/console/requests/" + id, officer);
        assertThat(page)
                .contains("<dd id=\"addressee-name\" data-raw>Jeanne Synthétique</dd>")
                .contains("<span>1234, rue des Essais</span><br>", "<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>")
                .contains("<span>Montréal (Québec) H2X 1Y6</span>")
                .doesNotContain("<script>alert(1)");
        var viewed = awaitLedgerEntry("requests.identifiers-viewed", id);
        assertThat(String.valueOf(viewed.get("payload")))
                .contains("CUSTOMER,NAME,POSTAL_ADDRESS")
                .doesNotContain("Synthétique", "Essais");
        assertThat(String.valueOf(awaitLedgerEntry("requests.received", id).get("payload")))
                .contains("\"postalAddress\":\"true\"")
                .doesNotContain("Synthétique", "Essais", "H2X");
    }

    @Test
    void anAuditorWhoSeesIdentifiersMaskedSeesNeitherTheNameNorTheAddress() throws Exception {
        var id = entered(session(Role.STAFF));
        var page = page("/console/requests/" + id, session(Role.AUDITOR));
        assertThat(page).doesNotContain("id=\"addressee", "Synthétique", "Essais", "H2X");
    }

    /**
     * Officer's review (2026-12-07): the queue's requester was the letter's customer number or phone although staff had
     * entered the person's name; the name comes first for those who see identifiers, never for the others.
     */
    @Test
    void theQueueNamesTheRequesterByTheNameStaffEnteredBeforeAnIdentifier() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = entered(officer);
        var reference = requests.get(id).reference();
        assertThat(page("/console/requests?q=" + reference, officer)).contains(">Jeanne Synthétique</td>");
        assertThat(page("/console/requests?q=" + reference, session(Role.AUDITOR)))
                .contains(reference)
                .doesNotContain("Synthétique");
    }

    @Test
    void aTooLongAddressAndAControlCharacterInTheNameAreShownNextToTheirFieldsAtOnceAndNothingIsStored()
            throws Exception {
        long before = stored();
        var longAddress = "1234, rue des Essais\r\n" + "x".repeat(500);
        var page = mvc.perform(entry(session(Role.STAFF), "Jeanne\u0007 Synthétique", longAddress))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var html = HtmlUtils.htmlUnescape(page);
        assertThat(page).contains("id=\"entry-name-error\"", "id=\"entry-postalAddress-error\"");
        assertThat(html)
                .contains(
                        "<a href=\"#entry-postalAddress\">Adresse postale (facultatif) : Ce champ doit compter au plus"
                                + " 500 caractères.</a>")
                .contains("ne doit contenir ni caractères de contrôle ni marques invisibles")
                .as("what was typed is kept")
                .contains("x".repeat(500));
        assertThat(stored()).as("nothing stored").isEqualTo(before);

        var english = HtmlUtils.htmlUnescape(
                mvc.perform(entry(session(Role.STAFF), "Jeanne", longAddress).param("lang", "en"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(english).contains("Postal address (optional): This field must be at most 500 characters.");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theLetterPreviewIsAddressedToTheNameAndAddressAndHasNoAddressBlockOnceTheKeyIsDestroyed() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = entered(officer);
        act(officer, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "Au dossier");
        for (var task : tasks.of(id)) {
            act(officer, id, "/tasks/" + task.id() + "/complete", "outcome", "NOT_FOUND", "note", "cherché");
        }
        act(officer, id, "/response", "outcome", "FULFILLED", "message", "Bonjour.");

        assertThat(preview(officer, id))
                .contains("<p>Jeanne Synthétique<br/>1234, rue des Essais<br/>&lt;script&gt;alert(1)&lt;/script&gt;"
                        + "<br/>Montréal (Québec) H2X 1Y6</p>");

        keys.shred(jdbc.sql("SELECT subject_key FROM requests_request WHERE id = ?")
                .param(id)
                .query(UUID.class)
                .single());
        assertThat(preview(officer, id))
                .doesNotContain("Synthétique", "Essais", "H2X")
                .contains("<p>Demande R-");
        assertThat(page("/console/requests/" + id, officer)).doesNotContain("id=\"addressee");
    }

    @Test
    void theOfficerEntersALetterThatGivesOnlyANameAndAnAddressAndItsPageOffersOnlyWhatCanSucceed() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = entered(entry(officer, "", NAME, ADDRESS));
        var request = requests.get(id);
        assertThat(request.identifiers()).isEmpty();
        assertThat(request.addressee().name()).isEqualTo(NAME);
        assertThat(request.channel()).isEqualTo(ca.gardien.requests.RightsRequest.Channel.MAIL);
        var sealed = jdbc.sql("SELECT addressee_name FROM requests_request WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertThat(sealed).startsWith(ca.gardien.shared.SubjectKeys.PREFIX).doesNotContain("Synthétique");

        var page = page("/console/requests/" + id, officer);
        assertThat(page)
                .contains("id=\"no-identifier\"", "Aucun identifiant", "Aucun code ne peut lui être envoyé")
                .contains("<dd id=\"addressee-name\" data-raw>Jeanne Synthétique</dd>")
                .contains("id=\"prove-person\"")
                .as("nothing that cannot succeed: no code to send again, no identifier to confirm, no empty list")
                .doesNotContain("id=\"send-code-", "id=\"confirm-customer\"", "id=\"identifiers\"");
        assertThat(String.valueOf(
                        awaitLedgerEntry("requests.identifiers-viewed", id).get("payload")))
                .contains("NAME,POSTAL_ADDRESS");
        var staff = page("/console/requests/" + id, session(Role.STAFF));
        assertThat(staff)
                .as("staff cannot record the check: the page says who does")
                .contains("la personne responsable ou un délégué vérifie son identité")
                .doesNotContain("id=\"prove-person\"");

        var queue = page("/console/requests?q=" + request.reference(), officer);
        assertThat(queue).contains(">Jeanne Synthétique</td>");
        assertThat(page("/console/requests?q=" + request.reference(), session(Role.AUDITOR)))
                .contains(request.reference())
                .doesNotContain("Synthétique");
        assertThat(page("/console/requests/" + id, session(Role.AUDITOR)))
                .contains("id=\"no-identifier\"")
                .doesNotContain("Synthétique", "Essais", "id=\"prove-person\"");
    }

    @Test
    void aLetterWithANameButNoAddressNorIdentifierComesBackSayingWhatWouldDoAndNothingIsStored() throws Exception {
        long before = stored();
        var page = HtmlUtils.htmlUnescape(mvc.perform(entry(session(Role.STAFF), "", NAME, ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page)
                .contains("<a href=\"#entry-person\">Identifiants de la personne : au moins un courriel, un téléphone"
                        + " ou un numéro de client est requis, sinon le nom et l’adresse postale de la personne</a>")
                .contains("value=\"Jeanne Synthétique\"");
        var english = HtmlUtils.htmlUnescape(
                mvc.perform(entry(session(Role.STAFF), "", "", ADDRESS).param("lang", "en"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(english)
                .contains("The person’s identifiers: at least one email, phone or customer number is required, or"
                        + " else the person’s name and postal address");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void aLetterWithoutIdentifierIsCheckedByTheOfficerWorkedByStaffAndAnsweredByPostToItsAddress() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var staff = session(Role.STAFF);
        var id = entered(entry(officer, "", NAME, ADDRESS));
        mvc.perform(post("/console/requests/" + id + "/identity-proof")
                        .session(staff)
                        .with(csrf())
                        .param("basis", "IN_PERSON_ID_CHECK")
                        .param("reason", "Permis vu"))
                .andExpect(status().isForbidden()); // only the person in charge or a delegate checks the person

        var checked = mvc.perform(post("/console/requests/" + id + "/identity-proof")
                        .session(officer)
                        .with(csrf())
                        .param("basis", "IN_PERSON_ID_CHECK")
                        .param("reason", "Permis de conduire vu au comptoir"))
                .andReturn()
                .getFlashMap();
        assertThat(checked.get("refused")).isNull();
        assertThat(checked.get("doneKey")).isEqualTo("identity.proven");
        assertThat(requests.get(id).status()).isEqualTo(ca.gardien.requests.RequestStatus.IN_PROGRESS);
        assertThat(page("/console/requests/" + id, officer))
                .contains("id=\"person-proof\"", "id=\"no-identifier\"")
                .doesNotContain("Aucun code ne peut lui être envoyé", "id=\"prove-person\"");

        assertThat(tasks.of(id))
                .as("a task per system, for staff: no connector here")
                .isNotEmpty();
        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "NOT_FOUND", "note", "cherché par le nom");
        }
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Nous ne détenons rien à votre sujet.");
        act(officer, id, "/approve");
        assertThat(page("/console/requests/" + id, staff))
                .contains("id=\"no-link\"", "name=\"delivery\"", "Par la poste")
                .contains("href=\"/console/requests/" + id + "/answer\"");
        act(staff, id, "/send", "delivery", "POSTAL");
        assertThat(requests.get(id).status()).isEqualTo(ca.gardien.requests.RequestStatus.SENT);
        assertThat(outbox.about(id.toString()))
                .as("nothing sent by message: no address to send it to")
                .isEmpty();
        assertThat(String.valueOf(awaitLedgerEntry("requests.sent", id).get("payload")))
                .contains("POSTAL");

        var zip = mvc.perform(get("/console/requests/" + id + "/answer").session(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var letter = entry(zip, "letter.html");
        assertThat(letter)
                .contains("<p>Jeanne Synthétique<br/>1234, rue des Essais<br/>&lt;script&gt;alert(1)&lt;/script&gt;"
                        + "<br/>Montréal (Québec) H2X 1Y6</p>");
        assertThat(entry(zip, "letter.pdf")).startsWith("%PDF-");
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the answer");
    }

    private String preview(MockHttpSession session, UUID id) throws Exception {
        var flash = mvc.perform(post("/console/requests/" + id + "/answer/preview")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/requests/" + id + "#answer-preview"))
                .andReturn()
                .getFlashMap();
        return ((AnswerLetter) flash.get("answerPreview")).html();
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM requests_request")
                .query(Long.class)
                .single();
    }
}
