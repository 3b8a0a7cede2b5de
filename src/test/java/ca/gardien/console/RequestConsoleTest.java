package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.Role;
import ca.gardien.requests.IdentifierKind;
import ca.gardien.requests.IdentityVerification;
import ca.gardien.requests.NewRequest;
import ca.gardien.requests.Representatives;
import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.RequestTasks;
import ca.gardien.requests.Requests;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;

/**
 * The console's request queue and request page, by role. A context of its own (its data map has a CRM system, so that
 * a verified request opens a task), hence the property below.
 */
@TestPropertySource(properties = "gardien.requests.workflow.task-lead-days=5")
class RequestConsoleTest extends WebTestSupport {

    static final String MAP = """
            subjectCategories:
              - {id: customer, name: {fr: Clients, en: Customers}}
            piCategories:
              - {id: contact, name: {fr: Coordonnées, en: Contact information}}
            purposes:
              - {id: service, name: {fr: Service, en: Service}, kind: primary}
            legalBases:
              - {id: contract, kind: contract, name: {fr: Contrat, en: Contract}}
            systems:
              - {id: crm, name: CRM, owner: sales, hostingLocation: Montréal, jurisdiction: CA-QC,
                 holdsPersonalInformation: true, introducedOn: "2020-01-01"}
            processingActivities:
              - {id: customers, name: {fr: Clients, en: Customers}, subjects: [customer], categories: [contact],
                 purposes: [service], legalBasis: contract, source: person, systems: [crm]}
            """;
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    Inventory inventory;

    @Autowired
    RequestIntake intake;

    @Autowired
    IdentityVerification verification;

    @Autowired
    Requests requests;

    @Autowired
    RequestTasks tasks;

    @Autowired
    Outbox outbox;

    @Autowired
    Representatives representatives;

    @BeforeEach
    void dataMap() {
        inventory.apply(MAP, Actor.SYSTEM);
    }

    @Test
    void listsOpenRequestsByDueDateWithUrgencyFiltersAndBurnDown() throws Exception {
        var access = received("ACCESS");
        var rectification = received("RECTIFICATION");
        var auditor = session(Role.AUDITOR);
        var queue = page("/console/requests", auditor);
        assertThat(queue)
                .contains("data-request=\"" + access + "\"")
                .contains("data-request=\"" + rectification + "\"")
                .contains("class=\"urgency ok\"")
                .contains("id=\"burn-down\"")
                .contains("<svg class=\"burndown\"");
        assertThat(page("/console/requests?type=RECTIFICATION", auditor))
                .contains("data-request=\"" + rectification + "\"")
                .doesNotContain("data-request=\"" + access + "\"");
        assertThat(page("/console/requests?days=-1&lang=en", auditor))
                .doesNotContain("data-request=\"" + access + "\"")
                .contains("Open requests by days left");
        assertThat(page("/console/requests?status=CANCELLED", auditor)).doesNotContain("data-request=\"" + access);
    }

    @Test
    void staffWorkTheRequestAndTheOfficerApprovesWhileEveryStepIsOnTheTimeline() throws Exception {
        var id = received("ACCESS");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        var staff = session(Role.STAFF);
        assertThat(page("/console/requests/" + id, staff))
                .contains("id=\"cancel\"")
                .doesNotContain("id=\"approve\"");

        // issue 11: the confirmation says what was checked; without it the step is refused and nothing moves
        assertThat(refusal(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH"))
                .contains("reason");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);
        act(
                staff,
                id,
                "/identifiers/CUSTOMER/confirm",
                "basis",
                "CUSTOMER_RECORD_MATCH",
                "reason",
                "Found in the customer file");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        var task = tasks.of(id).getFirst();
        act(staff, id, "/tasks/" + task.id() + "/assign");
        assertThat(tasks.of(id).getFirst().assignee()).isNotNull();
        act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "one record in CRM");
        assertThat(tasks.of(id).getFirst().done()).isTrue();

        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Here is your information.");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);
        mvc.perform(post("/console/requests/" + id + "/approve").session(staff).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RESPONSE_DRAFTED);

        var officer = login(OFFICER, OFFICER_PASSWORD);
        assertThat(page("/console/requests/" + id, officer)).contains("id=\"approve\"");
        act(officer, id, "/approve");
        act(staff, id, "/send");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.SENT);

