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
import ca.gardien.requests.IdentityVerification;
import ca.gardien.requests.NewRequest;
import ca.gardien.requests.Representatives;
import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.RequestTasks;
import ca.gardien.requests.Requests;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The context and helpers of the console's request tests. A context of its own (its data map has a CRM system, so that
 * a verified request opens a task), hence the property below; the tests that extend this share it.
 */
@TestPropertySource(properties = "gardien.requests.workflow.task-lead-days=5")
abstract class RequestConsoleSupport extends WebTestSupport {

    /**
     * A day a letter was received: a week before today, so that the entry's two-year bound never refuses it however
     * late the tests run (a fixed day here stopped passing two years after it was written).
     */
    static final String LAST_WEEK = LocalDate.now(ZoneOffset.UTC).minusDays(7).toString();

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

    UUID received(String type) {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        return received(
                type, new NewRequest.Subject("console-" + suffix + "@example.test", null, "C-" + suffix), "API");
    }

    /** A request received through this channel, matching on these identifiers. */
    UUID received(String type, NewRequest.Subject subject, String channel) {
        return intake.submit(
                        new NewRequest(type, subject, "QC", channel, "fr", null, "customer", null, null), Actor.SYSTEM)
                .id();
    }

    void act(MockHttpSession session, UUID id, String path, String... params) throws Exception {
        var request = post("/console/requests/" + id + path).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        if (path.equals("/approve") && params.length == 0) { // as the browser does: the answer the page shows
            var shown = ANSWER_SHOWN.matcher(page("/console/requests/" + id, session));
            assertThat(shown.find())
                    .as("the approve form names the answer it shows")
                    .isTrue();
            request.param("answer", shown.group(1));
        }
        var done = mvc.perform(request).andReturn();
        // a task's step comes back to the task's card
        assertThat(done.getResponse().getRedirectedUrl())
                .isIn("/console/requests/" + id, "/console/requests/" + id + "#task-" + taskOf(path));
        assertThat(done.getFlashMap().get("refused")).as("refusal of " + path).isNull();
    }

    private static final java.util.regex.Pattern ANSWER_SHOWN =
            java.util.regex.Pattern.compile("name=\"answer\" value=\"([0-9a-f]{64})\"");

    private static String taskOf(String path) {
        return path.startsWith("/tasks/") ? path.split("/")[2] : "";
    }

    String refusal(MockHttpSession session, UUID id, String path, String... params) throws Exception {
        return String.valueOf(refused(session, id, path, params).get("refused"));
    }

    /** Posts a step that is refused and returns the page it comes back to, as the browser shows it after the redirect. */
    String refusedPage(MockHttpSession session, UUID id, String path, String... params) throws Exception {
        return pageAfter(session, id, refused(session, id, path, params));
    }

    /** The request's page as the redirect of a step shows it, with that step's flash (a refusal, a preview). */
    String pageAfter(MockHttpSession session, UUID id, FlashMap flash) throws Exception {
        // the earlier steps' redirects left their flash maps in the session, unread: show this step's
        session.removeAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
        return mvc.perform(get("/console/requests/" + id).session(session).flashAttrs(flash))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private FlashMap refused(MockHttpSession session, UUID id, String path, String... params) throws Exception {
        var request = post("/console/requests/" + id + path).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var flash = mvc.perform(request)
                .andExpect(redirectedUrl("/console/requests/" + id))
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("refused")).as("refusal of " + path).isNotNull();
        return flash;
    }

    /** Drafts the reasoned refusal of a request whose identity could not be established. */
    void draftIdentityRefusal(MockHttpSession session, UUID id) throws Exception {
        act(
                session,
                id,
                "/response",
                "outcome",
                "REFUSAL",
                "message",
                "Nous ne pouvons pas donner suite.",
                "reasons",
                "Votre identité n'a pas pu être établie.",
                "legalProvisions",
                "P-39.1, art. 30",
                "remedy",
                "Commission d'accès à l'information",
                "remedyTimeLimitDays",
                "30");
    }

    /** A request whose email and customer number are proven: in progress, one task on the CRM. */
    /** An access request answered and sent by a link to its verified email (held in the outbox: no mail server). */
    UUID sentByLink() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "vu");
        }
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Voici.");
        act(session(Role.PRIVACY_OFFICER), id, "/approve");
        act(staff, id, "/send");
        return id;
    }

    UUID inProgress(String type, MockHttpSession staff) throws Exception {
        var id = received(type);
        verification.verify(id, ca.gardien.shared.IdentifierKind.EMAIL, code(id));
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "Au dossier");
        assertThat(requests.get(id).status()).isEqualTo(ca.gardien.requests.RequestStatus.IN_PROGRESS);
        return id;
    }

    MockHttpSession session(Role role) throws Exception {
        var person = person(role);
        return login(person.username(), person.password());
    }

    /**
     * The request's page as shown right after a step, with that step's flash only (the session's flash maps of earlier
     * steps, never shown in these tests, are left out).
     */
    String shownAfter(UUID id, MockHttpSession session, org.springframework.web.servlet.FlashMap flash)
            throws Exception {
        session.removeAttribute(
                org.springframework.web.servlet.support.SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
        return mvc.perform(get("/console/requests/" + id).session(session).flashAttrs(flash))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** A CSV export's text (UTF-8, as spreadsheets read it). */
    String csv(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    String code(UUID id) {
        var message = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.code"))
                .reduce((a, b) -> b)
                .orElseThrow();
        var matcher = CODE.matcher(message.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
