package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.MovableClock;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

@Import(IncidentsTestConfiguration.class)
class IncidentsApiTest extends WebTestSupport {

    static final String MAP = """
            subjectCategories:
              - {id: customer, name: {fr: Clients, en: Customers}}
            piCategories:
              - {id: contact, name: {fr: Coordonnées, en: Contact information}}
              - {id: health, name: {fr: Santé, en: Health}, sensitive: true}
            purposes:
              - {id: service, name: {fr: Service, en: Service}, kind: primary}
            legalBases:
              - {id: contract, kind: contract, name: {fr: Contrat, en: Contract}}
            systems:
              - {id: crm, name: CRM, owner: sales, hostingLocation: Montréal, jurisdiction: CA-QC,
                 holdsPersonalInformation: true, introducedOn: "2020-01-01"}
            processingActivities:
              - {id: customers, name: {fr: Clients, en: Customers}, subjects: [customer], categories: [contact, health],
                 purposes: [service], legalBasis: contract, source: person, systems: [crm]}
            """;

    static final String MINIMAL = """
            {"title": "Lost laptop", "occurredOn": "2026-11-20", "awareAt": "2026-11-21T09:00:00-05:00",
             "circumstances": "A laptop was left in a taxi."}""";

    @Autowired
    Inventory inventory;

    @Autowired
    ca.gardien.organization.Organization organization;

    @Autowired
    MovableClock clock;

