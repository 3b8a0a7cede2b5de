package ca.gardien.requests;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.inventory.Inventory;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.OutboxMessage;
import ca.gardien.shared.Actor;
import ca.gardien.support.MovableClock;
import ca.gardien.support.WebTestSupport;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One application context for the request tests: a clock they can move and an SMTP server (GreenMail, started once per
 * JVM on a free port) that receives every email Gardien sends. The data map has customers (contact information in two
 * systems) and candidates (health information, sensitive, in the HR system).
 */
@Import(RequestsTestConfiguration.class)
abstract class RequestsTestSupport extends WebTestSupport {

    static final GreenMail MAIL = startMail();

    static final String MAP = """
            subjectCategories:
              - {id: customer, name: {fr: Clients, en: Customers}}
              - {id: candidate, name: {fr: Candidats, en: Candidates}}
              - {id: subscriber, name: {fr: Abonnés, en: Subscribers}}
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
              - {id: mailing, name: Mailing, owner: marketing, hostingLocation: Montréal, jurisdiction: CA-QC,
                 holdsPersonalInformation: true, introducedOn: "2020-01-01"}
              - {id: newsletter-service, name: Newsletter, owner: marketing, hostingLocation: Montréal,
                 jurisdiction: CA-QC, holdsPersonalInformation: true, introducedOn: "2020-01-01"}
              - {id: hr, name: HR, owner: hr, hostingLocation: Québec, jurisdiction: CA-QC,
                 holdsPersonalInformation: true, introducedOn: "2020-01-01"}
            processingActivities:
              - {id: customers, name: {fr: Clients, en: Customers}, subjects: [customer], categories: [contact],
                 purposes: [service], legalBasis: contract, source: person, systems: [crm, mailing]}
              - {id: hiring, name: {fr: Embauche, en: Hiring}, subjects: [candidate], categories: [contact, health],
                 purposes: [service], legalBasis: contract, source: person, systems: [hr]}
              - {id: newsletter, name: {fr: Infolettre, en: Newsletter}, subjects: [subscriber], categories: [contact],
                 purposes: [service], legalBasis: contract, source: person, systems: [newsletter-service, crm]}
            """;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    MovableClock clock;

    @Autowired
    Inventory inventory;

    @Autowired
    Outbox outbox;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    String staff;

    @BeforeEach
    void dataMap() {
        inventory.apply(MAP, Actor.SYSTEM);
        staff = bearer(ca.gardien.organization.Role.STAFF);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static GreenMail startMail() {
        var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    static String email() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    ResultActions submit(String bearer, String body) throws Exception {
        return mvc.perform(post("/api/v1/requests")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /** Submits a request and returns its id. */
    UUID submitted(String subjectJson, String type, String jurisdiction, String category) throws Exception {
        var body = submit(staff, """
                        {"type": "%s", "subject": %s, "jurisdiction": "%s", "channel": "API", "language": "fr"%s}""".formatted(
                                type,
                                subjectJson,
                                jurisdiction,
                                category == null ? "" : ", \"subjectCategory\": \"" + category + "\""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    /** The last code sent for the request on a channel, read from the outbox. */
    String lastCode(UUID requestId, String template) {
        List<OutboxMessage> messages = outbox.about(requestId.toString()).stream()
                .filter(m -> m.template().equals(template))
                .toList();
        var matcher = CODE.matcher(messages.getLast().body());
        return matcher.find() ? matcher.group(1) : null;
    }

    /** A request for a customer whose only identifier, an email, is verified: in progress, tasks on crm and mailing. */
    UUID inProgress(String type, String email) throws Exception {
        var id = submitted("{\"email\": \"" + email + "\"}", type, "QC", "customer");
        verify(id, "EMAIL", lastCode(id, "requests.code"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("IN_PROGRESS"));
        return id;
    }

    /** Completes the open tasks: the CRM's finds {@code crmRecords}, every other system (all, when null) finds nothing. */
    void completeTasks(UUID id, String crmRecords) throws Exception {
        for (var task : tasksJson(id)) {
            if (!"OPEN".equals(task.get("status"))) {
                continue;
            }
            var crm = crmRecords != null && "crm".equals(task.get("systemId"));
            var body = crm
                    ? "{\"outcome\": \"FOUND\", \"records\": " + crmRecords + "}"
                    : "{\"outcome\": \"NOT_FOUND\", \"note\": \"searched by email\"}";
            mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + task.get("id") + "/complete")
                            .header("Authorization", staff)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                            .isOk());
        }
    }

    /** The request's tasks as the API gives them. */
    List<java.util.Map<String, Object>> tasksJson(UUID id) throws Exception {
        var tasks = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/requests/" + id + "/tasks")
                        .header("Authorization", staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(tasks, "$");
    }

    /** The path of the download link in the request's delivery message. */
    String downloadLink(UUID id) {
        return outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.delivery"))
                .findFirst()
                .orElseThrow()
                .body()
                .replaceAll("(?s).*(/requests/download/[A-Za-z0-9_-]+).*", "$1");
    }

    /** The files of the ZIP the person downloads through the link of the request's delivery message. */
    java.util.Map<String, byte[]> downloaded(UUID id) throws Exception {
        var zip = mvc.perform(post(downloadLink(id)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk())
                .andReturn();
        return RightsRequestEndToEndTest.unzip(zip.getResponse().getContentAsByteArray());
    }

    ResultActions draft(UUID id, String bearer, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/requests/" + id + "/response")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** An access request of this person's email, answered with a refusal: approved and sent. */
    UUID sentRefusal(String email) throws Exception {
        var refused = inProgress("ACCESS", email);
        completeTasks(refused, "[]");
        draft(refused, staff, """
                        {"outcome": "REFUSAL", "reasons": "Les renseignements concernent un tiers.",
                         "legalProvisions": ["P-39.1 s. 40"],
                         "remedy": "Demande d'examen de mésentente à la Commission d'accès à l'information",
                         "remedyTimeLimitDays": 30}""")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk());
        mvc.perform(post("/api/v1/requests/" + refused + "/approve").header("Authorization", officerBearer()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("APPROVED"));
        mvc.perform(post("/api/v1/requests/" + refused + "/send").header("Authorization", staff))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("SENT"));
        return refused;
    }

    ResultActions verify(UUID requestId, String kind, String code) throws Exception {
        return mvc.perform(post("/requests/" + requestId + "/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"" + kind + "\", \"code\": \"" + code + "\"}"));
    }
}
