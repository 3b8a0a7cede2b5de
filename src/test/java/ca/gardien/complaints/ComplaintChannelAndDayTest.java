package ca.gardien.complaints;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The attacker's review: staff filed through the API a complaint "received through the portal" in 2020, due 2020-01-31.
 * The API takes the channels it documents (API, MAIL, EMAIL, PHONE) — the portal files its own — and a received day
 * neither in the future nor more than two years back, each refused as a 400 naming the field, in French or English.
 */
class ComplaintChannelAndDayTest extends WebTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Toronto"));

    private ResultActions enter(String bearer, String channel, LocalDate receivedOn, String lang) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/complaints")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .header(HttpHeaders.ACCEPT_LANGUAGE, lang)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"Camille Exemple","email":"camille@example.test","phone":"+1 555 010 0199",
                         "subject":"Sollicitation","reasons":"Des courriels.","receivedOn":"%s","language":"fr",
                         "channel":"%s"}""".formatted(receivedOn, channel)));
    }

    @Test
    void thePortalChannelIsRefusedNamingTheField() throws Exception {
        var staff = bearer(Role.STAFF);
        for (var portal : new String[] {"portal", "PORTAL", " Portal "}) {
            enter(staff, portal, TODAY, "fr")
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("channel"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("PHONE")))
                    .andExpect(
                            jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.not(containsString("PORTAL"))));
        }
        enter(staff, "phone", TODAY, "en")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("PHONE"));
    }

    @Test
    void aReceivedDayMoreThanTwoYearsBackOrInTheFutureIsRefused() throws Exception {
        var staff = bearer(Role.STAFF);
        enter(staff, "mail", LocalDate.parse("2020-01-01"), "fr")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("receivedOn"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("plus de deux ans")));
        enter(staff, "mail", TODAY.minusYears(2).minusDays(1), "en")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("receivedOn"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("more than two years ago")));
        enter(staff, "mail", TODAY.plusDays(2), "fr")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));
        enter(staff, "mail", TODAY.minusYears(2).plusDays(1), "fr")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("MAIL"));
    }

    @Test
    void auditorsAndCallersWithoutATokenAreRefused() throws Exception {
        enter(bearer(Role.AUDITOR), "portal", LocalDate.parse("2020-01-01"), "fr")
                .andExpect(problem(403, "forbidden"));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/complaints")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(problem(401, "unauthenticated"));
    }
}
