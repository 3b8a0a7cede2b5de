package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Officer's review: a complaint received by post could not be entered without a phone, and its answer letter carried the
 * name but no address. A complaint received by post (channel MAIL) may give no phone and no email but a postal address,
 * required then; it is sealed with the file, shown to those who may open the file, and printed under the name on the
 * letters to the complainant. The console and the API alike.
 */
class ComplaintByPostTest extends WebTestSupport {

    static final String ADDRESS = "12 rue Synthétique, app. 3\r\nVille-Exemple (Québec)  \r\nH0H 0H0";
    static final String STORED = "12 rue Synthétique, app. 3\nVille-Exemple (Québec)\nH0H 0H0";

    @Autowired
    JdbcClient jdbc;

    MockHttpSession officer() throws Exception {
        var person = person(Role.PRIVACY_OFFICER);
        return login(person.username(), person.password());
    }

    static String today() {
        return LocalDate.now(ZoneId.of("America/Toronto")).toString();
    }

    MockMultipartHttpServletRequestBuilder entry(String name, String phone, String address) {
        return entry("MAIL", name, phone, address);
    }

    MockMultipartHttpServletRequestBuilder entry(String channel, String name, String phone, String address) {
        return entry(channel, name, "", phone, address);
    }

    MockMultipartHttpServletRequestBuilder entry(
            String channel, String name, String email, String phone, String address) {
        return multipart("/console/complaints/new")
                .param("channel", channel)
                .param("receivedOn", today())
                .param("language", "fr")
                .param("name", name)
                .param("email", email)
                .param("phone", phone)
                .param("postalAddress", address)
                .param("subject", "Lettre reçue par la poste")
                .param("reasons", "Des appels après mon retrait.")
                .with(csrf());
    }

    String html(ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString();
    }