        awaitLedgerEntry("requests.sent", id);
        var detail = page("/console/requests/" + id, session(Role.AUDITOR));
        assertThat(detail)
                .contains("requests.received")
                .contains("requests.identifier-verified")
                .contains("requests.task-completed")
                .contains("requests.approved")
                .contains("requests.sent")
                .contains("id=\"messages\"")
                .contains("crm");
        // issue 11: the auditor sees the identifiers masked (before, none at all), never in clear
        assertThat(detail)
                .doesNotContain(code(id))
                .doesNotContainPattern("console-[0-9a-f]{8}@example\\.test")
                .contains("c•••@example.test")
                .doesNotContain("Found in the customer file");
    }

    @Test
    void auditorsSeeMaskedIdentifiersWhileDelegatesSeeThemInClearAndRecordAnInPersonCheck() throws Exception {
        var id = received("ACCESS");
        var email = requests.get(id).identifiers().stream()
                .filter(i -> i.kind() == IdentifierKind.EMAIL)
                .findFirst()
                .orElseThrow()
                .value();
        var customer = "C-" + email.substring("console-".length(), email.indexOf('@'));

        var auditor = page("/console/requests/" + id, session(Role.AUDITOR));
        assertThat(auditor)
                .contains("c•••@example.test")
                .contains("C•••")
                .doesNotContain(email)
                .doesNotContain(customer)
                .doesNotContain("id=\"confirm-customer\"")
                .doesNotContain("id=\"prove-person\"");

        var delegate = session(Role.DELEGATE);
        assertThat(page("/console/requests/" + id, delegate))
                .contains(email)
                .contains(customer)
                .contains("id=\"confirm-customer\"")
                .contains("id=\"prove-person\"");
        var staff = session(Role.STAFF);
        assertThat(page("/console/requests/" + id, staff))
                .contains(email)
                .contains("id=\"confirm-customer\"")
                .doesNotContain("id=\"prove-person\"");
        mvc.perform(post("/console/requests/" + id + "/identity-proof")
                        .session(staff)
                        .with(csrf())
                        .param("basis", "IN_PERSON_ID_CHECK")
                        .param("reason", "Passport seen"))
                .andExpect(status().isForbidden());

        assertThat(refusal(delegate, id, "/identity-proof", "basis", "IN_PERSON_ID_CHECK"))
                .contains("reason");
        act(delegate, id, "/identity-proof", "basis", "IN_PERSON_ID_CHECK", "reason", "Passport seen at the desk");
        var proven = requests.get(id);
        assertThat(proven.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(proven.identifiers()).noneMatch(i -> i.verified()); // the email still needs its code
        assertThat(page("/console/requests/" + id, delegate))
                .contains("id=\"person-proof\"")
                .contains("Passport seen at the desk");
        assertThat(page("/console/requests/" + id, session(Role.AUDITOR)))
                .contains("id=\"person-proof\"")
                .doesNotContain("Passport seen at the desk");
    }

    @Test
    void auditorsReadButCannotActAndARefusedStepLeavesTheRequestAsItWas() throws Exception {
        var id = received("ACCESS");
        var auditor = session(Role.AUDITOR);
        var page = page("/console/requests/" + id, auditor);
        assertThat(page)
                .contains("id=\"timeline\"")
                .doesNotContain("id=\"cancel\"")
                .doesNotContain("<form id=\"response-form\"");
        mvc.perform(post("/console/requests/" + id + "/cancel").session(auditor).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);

        var staff = session(Role.STAFF);
        assertThat(refusal(staff, id, "/response", "outcome", "REFUSAL", "reasons", "Not held."))
                .contains("legalProvisions")
                .contains("remedy");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(refusal(staff, id, "/tasks/" + UUID.randomUUID() + "/complete", "outcome", "BOGUS"))
                .contains("outcome");
        mvc.perform(get("/console/requests/" + UUID.randomUUID()).session(staff))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/requests/" + UUID.randomUUID() + "/cancel")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        act(staff, id, "/cancel");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CANCELLED);
    }

    @Test
    void staffReviewARepresentativesDocumentAndExtendAGdprTimeLimitWithReasons() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var id = intake.submit(
                        new NewRequest(
                                "ERASURE",
                                new NewRequest.Subject("rep-" + suffix + "@example.test", null, null),
                                "GDPR",
                                "API",
                                "en",
                                null,
                                "customer",
                                "MANDATARY",
                                null),
                        Actor.SYSTEM)
                .id();
        var document = representatives.upload(
                id, new RequestIntake.Upload("application/pdf", "%PDF-1.4 mandate".getBytes()), Actor.SYSTEM);
        var staff = session(Role.STAFF);
        var page = page("/console/requests/" + id, staff);
        assertThat(page).contains("/documents/" + document + "/review").contains("id=\"extend\"");
        act(staff, id, "/documents/" + document + "/review", "approved", "true");
        assertThat(page("/console/requests/" + id, staff)).doesNotContain("/documents/" + document + "/review");
        assertThat(refusal(staff, id, "/extend", "reasons", "")).contains("reasons");
        var before = requests.get(id);
        act(staff, id, "/extend", "reasons", "Many systems to search.");
        assertThat(requests.get(id).dueOn()).isEqualTo(before.extendedDueOn()).isAfter(before.dueOn());
        assertThat(page("/console/requests/" + id, staff)).doesNotContain("id=\"extend\"");
    }

    private UUID received(String type) {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        return intake.submit(
                        new NewRequest(
                                type,
                                new NewRequest.Subject("console-" + suffix + "@example.test", null, "C-" + suffix),
                                "QC",
                                "API",
                                "fr",
                                null,
                                "customer",
                                null,
                                null),
                        Actor.SYSTEM)
                .id();
    }

    private void act(MockHttpSession session, UUID id, String path, String... params) throws Exception {
        var request = post("/console/requests/" + id + path).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var flash = mvc.perform(request)
                .andExpect(redirectedUrl("/console/requests/" + id))
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("refused")).as("refusal of " + path).isNull();
    }

    private String refusal(MockHttpSession session, UUID id, String path, String... params) throws Exception {
        var request = post("/console/requests/" + id + path).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var flash = mvc.perform(request)
                .andExpect(redirectedUrl("/console/requests/" + id))
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("refused")).as("refusal of " + path).isNotNull();
        return String.valueOf(flash.get("refused"));
    }

    private MockHttpSession session(Role role) throws Exception {
        var person = person(role);
        return login(person.username(), person.password());
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String code(UUID id) {
        var message = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.code"))
                .reduce((a, b) -> b)
                .orElseThrow();
        var matcher = CODE.matcher(message.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
