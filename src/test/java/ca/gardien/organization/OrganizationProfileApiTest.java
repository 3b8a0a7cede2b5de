package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** The organization profile through {@code /api/v1/organization}. */
class OrganizationProfileApiTest extends WebTestSupport {

    private ResultActions putProfile(String bearer, String json) throws Exception {
        return mvc.perform(put("/api/v1/organization")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void thePersonInChargeReplacesTheProfile() throws Exception {
        var legalName = unique("Coopérative Exemple");

        putProfile(officerBearer(), profileJson(legalName, "Maëlle Synthétique", "maelle@example.test", "Éloi Test"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.legalName").value(legalName));

        mvc.perform(get("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.legalName").value(legalName))
                .andExpect(jsonPath("$.neq").value("1234567890"))
                .andExpect(jsonPath("$.address.city").value("Québec"))
                .andExpect(jsonPath("$.personInCharge.name").value("Maëlle Synthétique"))
                .andExpect(jsonPath("$.personInCharge.title").value("Directrice des opérations"))
                .andExpect(jsonPath("$.personInCharge.email").value("maelle@example.test"))
                .andExpect(jsonPath("$.personInCharge.phone").value("+1 555 010 0000"))
                .andExpect(jsonPath("$.acting.name").value("Éloi Test"));
    }

    @Test
    void eachPersonMayHaveAnEnglishTitleAndABlankOneIsNone() throws Exception {
        var body = profileJson(unique("Titres"), "Name", "name@example.test", "Acting Test")
                .replace(
                        "\"title\": \"Directrice des opérations\",",
                        "\"title\": \"Directrice des opérations\", " + "\"titleEn\": \"Director of Operations\",")
                .replace("\"title\": \"Président\",", "\"title\": \"Président\", \"titleEn\": \"  \",");
        putProfile(officerBearer(), body).andExpect(status().isOk());

        mvc.perform(get("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(jsonPath("$.personInCharge.title").value("Directrice des opérations"))
                .andExpect(jsonPath("$.personInCharge.titleEn").value("Director of Operations"))
                .andExpect(jsonPath("$.acting.title").value("Président"))
                .andExpect(jsonPath("$.acting.titleEn").doesNotExist());
    }

    /** Attacker's review of 2026-12-06: a legal name of no-break and Braille blanks headed every letter invisibly. */
    @Test
    void refusesANameOfBlanksThatNotBlankDoesNotSeeNamingEachField() throws Exception {
        var before = organizationProfile();
        var body = profileJson("\\u00a0\\u2800", "\\u3164", "name@example.test", "Acting Test");
        putProfile(officerBearer(), body)
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("legalName", "personInCharge.name")))
                .andExpect(content().string(containsString("ne contient ni lettre ni chiffre")));
        assertThat(organizationProfile()).isEqualTo(before);
    }

    @Test
    void refusesAnEnglishTitleThatIsTooLongOrHidesMarksNamingItInTheCallersLanguage() throws Exception {
        var before = organizationProfile();
        var body = profileJson(unique("Mauvais titre"), "Name", "name@example.test", "Acting Test")
                .replace(
                        "\"title\": \"Directrice des opérations\",",
                        "\"title\": \"Directrice des opérations\", "
                                + "\"titleEn\": \"Director\\u200b of Operations\",")
                .replace(
                        "\"title\": \"Président\",",
                        "\"title\": \"Président\", \"titleEn\": \"%s\",".formatted("x".repeat(201)));
        putProfile(officerBearer(), body)
                .andExpect(problem(400, "validation"))
                .andExpect(
                        jsonPath("$.errors[*].field", containsInAnyOrder("personInCharge.titleEn", "acting.titleEn")))
                .andExpect(content().string(containsString("marques invisibles")));
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(problem(400, "validation"))
                .andExpect(content().string(containsString("invisible marks")));
        assertThat(organizationProfile()).isEqualTo(before);
    }

    @Test
    void onlyThePersonInChargeMaySetAnEnglishTitle() throws Exception {
        var before = organizationProfile();
        var body = profileJson(unique("Usurper"), "Name", "name@example.test", null)
                .replace(
                        "\"title\": \"Directrice des opérations\",",
                        "\"title\": \"Directrice des opérations\", " + "\"titleEn\": \"Usurped title\",");
        putProfile(bearer(Role.DELEGATE), body).andExpect(problem(403, "forbidden"));
        putProfile(bearer(Role.STAFF), body).andExpect(problem(403, "forbidden"));
        assertThat(organizationProfile()).isEqualTo(before).doesNotContain("Usurped title");
    }

    @Test
    void theActingPersonIsOptional() throws Exception {
        var legalName = unique("Sans intérim");

        putProfile(officerBearer(), profileJson(legalName, "Name", "name@example.test", null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acting").doesNotExist());

        assertThat(organizationProfile()).contains(legalName).doesNotContain("acting@example.test");
    }

    @Test
    void acceptsANeqPrintedWithSpaces() throws Exception {
        var body = profileJson(unique("Org"), "Name", "name@example.test", null)
                .replace("\"1234567890\"", "\"11 4567 8901\"");

        putProfile(officerBearer(), body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.neq").value("1145678901"));
    }

    @Test
    void rejectsANeqThatIsNotTenDigits() throws Exception {
        for (var neq : new String[] {"12345", "12345678901", "ABCDEFGHIJ"}) {
            var body =
                    profileJson("Org", "Name", "name@example.test", null).replace("\"1234567890\"", "\"" + neq + "\"");
            putProfile(officerBearer(), body)
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("neq")))
                    .andExpect(content().string(not(containsString(neq))));
        }
    }

    @Test
    void rejectsAProfileWithoutItsRequiredParts() throws Exception {
        putProfile(officerBearer(), "{}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("address", "legalName", "personInCharge")));
    }

    @Test
    void namesNestedFieldsOfTheAddressAndPeople() throws Exception {
        var body = profileJson("Org", "", "not-an-address", "Acting")
                .replace("\"G1K 1A1\"", "\"\"")
                .replace("\"acting@example.test\"", "\"acting-nowhere\"")
                .replace("\"+1 555 010 0000\"", "\"call me\"");

        putProfile(officerBearer(), body)
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder(
                                "acting.email",
                                "address.postalCode",
                                "personInCharge.email",
                                "personInCharge.name",
                                "personInCharge.phone")))
                .andExpect(content().string(not(containsString("not-an-address"))))
                .andExpect(content().string(not(containsString("call me"))));
    }

    /** The name is printed on every letter and heads every email's subject: it reads as stored (attacker's re-check). */
    @Test
    void refusesLineEndsAndInvisibleMarksInWhatLettersAndEmailsPrint() throws Exception {
        var body = profileJson(
                        "Acme Synth\\r\\nBcc: someone@example.test", "Name \\u202eemaN", "name@example.test", null)
                .replace("\"G1K 1A1\"", "\"G1K \\uDB40\\uDC41 1A1\"");
        putProfile(officerBearer(), body)
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder("legalName", "personInCharge.name", "address.postalCode")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("marques invisibles")));
    }

    @Test
    void rejectsAnOverlongLegalName() throws Exception {
        putProfile(officerBearer(), profileJson("x".repeat(201), "Name", "name@example.test", null))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("legalName"));
    }

    @Test
    void onlyThePersonInChargeMayChangeTheProfile() throws Exception {
        var before = organizationProfile();
        var body = profileJson(unique("Usurper"), "Name", "name@example.test", null);

        putProfile(bearer(Role.DELEGATE), body).andExpect(problem(403, "forbidden"));
        putProfile(bearer(Role.STAFF), body).andExpect(problem(403, "forbidden"));
        putProfile(bearer(Role.AUDITOR), body).andExpect(problem(403, "forbidden"));
        mvc.perform(put("/api/v1/organization")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(problem(401, "unauthenticated"));

        assertThat(organizationProfile()).isEqualTo(before).doesNotContain("Usurper");
    }

    @Test
    void aProfileChangeIsALedgerFactWithoutTheContactDetails() throws Exception {
        var officer = issue(officerId(), Role.PRIVACY_OFFICER);
        var email = unique("ledger") + "@example.test";

        putProfile("Bearer " + officer.secret(), profileJson(unique("Org"), "Ledger Person", email, null))
                .andExpect(status().isOk());

        var entry = awaitLedgerEntry(
                "organization.profile-updated",
                e -> officer.token().id().toString().equals(actorId(e)));
        assertThat(actorKind(entry)).isEqualTo("TOKEN");
        assertThat(entry.get("objectType")).isEqualTo("organization");
        assertThat((String) entry.get("payload"))
                .contains("sha256")
                .doesNotContain(email)
                .doesNotContain("Ledger Person");
    }

    @Test
    void everyRoleMayReadTheProfile() throws Exception {
        putProfile(officerBearer(), profileJson(unique("Readable"), "Name", "name@example.test", null))
                .andExpect(status().isOk());

        for (var role : Role.people()) {
            mvc.perform(get("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, bearer(role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.legalName", containsString("Readable")));
        }
        mvc.perform(get("/api/v1/organization")).andExpect(problem(401, "unauthenticated"));
    }

    @Test
    void namesTheMissingFieldsOfAnEmptyAddressAndPerson() throws Exception {
        putProfile(officerBearer(), "{\"legalName\":\"\",\"address\":{},\"personInCharge\":{}}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("address.street")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("personInCharge.email")));
    }

    private String organizationProfile() throws Exception {
        return mvc.perform(get("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