    @BeforeEach
    void dataMap() {
        if (inventory.current().systems().isEmpty()) {
            inventory.apply(MAP, Actor.SYSTEM);
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    String create(String bearer, String body) throws Exception {
        return new IncidentCalls(mvc).create(bearer, body);
    }

    String postJson(String bearer, String path, String body, int expected) throws Exception {
        return new IncidentCalls(mvc).send(org.springframework.http.HttpMethod.POST, bearer, path, body, expected);
    }

    @Test
    void anOfficerRecordsAnIncidentWithTheMinimalShapeAndItIsALedgerFact() throws Exception {
        var officer = officerBearer();
        var id = create(officer, MINIMAL);
        mvc.perform(get("/api/v1/incidents/" + id).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Lost laptop"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.occurredFrom").value("2026-11-20"))
                .andExpect(jsonPath("$.retainUntil").value("2031-11-21"))
                .andExpect(jsonPath("$.urgency").value("ALERT"))
                .andExpect(jsonPath("$.missingForClosing").isArray());
        var fact = awaitLedgerEntry("incidents.recorded", id);
        assertThat(String.valueOf(fact.get("payload"))).doesNotContain("laptop");
    }

    @Test
    void badInputIsAProblemNamingTheFieldInTheCallersLanguage() throws Exception {
        var officer = officerBearer();
        mvc.perform(post("/api/v1/incidents")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"occurredOn": "2026-11-20", "awareAt": "2026-11-21T09:00:00-05:00",
                                 "circumstances": "x", "systems": ["nowhere"]}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("This field is required."))
                .andExpect(jsonPath("$.errors[?(@.field == 'systems[0]')]").isNotEmpty());
        mvc.perform(post("/api/v1/incidents")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(MINIMAL.replace("2026-11-20", "not-a-date")))
                .andExpect(status().isBadRequest());
        // what a reader would not see as stored: refused field by field (the register, its CSV and the notices show
        // them)
        mvc.perform(post("/api/v1/incidents")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(MINIMAL.replace("Lost laptop", "ctl \\u0001\\u001b[31m \\u0000 x \\ud800")
                                .replace("left in a taxi.", "left in a \\u202etaxi.")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("title", "circumstances")));
        mvc.perform(post("/api/v1/incidents")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(MINIMAL.replace("left in a taxi.", "left in a taxi.\\n\\tThen found.")))
                .andExpect(status().isCreated()); // line ends and tabs of a description are prose
        // a period ending in a year no database stores, or after today: refused on its field (attacker's review)
        mvc.perform(post("/api/v1/incidents")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(MINIMAL.replace(
                                "\"occurredOn\"", "\"occurredUntil\": \"+999999999-12-31\", \"occurredOn\"")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("occurredUntil"));
        var future = LocalDate.now(ZoneId.of("America/Toronto")).plusDays(3);
        mvc.perform(post("/api/v1/incidents")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(MINIMAL.replace("2026-11-21T09:00:00-05:00", future + "T09:00:00-05:00")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("awareAt"));
    }

    @Test
    void auditorsReadButDoNotWriteAndStaffSeeNoIncidentNotAssignedToThem() throws Exception {
        var id = create(officerBearer(), MINIMAL);
        mvc.perform(post("/api/v1/incidents")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(MINIMAL))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/incidents/" + id).header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(delete("/api/v1/incidents/" + id).header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/incidents/register.csv")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/incidents/register.pdf").header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(problem(403, "forbidden"));
    }

    @Test
    void deletingBeforeFiveYearsAfterAwarenessIsRefusedAndAllowedAfter() throws Exception {
        var officer = officerBearer();
        var id = create(officer, MINIMAL);
        mvc.perform(delete("/api/v1/incidents/" + id).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(409, "conflict"));
        // 2026-11-21 + 5 years = 2031-11-21: still kept the day before.
        var untilEve = Duration.between(
                java.time.Instant.now(),
                LocalDate.parse("2031-11-20")
                        .atTime(12, 0)
                        .atZone(ZoneId.of("America/Toronto"))
                        .toInstant());
        clock.advance(untilEve);
        mvc.perform(delete("/api/v1/incidents/" + id).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(409, "conflict"));
        clock.advance(Duration.ofDays(1));
        mvc.perform(delete("/api/v1/incidents/" + id).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/incidents/" + id).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(404, "not-found"));
        awaitLedgerEntry("incidents.deleted", id);
    }

    @Test
    void aSeriousIncidentClosesOnlyWithItsNoticeDatesAndTheRegisterHoldsEverySection7Field() throws Exception {
        var officer = officerBearer();
        var id = create(officer, """
                {"title": "Misdirected file", "kind": "COMMUNICATION", "occurredOn": "2026-11-18",
                 "occurredUntil": "2026-11-19", "awareAt": "2026-11-21T09:00:00-05:00",
                 "circumstances": "A file was sent to the wrong supplier.", "piDescription": "Names and diagnoses",
                 "personsCount": 120, "personsApproximate": true, "systems": ["crm"], "categories": ["health"]}""");
        var base = "/api/v1/incidents/" + id;
        postJson(officer, base + "/assessment", """
                {"sensitivity": "HIGH", "sensitivityReason": "health information",
                 "consequences": "HIGH", "consequencesReason": "discrimination",
                 "likelihood": "MEDIUM", "likelihoodReason": "the supplier has not confirmed destruction",
                 "consultedOn": "2026-11-22", "consultationNote": "agreed"}""", 200);
        postJson(officer, base + "/measures", """
                {"kind": "CONTAINMENT", "description": "Asked the supplier to destroy the file", "owner": "IT",
                 "doneOn": "2026-11-21"}""", 200);
        postJson(officer, base + "/measures", """
                {"kind": "PREVENTION", "description": "Encrypt every laptop", "owner": "IT",
                 "dueOn": "2026-11-25"}""", 200);
        // the officer's page flags the planned measure past its day and says so before closing
        var writer = person(Role.PRIVACY_OFFICER);
        var page = mvc.perform(get("/console/incidents/" + id).session(login(writer.username(), writer.password())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("class=\"late\">en retard</strong>")
                .contains("id=\"open-measures\"")
                .contains("Une mesure n’est pas encore réalisée");
        var refused = postJson(officer, base + "/close", "", 400);
        List<String> fields = JsonPath.read(refused, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("caiNoticeOn", "personsNoticeOn");
        postJson(officer, base + "/notices", """
                {"caiNoticeOn": "2026-11-23", "personsNoticeOn": "2026-11-24", "publicNotice": false}""", 200);
        postJson(officer, base + "/close", "", 200);
        awaitLedgerEntry("incidents.closed", id);

        var csv = mvc.perform(get("/api/v1/incidents/register.csv")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var lines = csv.split("\r\n");
        assertThat(lines[0])
                .contains(
                        "Personal information concerned",
                        "Circumstances",
                        "Date or period of the incident",
                        "Awareness",
                        "Number of persons concerned",
                        "Elements of the risk-of-serious-injury assessment",
                        "Transmission date of the notice to the Commission",
                        "Transmission date of the notice to the persons concerned",
                        "Public notice",
                        "Measures taken to reduce the risk of injury");
        var row = java.util.Arrays.stream(lines)
                .filter(l -> l.matches("I-\\d{4}-\\d{5,}," + id + ",.*"))
                .findFirst()
                .orElseThrow();
        assertThat(row)
                .contains(
                        "Names and diagnoses",
                        "2026-11-18 to 2026-11-19",
                        "about 120",
                        "health information",
                        "2026-11-23",
                        "2026-11-24",
                        "Asked the supplier to destroy the file (owner: IT; done on 2026-11-21)",
                        // planned only: never printed as if it had been taken that day (officer's review)
                        "Encrypt every laptop (owner: IT; due on 2026-11-25, not done to date)",
                        "Closed");

        var pdf = mvc.perform(get("/api/v1/incidents/register.pdf")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var text = new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(
                            "Registre des incidents de confidentialité",
                            "Misdirected file",
                            "Renseignements personnels visés",
                            "Names and diagnoses",
                            "Circonstances",
                            "Date ou période de l’incident",
                            "du 2026-11-18 au 2026-11-19",
                            "Nombre de personnes concernées",
                            "environ 120",
                            "health information",
                            "Date de transmission de l’avis à la Commission",
                            "2026-11-23",
                            "2026-11-24",
                            "Avis public",
                            "Asked the supplier to destroy the file");
            // the time of awareness in the organization's zone, as the console writes it, never an ISO instant
            assertThat(text).contains("2026-11-21 09:00 HNE").doesNotContain("2026-11-21T");
        }
    }

    @Test
    void anEntryWithoutANumberOffersToRecordTheDataMapsApproximation() throws Exception {
        inventory.apply(
                MAP.replace(
                        "{id: customer, name: {fr: Clients, en: Customers}}",
                        "{id: customer, name: {fr: Clients, en: Customers}, approximateCount: 1200}"),
                Actor.SYSTEM);
        var id = create(
                officerBearer(), MINIMAL.replace("\"circumstances\"", "\"systems\": [\"crm\"], \"circumstances\""));
        var writer = person(Role.PRIVACY_OFFICER);
        var session = login(writer.username(), writer.password());
        var page = mvc.perform(get("/console/incidents/" + id).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the register and the notices would say "unknown": the page says so and leads to the form, filled in
        assertThat(page)
                .contains("id=\"use-estimate\"")
                .contains("href=\"/console/incidents/" + id + "/edit#personsCount\"");
        var form = mvc.perform(get("/console/incidents/" + id + "/edit").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).containsPattern("id=\"personsCount\"[^>]*value=\"1200\"");
    }

    @Test
    void theDataMapPrefillsSensitivityFromTheChosenCategories() throws Exception {
        var body = mvc.perform(get("/api/v1/incidents/estimate")
                        .param("systems", "crm")
                        .param("categories", "health", "contact")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((Boolean) JsonPath.read(body, "$.sensitive")).isTrue();
        assertThat((List<String>) JsonPath.read(body, "$.sensitiveCategories")).containsExactly("health");
        assertThat((List<String>) JsonPath.read(body, "$.activities")).containsExactly("customers");
    }

    @Test
    void bothNoticesHoldEveryRequiredFieldInFrenchAndEnglishAsHtmlAndPdf() throws Exception {
        var officer = officerBearer();
        if (organization.profile().isEmpty()) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/organization")
                            .header(HttpHeaders.AUTHORIZATION, officer)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(profileJson("Exemple inc.", "Marie Tremblay", "rprp@example.test", null)))
                    .andExpect(status().is2xxSuccessful());
        }
        var id = create(officer, """
                {"title": "Misdirected file", "kind": "COMMUNICATION", "occurredOn": "2026-11-18",
                 "awareAt": "2026-11-21T09:00:00-05:00", "circumstances": "A file was sent to the wrong supplier.",
                 "piDescription": "Names and diagnoses", "personsCount": 42, "personsInQuebec": 39,
                 "systems": ["crm"], "categories": ["health"]}""");
        var base = "/api/v1/incidents/" + id;
        postJson(officer, base + "/assessment", """
                {"sensitivity": "HIGH", "sensitivityReason": "health information",
                 "consequences": "HIGH", "consequencesReason": "discrimination",
                 "likelihood": "MEDIUM", "likelihoodReason": "destruction not confirmed",
                 "consultedOn": "2026-11-22", "consultationNote": "agreed"}""", 200);
        postJson(officer, base + "/measures", """
                {"kind": "MITIGATION", "description": "Supplier confirmed deletion", "owner": "IT",
                 "doneOn": "2026-11-22"}""", 200);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(base + "/person-advice")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"advice\": \"Watch your health insurance statements\"}"))
                .andExpect(status().isOk());

        var commissionEn = document(base + "/notices/commission.html", "en");
        assertThat(commissionEn)
                .contains(
                        "Notice to the Commission",
                        "Organization concerned and Québec enterprise number",
                        "Exemple inc.",
                        "NEQ 1234567890",
                        "Contact person",
                        "Personal information concerned",
                        "Names and diagnoses",
                        "Circumstances of the incident",
                        "Date or period of the incident",
                        "2026-11-18",
                        "Date the organization became aware of the incident",
                        "2026-11-21",
                        "Number of persons concerned</dt><dd>42</dd>",
                        "Number of persons concerned who reside in Québec</dt><dd>39</dd>",
                        "Elements that led to conclude there is a risk of serious injury",
                        "health information",
                        "Notice to the persons concerned",
                        "Measures taken or intended to reduce the risk of injury",
                        "Supplier confirmed deletion");
        assertThat(document(base + "/notices/commission.html", "fr"))
                .contains("Avis à la Commission", "Personne à joindre", "Nombre de personnes concernées");
        var personsFr = document(base + "/notices/persons.html", "fr");
        assertThat(personsFr)
                .contains(
                        "Renseignements personnels visés",
                        "Circonstances de l’incident",
                        "Date ou période de l’incident",
                        "Mesures prises ou envisagées",
                        "Mesures que nous vous suggérons de prendre",
                        "Watch your health insurance statements",
                        "Personne à joindre");
        assertThat(document(base + "/notices/persons.html", "en"))
                .contains("Measures we suggest you take", "Contact person");

        var pdf = mvc.perform(get(base + "/notices/persons.pdf")
                        .param("lang", "en")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text.replaceAll("\\s+", " "))
                    .contains(
                            "Personal information concerned",
                            "Names and diagnoses",
                            "Measures we suggest you take",
                            "Watch your health insurance statements",
                            "Contact person");
        }
        mvc.perform(get(base + "/notices/other.html").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(404, "not-found"));

        assertThat(commissionEn)
                .as("item 11 of the notice to the Commission, even when no other authority was notified")
                .contains("Authorities outside Québec with similar functions notified", "No authority outside Québec");
        postJson(officer, base + "/notices", """
                {"caiNoticeOn": "2026-11-23", "personsNoticeOn": "2026-11-24",
                 "otherAuthorities": "Office of the Privacy Commissioner of Canada, 2026-11-23"}""", 200);
        var fact = awaitLedgerEntry("incidents.notices-dated", id);
        assertThat(String.valueOf(fact.get("payload")))
                .contains("caiNoticeFrSha256", "personsNoticeEnSha256", "\"otherAuthorities\":\"true\"")
                .doesNotContain("diagnoses")
                .doesNotContain("Privacy Commissioner");
        assertThat(document(base + "/notices/commission.html", "fr"))
                .contains(
                        "Autorités hors Québec exerçant des fonctions semblables avisées",
                        "Office of the Privacy Commissioner of Canada");
        var commissionPdf = mvc.perform(get(base + "/notices/commission.pdf")
                        .param("lang", "en")
                        .header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(commissionPdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper()
                            .getText(document)
                            .replaceAll("\\s+", " "))
                    .contains(
                            "Authorities outside Québec with similar functions notified",
                            "Office of the Privacy Commissioner of Canada");
        }
    }

    String document(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void supplementaryInformationIsRecordedAgainstTheFirstNoticeToTheCommission() throws Exception {
        var officer = officerBearer();
        var id = create(officer, MINIMAL);
        var base = "/api/v1/incidents/" + id + "/notices/commission/supplements";
        var supplement = """
                {"sentOn": "2026-11-25", "information": "The laptop was found; the disk was encrypted."}""";
        postJson(officer, base, supplement, 409);
        postJson(officer, "/api/v1/incidents/" + id + "/notices", """
                {"caiNoticeOn": "2026-11-23", "publicNotice": false}""", 200);
        var refused = mvc.perform(post(base)
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sentOn\": \"2026-11-22\", \"information\": \" \"}"))
                .andExpect(problem(400, "validation"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field"))
                .containsExactlyInAnyOrder("sentOn", "information");
        mvc.perform(post(base)
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(supplement))
                .andExpect(problem(403, "forbidden"));
        postJson(officer, base, supplement, 200);
        mvc.perform(get(base).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].sentOn").value("2026-11-25"))
                .andExpect(jsonPath("$[0].information").value("The laptop was found; the disk was encrypted."));
        var fact = awaitLedgerEntry("incidents.supplement-recorded", id);
        assertThat(fact.toString()).contains("2026-11-23").doesNotContain("laptop was found");
    }

    @Autowired
    Incidents incidents;

    @Autowired
    IncidentNotices notices;

    @Autowired
    IncidentReminders reminders;

    @Autowired
    ca.gardien.mail.Outbox outbox;

    @Test
    void theRecorderIsRemindedEveryConfiguredPeriodWhileARequiredNoticeIsUnsent() {
        var officer = Actor.account(officerId());
        var aware =
                java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(-5)).minusHours(1);
        var incident = incidents.record(
                new IncidentDetails(
                        "Stolen badge list",
                        IncidentKind.ACCESS,
                        "Names",
                        null,
                        "Badge list stolen",
                        aware.toLocalDate(),
                        null,
                        false,
                        aware,
                        5L,
                        null,
                        false,
                        List.of(),
                        List.of()),
                officer);
        var id = incident.id();
        reminders.tick();
        assertThat(outbox.about(id.toString())).isEmpty();
        incidents.assess(
                id,
                RiskAssessmentTest.answers(Level.HIGH, Level.HIGH, Level.HIGH, null, null)
                        .withConsultedOn(aware.toLocalDate()),
                officer);
        clock.advance(Duration.ofHours(23).plusMinutes(30));
        reminders.tick();
        reminders.tick();
        assertThat(outbox.about(id.toString())).hasSize(1);
        clock.advance(Duration.ofHours(24));
        reminders.tick();
        assertThat(outbox.about(id.toString())).hasSize(2);
        var today = LocalDate.ofInstant(clock.instant(), ZoneId.of("America/Toronto"));
        notices.date(id, new NoticeDates(today, today, false, null, null, null), officer);
        clock.advance(Duration.ofHours(24));
        reminders.tick();
        assertThat(outbox.about(id.toString())).hasSize(2);
        awaitLedgerEntry("incidents.reminder-sent", id);
    }
}
