package ca.gardien.governance;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The registers: a setting whose default is not the most private is a gap naming s. 9.1 in the data map's gap list
 * until a reason is recorded; a profiling technology and an automated decision appear in the generated notice.
 */
class RegistersApiTest extends GovernanceTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static final String REGISTERS = "/api/v1/governance/registers";

    @Test
    void aDefaultThatIsNotTheMostPrivateIsAGapNamingSection91UntilAReasonIsRecorded() throws Exception {
        var body = send(officerBearer(), REGISTERS, """
                        {"kind":"SETTING","product":"Application Exemple","nameFr":"Profil visible","nameEn":"Visible profile",
                         "defaultValue":"public","mostPrivate":"private"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gap").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        var gapId = "privacy-by-default:registers:" + id;
        mvc.perform(get("/api/v1/inventory/gaps")
                        .param("lang", "en")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id=='" + gapId + "')].legalReference")
                        .value(Matchers.hasItem("P-39.1, s. 9.1")))
                .andExpect(jsonPath("$[?(@.id=='" + gapId + "')].explanation")
                        .value(Matchers.hasItem(Matchers.containsString("Visible profile"))));
        mvc.perform(put(REGISTERS + "/" + id + "/reason")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(put(REGISTERS + "/" + id + "/reason")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Un annuaire public est la raison d'être du produit.\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gap").value(false));
        mvc.perform(get("/api/v1/inventory/gaps").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(jsonPath("$[?(@.id=='" + gapId + "')]").isEmpty());
        awaitLedgerEntry("governance.register-entry-added", id);
        awaitLedgerEntry("governance.default-reason-recorded", id);
    }

    @Test
    void aProfilingTechnologyAndAnAutomatedDecisionAppearInTheGeneratedNotice() throws Exception {
        // the generated notice, as the public page shows it until a first approval (PublishedNoticeTest)
        jdbc.update("DELETE FROM inventory_notice_version");
        send(officerBearer(), REGISTERS, """
                {"kind":"TECHNOLOGY","nameFr":"Recommandations personnalisées","nameEn":"Personalized recommendations",
                 "detailFr":"Désactivée par défaut; activez-la dans Préférences.","detailEn":"Off by default; turn it on in Preferences."}""").andExpect(status().isCreated());
        send(officerBearer(), REGISTERS, """
                {"kind":"DECISION","nameFr":"Pré-approbation de crédit","nameEn":"Credit pre-approval",
                 "detailFr":"Revenu déclaré et historique de paiement.","detailEn":"Declared income and payment history."}""").andExpect(status().isCreated());
        mvc.perform(get("/privacy").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.allOf(
                                Matchers.containsString("Technologies that can identify, locate or profile you"),
                                Matchers.containsString(
                                        "Personalized recommendations — Off by default; turn it on in Preferences."),
                                Matchers.containsString(
                                        "Credit pre-approval — Declared income and payment history."))));
    }

    @Test
    void badEntriesAndWrongRolesAreRefused() throws Exception {
        send(bearer(Role.STAFF), REGISTERS, "{}").andExpect(problem(403, "forbidden"));
        send(officerBearer(), REGISTERS, "{\"kind\":\"SETTING\",\"nameFr\":\"x\",\"nameEn\":\"x\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(Matchers.containsInAnyOrder("product", "defaultValue", "mostPrivate")));
        send(officerBearer(), REGISTERS, "{\"kind\":\"OTHER\",\"nameFr\":\"x\",\"nameEn\":\"x\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(put(REGISTERS + "/nope/reason")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"x\"}"))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(put(REGISTERS + "/" + java.util.UUID.randomUUID() + "/reason")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"x\"}"))
                .andExpect(problem(404, "not-found"));
    }
}