    ResultActions api(String bearer, String path, String json) throws Exception {
        return mvc.perform(post(path)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String answerPdfText(String id, String bearer) throws Exception {
        var answered = api(
                        bearer,
                        "/api/v1/complaints/" + id + "/answer",
                        "{\"reasons\":\"Nous avons retiré votre numéro.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[?(@.step == 'answered')]").isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(answered, "$.documents[?(@.kind == 'ANSWER')].id");
        var bytes = mvc.perform(get("/api/v1/complaints/" + id + "/documents/" + ids.getFirst())
                        .header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var pdf = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theOfficerEntersALetterByPostWithAnAddressAndNoPhoneItIsSealedShownAndPrintedOnTheAnswer() throws Exception {
        var officer = officer();
        var form = html(mvc.perform(get("/console/complaints/new").session(officer)));
        assertThat(form)
                .contains("<textarea id=\"postalAddress\" name=\"postalAddress\"")
                .containsPattern("<input id=\"phone\" name=\"phone\"(?![^>]*required)[^>]*>");
        var location = mvc.perform(entry("Camille Postale", "", ADDRESS).session(officer))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/console/complaints/");
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        var file = html(mvc.perform(get(location).session(officer)).andExpect(status().isOk()));
        assertThat(file)
                .contains("<li id=\"postal-address\" data-raw><span>12 rue Synthétique, app. 3</span><br>"
                        + "<span>Ville-Exemple (Québec)</span><br><span>H0H 0H0</span></li>")
                .doesNotContain("<li></li>");
        // sealed under the file's key like the name: the row holds nothing readable
        var row = jdbc.sql("SELECT postal_address, phone FROM complaints_complaint WHERE id = ?")
                .param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        assertThat(row[0]).isNotBlank().doesNotContain("Synthétique", "H0H");
        assertThat(row[1]).isNull();
        assertThat(String.valueOf(awaitLedgerEntry("complaints.received", id).get("payload")))
                .contains("MAIL")
                .doesNotContain("Synthétique", "H0H");

        // the answer is printed and posted: the letter gives the address under the name
        assertThat(answerPdfText(id.toString(), officerBearer()))
                .contains("Camille Postale 12 rue Synthétique, app. 3 Ville-Exemple (Québec) H0H 0H0")
                .contains("Nous avons retiré votre numéro.");
        assertThat(String.valueOf(awaitLedgerEntry("complaints.answered", id).get("payload")))
                .contains("POST");
    }

    @Test
    void aLetterByPostWithoutEmailPhoneOrAddressIsRefusedNamingTheAddressAndKeepsWhatWasTyped() throws Exception {
        var officer = officer();
        var refused = html(mvc.perform(entry("Camille Sansadresse", "", " ").session(officer))
                .andExpect(status().isOk()));
        assertThat(refused)
                .containsPattern(
                        "<p id=\"postalAddress-error\"\\s+class=\"field-error\">Indiquez l’adresse postale que donne la"
                                + " lettre, ou un courriel ou un numéro de téléphone")
                .contains("href=\"#postalAddress\"", "Adresse postale")
                .contains("value=\"Camille Sansadresse\"")
                .doesNotContain("id=\"phone-error\"");
        // too many lines, or a mark that reverses the text, are refused by name too
        var nineLines = String.join("\n", java.util.Collections.nCopies(9, "ligne"));
        assertThat(html(mvc.perform(entry("Camille Sansadresse", "", nineLines).session(officer))))
                .containsPattern(
                        "<p id=\"postalAddress-error\"\\s+class=\"field-error\">Ce champ doit tenir en au plus 8 lignes.</p>");
        assertThat(html(mvc.perform(
                        entry("Camille Sansadresse", "", "12 rue \u202Eelpmexe").session(officer))))
                .containsPattern(
                        "<p id=\"postalAddress-error\"\\s+class=\"field-error\">Ce champ ne doit contenir ni caractères"
                                + " de contrôle ni marques invisibles.</p>");
        // a complaint by email or phone without any way to reach the person is refused naming the email
        assertThat(html(mvc.perform(
                        entry("EMAIL", "Camille Sansadresse", "", " ").session(officer))))
                .containsPattern("<p id=\"email-error\"\\s+class=\"field-error\">Indiquez un courriel ou un numéro")
                .doesNotContain("id=\"phone-error\"");
        mvc.perform(get("/api/v1/complaints")
                        .param("q", "Sansadresse")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aComplaintReceivedByEmailWithoutAPhoneIsRecordedWithItsEmail() throws Exception {
        var location = mvc.perform(
                        entry("EMAIL", "Camille Sanstelephone", "camille.sanstelephone@example.test", "", " ")
                                .session(officer()))
                .andExpect(redirectedUrlPattern("/console/complaints/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get("/api/v1/complaints/" + location.substring(location.lastIndexOf('/') + 1))
                        .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("EMAIL"))
                .andExpect(jsonPath("$.email").value("camille.sanstelephone@example.test"));
    }

    @Test
    void theApiTakesThePostalAddressOfAComplaintByPostAndRefusesOneWithoutAWayToReachThePerson() throws Exception {
        var officer = officerBearer();
        var created = api(officer, "/api/v1/complaints", """
                        {"channel":"MAIL","name":"Alex Postal","subject":"Lettre","reasons":"Des appels.",
                         "language":"en","postalAddress":"12 rue Synthétique, app. 3\\r\\nVille-Exemple (Québec)  \\nH0H 0H0"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.postalAddress").value(STORED))
                .andExpect(jsonPath("$.phone").doesNotExist())
                .andExpect(jsonPath("$.addressLines").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        assertThat(answerPdfText(id, officer))
                .contains("Alex Postal 12 rue Synthétique, app. 3 Ville-Exemple (Québec) H0H 0H0");

        api(officer, "/api/v1/complaints", """
                        {"channel":"MAIL","name":"Alex Postal","subject":"Lettre","reasons":"Des appels."}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("postalAddress")))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("Indiquez l’adresse postale")));
        // an address of blanks that String.isBlank does not see is no address (attacker's re-check)
        api(officer, "/api/v1/complaints", """
                        {"channel":"MAIL","name":"Alex Postal","subject":"Lettre","reasons":"Des appels.",
                         "postalAddress":"\\u00a0\\n\\u2800"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("postalAddress")));
        mvc.perform(post("/api/v1/complaints")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"MAIL","name":"Alex Postal","subject":"Lettre","reasons":"Des appels.",
                                 "postalAddress":"1\\n2\\n3\\n4\\n5\\n6\\n7\\n8\\n9"}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("postalAddress")))
                .andExpect(jsonPath("$.errors[0].message").value("must fit in at most 8 lines"));
        // through the API (channel API by default) an entry needs a way to reach the person: an address will do
        api(officer, "/api/v1/complaints", """
                        {"name":"Alex Postal","subject":"Lettre","reasons":"Des appels."}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("email")));
        api(officer, "/api/v1/complaints", """
                        {"name":"Alex Postal","subject":"Lettre","reasons":"Des appels.","postalAddress":"12 rue"}""").andExpect(status().isCreated());
        // who may not enter complaints cannot give one an address either
        api(bearer(Role.AUDITOR), "/api/v1/complaints", """
                        {"channel":"MAIL","name":"Alex Postal","subject":"Lettre","reasons":"Des appels.",
                         "postalAddress":"12 rue"}""").andExpect(problem(403, "forbidden"));
    }

    @Test
    void onlyThoseWhoMayOpenTheFileReadTheAddress() throws Exception {
        var created = api(officerBearer(), "/api/v1/complaints", """
                        {"channel":"MAIL","name":"Alex Postal","subject":"Lettre","reasons":"Des appels.",
                         "postalAddress":"12 rue Confidentielle\\nH0H 0H0"}""")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        var stranger = person(Role.STAFF);
        var auditor = person(Role.AUDITOR);
        for (var who : List.of(bearerFor(stranger.id(), Role.STAFF), bearerFor(auditor.id(), Role.AUDITOR))) {
            var refused = mvc.perform(get("/api/v1/complaints/" + id).header(HttpHeaders.AUTHORIZATION, who))
                    .andExpect(problem(403, "forbidden"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(refused).doesNotContain("Confidentielle");
        }
        mvc.perform(get("/api/v1/complaints").header(HttpHeaders.AUTHORIZATION, bearerFor(stranger.id(), Role.STAFF)))
                .andExpect(status().isOk())
                .andExpect(content ->
                        assertThat(content.getResponse().getContentAsString()).doesNotContain("Confidentielle"));
        for (var who : List.of(stranger, auditor)) {
            var session = login(who.username(), who.password());
            var page = mvc.perform(get("/console/complaints/" + id).session(session))
                    .andExpect(status().isForbidden())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page).doesNotContain("Confidentielle");
        }
        // the staff member the file is assigned to reads it
        api(officerBearer(), "/api/v1/complaints/" + id + "/assignment", "{\"accountId\":\"" + stranger.id() + "\"}")
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/complaints/" + id)
                        .header(HttpHeaders.AUTHORIZATION, bearerFor(stranger.id(), Role.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.postalAddress").value("12 rue Confidentielle\nH0H 0H0"));
    }
}
