package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/** The console forms: register a JDBC connector, test its connection, edit its annotations through the inventory. */
class ConnectorConsoleFormsTest extends ConnectorTestSupport {

    static final String PASSWORD = "pw-" + UUID.randomUUID();

    CrmDatabase crm = new CrmDatabase("jdbc:h2:mem:forms-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Autowired
    JdbcTemplate gardienDb;

    @Autowired
    Inventory inventory;

    @AfterEach
    void drop() throws Exception {
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    static String newId() {
        return "form-" + UUID.randomUUID().toString().substring(0, 8);
    }

    MockHttpSession officer() throws Exception {
        return login(OFFICER, OFFICER_PASSWORD);
    }

    long connectors(String id) {
        return gardienDb.queryForObject("SELECT COUNT(*) FROM connectors_connector WHERE id = ?", Long.class, id);
    }

    @Test
    void aDelegateRegistersAConnectorTestsItAndSeesTheDiscoveredTablesPrefilled() throws Exception {
        crm.create();
        var id = newId();
        var delegate = person(Role.DELEGATE); // English is remembered on the account: not on the shared officer
        var session = login(delegate.username(), delegate.password());
        mvc.perform(get("/console/connectors/new").session(session).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Connect a database")));
        mvc.perform(post("/console/connectors")
                        .session(session)
                        .with(csrf())
                        .param("id", id)
                        .param("url", crm.url())
                        .param("username", "sa")
                        .param("password", ""))
                .andExpect(redirectedUrl("/console/connectors/" + id));
        assertThat(connectors(id)).isOne();
        awaitLedgerEntry("connectors.registered", id);
        mvc.perform(get("/console/connectors/" + id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("tables:"), containsString("CUSTOMER"))));
        var tested = mvc.perform(post("/console/connectors/" + id + "/test")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/connectors/" + id)) // a reload does not test again
                .andReturn();
        mvc.perform(get("/console/connectors/" + id).session(session).flashAttrs(tested.getFlashMap()))
                .andExpect(content().string(containsString("Connection succeeded: H2")));
        awaitLedgerEntry(
                "connectors.tested",
                e -> id.equals(e.get("objectId"))
                        && String.valueOf(e.get("payload")).contains("\"ok\":\"true\""));
    }

    @Test
    void aFailedConnectionTestShowsTheReasonWithoutThePassword() throws Exception {
        var id = newId();
        var session = officer();
        mvc.perform(post("/console/connectors")
                        .session(session)
                        .with(csrf())
                        .param("id", id)
                        .param("url", "jdbc:postgresql://127.0.0.1:1/nothing")
                        .param("username", "someone")
                        .param("password", PASSWORD))
                .andExpect(redirectedUrl("/console/connectors/" + id));
        var tested = mvc.perform(post("/console/connectors/" + id + "/test")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/connectors/" + id))
                .andReturn();
        mvc.perform(get("/console/connectors/" + id).session(session).flashAttrs(tested.getFlashMap()))
                .andExpect(content()
                        .string(allOf(containsString("Échec de la connexion"), not(containsString(PASSWORD)))));
        awaitLedgerEntry(
                "connectors.tested",
                e -> id.equals(e.get("objectId"))
                        && String.valueOf(e.get("payload")).contains("\"ok\":\"false\""));
    }

    @Test
    void badRegistrationsShowErrorsPerFieldNeverEchoThePasswordAndWriteNothing() throws Exception {
        var session = officer();
        mvc.perform(post("/console/connectors")
                        .session(session)
                        .with(csrf())
                        .param("id", "Bad Id!")
                        .param("url", "http://not-jdbc")
                        .param("password", PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("doit compter de 1 à 100 lettres minuscules"),
                                containsString("doit être une URL JDBC"),
                                containsString("value=\"http://not-jdbc\""),
                                not(containsString(PASSWORD)))));
        assertThat(connectors("Bad Id!")).isZero();
        var id = newId();
        mvc.perform(post("/console/connectors")
                        .session(session)
                        .with(csrf())
                        .param("id", id)
                        .param("url", "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'evil.sql'")
                        .param("password", PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("la propriété INIT est refusée pour tout pilote")));
        assertThat(connectors(id)).isZero();
    }

    @Test
    void annotationsArePlannedThenAppliedThroughTheInventoryAndMistakesShowTheirPaths() throws Exception {
        crm.create();
        var id = newId();
        register(id, crm.url(), "sa", "");
        annotate(CrmDatabase.ANNOTATIONS.formatted(id));
        var session = officer();
        mvc.perform(get("/console/connectors/" + id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("customer_email")));
        var before = inventory.export();
        mvc.perform(post("/console/connectors/" + id + "/datasets")
                        .session(session)
                        .with(csrf())
                        .param("step", "apply")
                        .param("basedOn", String.valueOf(inventory.revision()))
                        .param("yaml", entry("EXPLODE")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Rien n’a été modifié"), containsString(".erasure"))));
        mvc.perform(post("/console/connectors/" + id + "/datasets")
                        .session(session)
                        .with(csrf())
                        .param("step", "apply")
                        .param("basedOn", String.valueOf(inventory.revision()))
                        .param("yaml", "id: other\ntables: []"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("datasets.id : doit être " + id)));
        assertThat(inventory.export()).isEqualTo(before);
        mvc.perform(post("/console/connectors/" + id + "/datasets")
                        .session(session)
                        .with(csrf())
                        .param("step", "plan")
                        .param("yaml", entry("SET_NULL")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Modification — Jeux de données des connecteurs : " + id)));
        assertThat(inventory.export()).isEqualTo(before);
        long revision = gardienDb.queryForObject("SELECT MAX(revision) FROM inventory_revision", Long.class);
        // an entry written from a page older than another user's apply is refused, nothing applied (attacker's
        // re-check: it replaced the connector's dataset, dropping what was annotated meanwhile)
        mvc.perform(post("/console/connectors/" + id + "/datasets")
                        .session(session)
                        .with(csrf())
                        .param("step", "apply")
                        .param("basedOn", String.valueOf(revision - 1))
                        .param("yaml", entry("SET_NULL")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dataset-conflict\"")));
        assertThat(inventory.export()).isEqualTo(before);
        mvc.perform(post("/console/connectors/" + id + "/datasets")
                        .session(session)
                        .with(csrf())
                        .param("step", "apply")
                        .param("basedOn", String.valueOf(revision))
                        .param("yaml", entry("SET_NULL")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Annotations appliquées")));
        assertThat(inventory.current().datasets().stream()
                        .filter(d -> d.id().equals(id))
                        .toList())
                .hasSize(1);
        assertThat(inventory.export()).isNotEqualTo(before).contains("customer_email");
        awaitLedgerEntry(
                "inventory.applied",
                e -> String.valueOf(e.get("payload")).contains("\"revision\":\"" + (revision + 1) + "\""));
    }

    @Test
    void aTableIsAnnotatedColumnByColumnWithTheSameValidation() throws Exception {
        crm.create();
        var id = newId();
        register(id, crm.url(), "sa", "");
        annotate(CrmDatabase.ANNOTATIONS.formatted(id));
        var session = officer();
        mvc.perform(get("/console/connectors/" + id).session(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("/tables/SUPPORT_TICKET"), containsString("value=\"KEYED_HASH\""))));
        var before = inventory.export();
        mvc.perform(ticketForm(id, session, "EXPLODE"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Rien n’a été modifié"), containsString(".erasure"))));
        assertThat(inventory.export()).isEqualTo(before);
        mvc.perform(ticketForm(id, session, "DELETE_ROW"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Annotations appliquées")));
        var ticket = inventory.current().datasets().stream()
                .filter(d -> d.id().equals(id))
                .flatMap(d -> d.tables().stream())
                .filter(t -> t.name().equals("support_ticket"))
                .findFirst()
                .orElseThrow();
        assertThat(ticket.columns())
                .extracting(c -> c.name() + ":" + c.erasure() + ":" + c.references())
                .containsExactlyInAnyOrder(
                        "customer_email:KEYED_HASH:customer.email", "subject:DELETE_ROW:null", "body:MASK:null");
    }

    @Test
    void thePerTableFormNamesEveryFieldAndChoiceInThePagesLanguageAndExplainsTheCodesToType() throws Exception {
        crm.create();
        var id = newId();
        register(id, crm.url(), "sa", "");
        annotate(CrmDatabase.ANNOTATIONS.formatted(id));
        var delegate = person(Role.DELEGATE); // the language is remembered on the account
        var session = login(delegate.username(), delegate.password());
        mvc.perform(ticketForm(id, session, "FIXED").param("erasureValue", "", "", "[retiré]", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Annotations appliquées")));
        assertThat(inventory.current().datasets().stream()
                        .filter(d -> d.id().equals(id))
                        .flatMap(d -> d.tables().stream())
                        .filter(t -> t.name().equals("support_ticket"))
                        .flatMap(t -> t.columns().stream())
                        .filter(c -> c.name().equals("subject"))
                        .map(c -> c.erasure()))
                .as("the choice « a fixed value » and the value typed beside it")
                .containsExactly("FIXED:[retiré]");
        for (var language : new String[] {"fr", "en"}) {
            var fr = language.equals("fr");
            var html = mvc.perform(
                            get("/console/connectors/" + id).session(session).param("lang", language))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(html)
                    .as(language)
                    .contains(fr ? ">Catégorie de renseignements</th>" : ">Category of information</th>")
                    .contains(fr ? ">Type d’identifiant</th>" : ">Kind of identifier</th>")
                    .contains(fr ? ">Façon d’effacer</th>" : ">How to erase</th>")
                    .contains(fr ? ">Origine</th>" : ">Origin</th>")
                    .contains(fr ? ">Référence à une autre colonne</th>" : ">Reference to another column</th>")
                    .contains(fr ? ">Coordonnées</option>" : ">Contact information</option>")
                    .contains(
                            fr
                                    ? "value=\"KEYED_HASH\" selected=\"selected\">Remplacer par une empreinte<"
                                    : "value=\"KEYED_HASH\" selected=\"selected\">Replace with a keyed hash<")
                    .contains("value=\"FIXED\" selected=\"selected\"", "value=\"[retiré]\"")
                    // the codes typed in the YAML, each explained in words
                    .contains("<code data-raw>DELETE_ROW</code>")
                    .contains(fr ? "Supprimer la ligne" : "Delete the row")
                    .doesNotContain(
                            "<th>category</th>", "<th>erasure</th>", "erasure : DELETE_ROW", "erasure: DELETE_ROW");
            // what a person reads outside the codes marked raw and the YAML typed in its box: no strategy or origin
            // code (the database's own names, CUSTOMER_ID, are the schema's and stay as the database spells them)
            var read = html.replaceAll("(?s)<head>.*</head>", "")
                    .replaceAll("(?s)<textarea[^>]*>.*?</textarea>", "")
                    .replaceAll("<code[^>]*data-raw[^>]*>[^<]*</code>", "")
                    .replaceAll("<[^>]+>", "\n");
            assertThat(ca.gardien.support.PageAudit.wordingProblems(
                            read, language, java.util.Set.of("COLLECTED", "CREATED", "INFERRED", "MASK")))
                    .as(language)
                    .filteredOn(p -> p.startsWith("broken key")
                            || java.util.stream.Stream.of(
                                            "DELETE_ROW",
                                            "SET_NULL",
                                            "MASK",
                                            "KEYED_HASH",
                                            "FIXED",
                                            "COLLECTED",
                                            "CREATED",
                                            "INFERRED")
                                    .anyMatch(code -> p.startsWith("raw value " + code + " ")))
                    .isEmpty();
        }
    }

    /** The SUPPORT_TICKET form as the page sends it: every column, blank fields included. */
    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder ticketForm(
            String id, MockHttpSession s, String erasure) {
        return post("/console/connectors/" + id + "/tables/SUPPORT_TICKET")
                .session(s)
                .with(csrf())
                .param("step", "apply")
                .param("basedOn", String.valueOf(inventory.revision())) // the page's, read just now
                .param("column", "ID", "CUSTOMER_EMAIL", "SUBJECT", "BODY")
                .param("category", "", "", "", "")
                .param("identity", "", "", "", "")
                .param("erasure", "", "KEYED_HASH", erasure, "MASK")
                .param("origin", "", "", "", "")
                .param("references", "", "customer.email", "", "");
    }

    /** The connector's entry with one strategy changed (the rest as {@link CrmDatabase#ANNOTATIONS}). */
    static String entry(String subjectErasure) {
        return """
                tables:
                  - name: customer
                    columns:
                      - {name: email, category: contact, identity: email, origin: COLLECTED}
                      - {name: full_name, category: identity, origin: COLLECTED}
                  - name: support_ticket
                    columns:
                      - {name: customer_email, references: customer.email, erasure: KEYED_HASH}
                      - {name: subject, erasure: %s}
                """.formatted(subjectErasure);
    }

    @Test
    void auditorsAndStaffCannotRegisterTestOrAnnotateAndFormsNeedCsrf() throws Exception {
        crm.create();
        var id = newId();
        register(id, crm.url(), "sa", "");
        for (var role : new Role[] {Role.AUDITOR, Role.STAFF}) {
            var person = person(role);
            var session = login(person.username(), person.password());
            var other = newId();
            mvc.perform(post("/console/connectors")
                            .session(session)
                            .with(csrf())
                            .param("id", other)
                            .param("url", crm.url()))
                    .andExpect(status().isForbidden());
            assertThat(connectors(other)).isZero();
            mvc.perform(post("/console/connectors/" + id + "/test")
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/console/connectors/" + id + "/datasets")
                            .session(session)
                            .with(csrf())
                            .param("step", "apply")
                            .param("yaml", entry("MASK")))
                    .andExpect(status().isForbidden());
            mvc.perform(ticketForm(id, session, "MASK")).andExpect(status().isForbidden());
            mvc.perform(get("/console/connectors/new").session(session)).andExpect(status().isForbidden());
        }
        var other = newId();
        mvc.perform(post("/console/connectors")
                        .session(officer())
                        .param("id", other)
                        .param("url", crm.url()))
                .andExpect(status().isForbidden());
        assertThat(connectors(other)).isZero();
    }
}
