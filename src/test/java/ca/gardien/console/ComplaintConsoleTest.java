package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.complaints.Complaints;
import ca.gardien.organization.Role;
import ca.gardien.shared.Digests;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Issue 16 in the console: officer entry of a complaint received by mail with its scanned letter, and every step of the
 * file as a form (assign, request and record information, delay notice, notes, documents, links, answer, close). A
 * refused step keeps what was typed with the error next to its field, in the page's language; the file stays
 * confidential and every step is a ledger fact.
 */
class ComplaintConsoleTest extends WebTestSupport {

    static final byte[] SCAN = "%PDF-1.4 lettre de plainte".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Complaints complaints;

    @Autowired
    ca.gardien.mail.Outbox outbox;

    MockHttpSession session(Role role) throws Exception {
        var person = person(role);
        return login(person.username(), person.password());
    }

    String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Posts a step of the file's page and returns the page it comes back to (with its flash: done or refused). */
    String step(MockHttpSession session, UUID id, String step, String... params) throws Exception {
        var post =
                post("/console/complaints/" + id + "/" + step).session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            post.param(params[i], params[i + 1]);
        }
        var result = mvc.perform(post)
                .andExpect(redirectedUrl("/console/complaints/" + id))
                .andReturn();
        return mvc.perform(get("/console/complaints/" + id).session(session).flashAttrs(result.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    UUID enter(MockHttpSession session, String receivedOn) throws Exception {
        var location = mvc.perform(multipart("/console/complaints/new")
                        .file(new MockMultipartFile("letter", "scan.pdf", "application/pdf", SCAN))
                        .param("channel", "MAIL")
                        .param("receivedOn", receivedOn)
                        .param("language", "fr")
                        .param("name", "Camille Exemple")
                        .param("email", "")
                        .param("phone", "+1 555 010 0199")
                        .param("subject", "Lettre reçue")
                        .param("reasons", "Des appels après mon retrait.")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/console/complaints/");
        mvc.perform(get(location).session(session)); // as a browser does: what the entry said is read once, not kept
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Toronto"));
    }

    static String dueOn(String html) {
        return html.replaceAll("(?s).*<span id=\"due\">([^<]*)</span>.*", "$1");
    }

    @Test
    void theOfficerEntersAMailedComplaintWithItsScanAndWorksTheFileUntilItIsClosed() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/complaints", officer)).contains("href=\"/console/complaints/new\"");
        assertThat(page("/console/complaints/new", officer))
                .contains("id=\"complaint-entry\"", "enctype=\"multipart/form-data\"", "name=\"_csrf\"");
        var received = today().minusDays(3).toString();
        var id = enter(officer, received);
        var file = page("/console/complaints/" + id, officer);
        assertThat(file).contains("Lettre numérisée", "Courrier", received, "id=\"assign-form\"");
        var letter = awaitLedgerEntry("complaints.document", id);
        assertThat(String.valueOf(letter.get("payload")))
                .contains("LETTER", Digests.sha256Hex(SCAN))
                .doesNotContain("Camille", "+1 555 010 0199");
        assertThat(String.valueOf(awaitLedgerEntry("complaints.received", id).get("payload")))
                .contains("MAIL", received);

        var staff = person(Role.STAFF);
        file = step(officer, id, "assignment", "accountId", staff.id().toString());
        assertThat(file).contains("id=\"done\"").contains("<dd id=\"assigned-to\">Test person</dd>");
        // the timeline names the officer by the role they act in, not as a staff member
        assertThat(file)
                .contains("<span class=\"actor\">Personne responsable</span>")
                .doesNotContain("<span class=\"actor\">Membre du personnel</span>");
        assertThat(actorId(awaitLedgerEntry("complaints.assigned", id))).isNotBlank();

        var firstDue = dueOn(file);
        file = step(officer, id, "information-requests", "details", "Une copie du courriel reçu.");
        assertThat(file)
                .contains("En attente de renseignements", "délai suspendu", "id=\"stopped-on\"")
                .contains("id=\"received-form\"")
                .doesNotContain("id=\"information-form\"", "id=\"delay-form\"")
                .containsPattern("<dd>\\s*<span class=\"urgency STOPPED\">Délai suspendu</span></dd>");
        // no email address: the request is a PDF to print and post, offered with the steps, and said "by post"
        assertThat(file)
                .contains("Renseignements supplémentaires demandés par la poste : délai suspendu")
                .contains("id=\"to-post\"", "Demande de renseignements (PDF)")
                .doesNotContain("envoyé au plaignant par courriel");
        awaitLedgerEntry("complaints.information-requested", id);

        file = step(officer, id, "information-received", "receivedOn", today().toString());
        var newDue = dueOn(file);
        assertThat(newDue).isNotEqualTo(firstDue);
        assertThat(LocalDate.parse(newDue)).isAfterOrEqualTo(today().plusDays(30));
        // the timeline says both days (officer's review: "nouveau délai de 30 jours" without either)
        assertThat(file).contains("Renseignements reçus le " + today() + "\u202f: nouvelle échéance le " + newDue);
        assertThat(String.valueOf(
                        awaitLedgerEntry("complaints.information-received", id).get("payload")))
                .contains(newDue);

        file = step(officer, id, "notes", "text", "Appels confirmés par le service client.");
        assertThat(file).contains("Appels confirmés par le service client.");
        // said as what was done, not a bare « C’est fait. » (officer's walk)
        assertThat(file)
                .contains("La note est ajoutée au dossier de la plainte.")
                .doesNotContain("C’est fait.");
        awaitLedgerEntry("complaints.note", id);

        var supporting = "journal des appels".getBytes(StandardCharsets.UTF_8);
        var result = mvc.perform(multipart("/console/complaints/" + id + "/documents")
                        .file(new MockMultipartFile("file", "journal.txt", "text/plain", supporting))
                        .session(officer)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/complaints/" + id))
                .andReturn();
        assertThat(result.getFlashMap().containsKey("done")).isTrue();
        file = page("/console/complaints/" + id, officer);
        assertThat(file).contains("Pièce justificative");
        var documentFact = awaitLedgerEntry(
                "complaints.document",
                e -> id.toString().equals(e.get("objectId"))
                        && String.valueOf(e.get("payload")).contains("SUPPORTING"));
        assertThat(String.valueOf(documentFact.get("payload"))).contains(Digests.sha256Hex(supporting));
        var links = file.replaceAll("(?s)<a href=\"(/console/complaints/" + id + "/documents/[^\"]+)\"", "\n@@$1\n")
                .lines()
                .filter(l -> l.startsWith("@@"))
                .map(l -> l.substring(2))
                .toList();
        // the letter, the information request and the supporting document, and the request again under "to post"
        assertThat(links).hasSize(4);
        var body = mvc.perform(get(links.get(0)).session(officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(body.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment")
                .contains("filename=\"scan.pdf\""); // as it was uploaded (ComplaintDocumentNamesTest)
        // a letter Gardien wrote (the information request to post) is named for what it is, the file's reference (as
        // the officer files it; officer's walk) and its day
        assertThat(mvc.perform(get(links.get(1)).session(officer))
                        .andReturn()
                        .getResponse()
                        .getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .containsPattern("filename=\"[a-z-]+-C-\\d{4}-\\d{5}-\\d{4}-\\d{2}-\\d{2}\\.pdf\"");
        assertThat(file).as("a document's fingerprint says what it is").contains("Empreinte SHA-256 :");
        assertThat(body.getContentType()).isEqualTo("application/pdf");
        assertThat(body.getContentAsByteArray()).isEqualTo(SCAN);
        awaitLedgerEntry("complaints.document-read", id);

        assertThat(file)
                .contains("la réponse est conservée en PDF dans sa langue")
                .doesNotContain("Envoyée par courriel");
        file = step(officer, id, "answer", "reasons", "Nous avons retiré votre numéro de nos listes d'appel.");
        assertThat(file).contains("Répondue", "Réponse motivée envoyée par la poste", "id=\"close-form\"");
        assertThat(file).contains("Réponse (PDF)");
        assertThat(String.valueOf(awaitLedgerEntry("complaints.answered", id).get("payload")))
                .contains("sha256")
                .doesNotContain("retiré");
        file = step(officer, id, "close");
        // closed: no note any more, but a document received since (the Commission's letter) is still filed
        assertThat(file)
                .contains("Fermée", "Dossier fermé", "id=\"document-form\"", "id=\"document-after-closure\"")
                .doesNotContain("id=\"note-form\"", "id=\"no-action\"");
        assertThat(file)
                .contains("La plainte est fermée\u202f: son dossier reste consultable.")
                .doesNotContain("C’est fait.");
        awaitLedgerEntry("complaints.closed", id);
    }

    @Test
    void aComplaintReceivedByEmailAndEnteredByStaffIsAcknowledgedAndAssignedToThem() throws Exception {
        var person = person(Role.STAFF);
        var staff = login(person.username(), person.password());
        var location = mvc.perform(multipart("/console/complaints/new")
                        .param("channel", "EMAIL")
                        .param("receivedOn", today().minusDays(1).toString())
                        .param("language", "en")
                        .param("name", "Alex Sample")
                        .param("email", "alex@example.test")
                        .param("phone", "+1 555 010 0142")
                        .param("subject", "Marketing after withdrawal")
                        .param("reasons", "Emails after I withdrew my consent.")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(outbox.about(id).stream().map(m -> m.subject()).toList())
                .anySatisfy(s -> assertThat(s).contains("Acknowledgement"));
        assertThat(awaitLedgerEntry("complaints.acknowledged", id)).isNotNull();
        assertThat(page(location, staff))
                .contains("<dd id=\"assigned-to\">Test person</dd>", "Courriel")
                .contains("<dd id=\"answer-language\">anglais</dd>") // the letters' language, said on the file
                .contains("<span class=\"actor\">Membre du personnel</span>");
    }

    @Test
    void aFileIsAssignedOnlyToAnActiveStaffAccountAndARefusalSaysSoNextToTheField() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = enter(officer, today().toString());
        var delegate = person(Role.DELEGATE);
        var auditor = person(Role.AUDITOR);
        var disabled = person(Role.STAFF);
        accounts.setEnabled(disabled.id(), false, ca.gardien.shared.Actor.SYSTEM);
        assertThat(page("/console/complaints/" + id, officer))
                .doesNotContain("value=\"" + delegate.id() + "\"", "value=\"" + auditor.id() + "\"")
                .doesNotContain("value=\"" + disabled.id() + "\"");
        for (var wrong : new UUID[] {delegate.id(), auditor.id(), disabled.id(), officerId()}) {
            var file = step(officer, id, "assignment", "accountId", wrong.toString());
            assertThat(file)
                    .contains("id=\"accountId-error\"", "doit désigner un compte actif du personnel")
                    .contains("id=\"refused\"");
            mvc.perform(post("/api/v1/complaints/" + id + "/assignment")
                            .header(HttpHeaders.AUTHORIZATION, officerBearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"accountId\":\"" + wrong + "\"}"))
                    .andExpect(problem(400, "validation"));
        }
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(officer));
        assertThat(step(officer, id, "assignment", "accountId", "not-an-id"))
                .contains("id=\"accountId-error\"", "must be a valid identifier");
        assertThat(page("/console/complaints/" + id, officer))
                .contains("Not assigned: the person in charge and delegates handle it");
    }

    @Test
    void withoutAnActiveStaffAccountTheAssignFormOffersNoButtonButSaysWhereToCreateOneAndARefusalNamesTheFieldInWords()
            throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = enter(officer, today().toString());
        var staff = accounts.all().stream()
                .filter(a -> a.enabled() && a.roles().contains(Role.STAFF))
                .toList();
        staff.forEach(a -> accounts.setEnabled(a.id(), false, ca.gardien.shared.Actor.SYSTEM));
        try {
            assertThat(page("/console/complaints/" + id, officer))
                    .contains("id=\"no-staff\"", "créez un compte avec le rôle Personnel dans")
                    .contains("href=\"/console/accounts\">Comptes</a>")
                    .doesNotContain("id=\"accountId\"", ">Confier</button>");
            assertThat(step(officer, id, "assignment", "accountId", ""))
                    .contains("Membre du personnel : ")
                    .doesNotContain("accountId:");
        } finally {
            staff.forEach(a -> accounts.setEnabled(a.id(), true, ca.gardien.shared.Actor.SYSTEM));
        }
    }

    @Test
    void aRefusedDelayNoticeKeepsWhatWasTypedWithTheErrorNextToTheDateInThePagesLanguage() throws Exception {
        var delegate = session(Role.DELEGATE);
        var id = enter(delegate, today().toString());
        var file = step(
                delegate,
                id,
                "delay-notices",
                "reasons",
                "Analyse en cours auprès du fournisseur",
                "status",
                "",
                "newDueOn",
                today().toString());
        assertThat(file)
                .contains("Analyse en cours auprès du fournisseur</textarea>")
                .contains("id=\"newDueOn-error\"", "doit suivre l")
                .contains("id=\"delay-status-error\"")
                .contains("value=\"" + today() + "\"");
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(delegate));
        file = step(delegate, id, "notes", "text", "");
        assertThat(file)
                .contains("id=\"text-error\"", "This field is required.")
                .doesNotContain("est obligatoire");
        var due = LocalDate.parse(dueOn(file));
        file = step(
                delegate,
                id,
                "delay-notices",
                "reasons",
                "Supplier analysis",
                "status",
                "Under review",
                "newDueOn",
                due.plusDays(14).toString());
        assertThat(file).contains("id=\"done\"", due.plusDays(14).toString(), "id=\"due-before-delay\"");
        assertThat(file).containsPattern("Delay notice sent( by post)?: new due date " + due.plusDays(14));
        assertThat(String.valueOf(
                        awaitLedgerEntry("complaints.delay-notice", id).get("payload")))
                .contains("sha256", due.plusDays(14).toString())
                .doesNotContain("Supplier");
    }

    @Test
    void aRefusedEntryShowsTheErrorsNextToTheFieldsAndKeepsWhatWasTypedAndNothingIsKept() throws Exception {
        var staff = session(Role.STAFF);
        var before = complaints.queue(null, "Sans téléphone", auth(staff)).size();
        var html = mvc.perform(multipart("/console/complaints/new")
                        .file(new MockMultipartFile("letter", "scan.pdf", "application/pdf", SCAN))
                        .param("channel", "PHONE")
                        .param("receivedOn", today().plusDays(2).toString())
                        .param("name", "Camille Exemple")
                        .param("phone", "")
                        .param("subject", "Sans téléphone")
                        .param("reasons", "Texte de la plainte")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .as("no way to reach the person: the email (or the phone) is asked for")
                .contains("id=\"email-error\"", "id=\"receivedOn-error\"")
                .doesNotContain("id=\"phone-error\"")
                .contains("value=\"Sans téléphone\"", "Texte de la plainte</textarea>")
                .contains("<option value=\"PHONE\" selected=\"selected\">");
        // every typed value is kept, the letter must be attached again, the summary names each field and links to it
        assertThat(html)
                .contains("value=\"Camille Exemple\"", "id=\"letter-again\"", "Joignez-la de nouveau")
                .contains("href=\"#email\">Courriel : ", "href=\"#receivedOn\">Reçue le : ");
        assertThat(complaints.queue(null, "Sans téléphone", auth(staff))).hasSize(before);
        mvc.perform(multipart("/console/complaints/new")
                        .param("channel", "PORTAL")
                        .session(staff)
                        .with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    void othersCannotEnterReadOrActOnAFileAndTheFormsNeedTheirToken() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = enter(officer, today().toString());
        var file = page("/console/complaints/" + id, officer);
        var document = file.replaceAll("(?s).*href=\"(/console/complaints/" + id + "/documents/[^\"]+)\".*", "$1");
        var stranger = session(Role.STAFF);
        var auditor = session(Role.AUDITOR);
        for (var who : new MockHttpSession[] {stranger, auditor}) {
            mvc.perform(get("/console/complaints/" + id).session(who)).andExpect(status().isForbidden());
            mvc.perform(get(document).session(who)).andExpect(status().isForbidden());
            mvc.perform(post("/console/complaints/" + id + "/notes")
                            .param("text", "x")
                            .session(who)
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        // a missing file answers a staff member exactly like a forbidden one
        mvc.perform(get("/console/complaints/" + UUID.randomUUID()).session(stranger))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/complaints/new").session(auditor)).andExpect(status().isForbidden());
        mvc.perform(post("/console/complaints/" + id + "/close").session(officer))
                .andExpect(status().isForbidden());
        assertThat(page("/console/complaints/" + id, officer)).contains("Ouverte");
    }

    @Test
    void aComplaintLinkedToAnIncidentShowsOnBothPages() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = enter(officer, today().toString());
        var incident = incident();
        // the link form offers the register's incidents by reference and title: nobody types an incident's id
        assertThat(page("/console/complaints/" + id, officer))
                .containsPattern("<option value=\"" + incident + "\" data-raw>I-\\d{4}-\\d{5,} — Boîte perdue \\(");
        var file = step(officer, id, "links", "incidentId", incident.toString());
        assertThat(file).contains("href=\"/console/incidents/" + incident + "\"", "Liée à un incident");
        // and the complaint names the incident by its reference and title
        assertThat(page("/console/complaints/" + id, officer))
                .containsPattern(
                        "href=\"/console/incidents/" + incident + "\"[^>]*>I-\\d{4}-\\d{5,} — Boîte perdue</a>");
        assertThat(String.valueOf(
                        awaitLedgerEntry("complaints.linked-incident", id).get("payload")))
                .contains(incident.toString());
        assertThat(page("/console/incidents/" + incident, officer))
                .contains("Plaintes au sujet de cet incident", "href=\"/console/complaints/" + id + "\"");
        assertThat(page("/console/incidents/" + incident, session(Role.AUDITOR)))
                .doesNotContain("/console/complaints/" + id);
        assertThat(step(officer, id, "links", "incidentId", UUID.randomUUID().toString()))
                .contains("id=\"incidentId-error\"", "ne désigne aucun incident connu");
        assertThat(step(officer, id, "links")).contains("id=\"requestId-error\"");

        var api = officerBearer();
        var other = enter(officer, today().toString());
        mvc.perform(post("/api/v1/complaints/" + other + "/links")
                        .header(HttpHeaders.AUTHORIZATION, api)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"incidentId\":\"" + incident + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidents[0]").value(incident.toString()));
        mvc.perform(post("/api/v1/complaints/" + other + "/links")
                        .header(HttpHeaders.AUTHORIZATION, api)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"incidentId\":\"nope\"}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("incidentId"));
        mvc.perform(post("/api/v1/complaints/" + other + "/links")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"incidentId\":\"" + incident + "\"}"))
                .andExpect(status().isForbidden());
        assertThat(page("/console/incidents/" + incident, officer)).contains("/console/complaints/" + other);
    }

    /** The officer's review of 2026-12-05: a refused link said so only at the top of the page, one error at a time. */
    @Test
    void aRefusedLinkNamesEveryFieldInErrorNextToItAndLinksToItFromTheSummary() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = enter(officer, today().toString());
        var both = step(
                officer,
                id,
                "links",
                "requestId",
                "R-1999-00001",
                "incidentId",
                UUID.randomUUID().toString());
        assertThat(both)
                .contains("id=\"requestId-error\"", "ne désigne aucune demande connue")
                .contains("id=\"incidentId-error\"", "ne désigne aucun incident connu")
                .contains("<a href=\"#requestId\">Demande de droits : Ce champ ne désigne aucune demande connue.</a>")
                .contains("<a href=\"#incidentId\">Incident : Ce champ ne désigne aucun incident connu.</a>")
                .contains("value=\"R-1999-00001\"");
        assertThat(step(officer, id, "links"))
                .contains("id=\"requestId-error\"", "id=\"incidentId-error\"", "<a href=\"#incidentId\">");
        assertThat(page("/console/complaints/" + id, officer)).doesNotContain("id=\"incident-links\"");

        // the API takes an incident's reference as well as its id, as typed
        var incident = incident();
        var reference = incidentsService.get(incident).reference();
        mvc.perform(post("/api/v1/complaints/" + id + "/links")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"incidentId\":\"" + reference.toLowerCase(java.util.Locale.ROOT) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidents[0]").value(incident.toString()));
    }

    /** The attacker's review of 2026-12-04 (3): staff linked a complaint to an incident they may not read. */
    @Test
    void staffCannotLinkAnIncidentTheyMayNotReadAndCannotTellItExists() throws Exception {
        var staff = session(Role.STAFF);
        var id = enter(staff, today().toString()); // staff who enter a complaint are assigned its file
        var unreadable = incident(); // assigned to nobody: staff may not read it

        assertThat(step(staff, id, "links", "incidentId", unreadable.toString()))
                .contains("id=\"incidentId-error\"", "ne désigne aucun incident connu");
        assertThat(step(staff, id, "links", "incidentId", UUID.randomUUID().toString()))
                .contains("id=\"incidentId-error\"", "ne désigne aucun incident connu");
        assertThat(page("/console/incidents/" + unreadable, session(Role.PRIVACY_OFFICER)))
                .doesNotContain("/console/complaints/" + id);
    }

    UUID incident() {
        var aware =
                java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(-5)).minusHours(1);
        return incidentsService
                .record(
                        new ca.gardien.incidents.IncidentDetails(
                                "Boîte perdue",
                                ca.gardien.incidents.IncidentKind.ACCESS,
                                "Noms",
                                null,
                                "Une boîte de dossiers perdue",
                                aware.toLocalDate(),
                                null,
                                false,
                                aware,
                                3L,
                                null,
                                false,
                                java.util.List.of(),
                                java.util.List.of()),
                        ca.gardien.shared.Actor.account(officerId()))
                .id();
    }

    @Autowired
    ca.gardien.incidents.Incidents incidentsService;

    static org.springframework.security.core.Authentication auth(MockHttpSession session) {
        var context = (org.springframework.security.core.context.SecurityContext)
                session.getAttribute("SPRING_SECURITY_CONTEXT");
        return context.getAuthentication();
    }

    @Test
    void aFileAnsweredWhileItsClockWasStoppedNoLongerReadsAsStoppedOnceClosed() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = enter(officer, today().toString());
        step(officer, id, "information-requests", "details", "Le numéro qui vous appelle.");
        var waiting = page("/console/complaints?status=AWAITING_INFORMATION", officer);
        assertThat(row(waiting, id)).contains("délai suspendu");
        step(officer, id, "answer", "reasons", "Nous avons retiré votre numéro de nos listes d'appel.");
        step(officer, id, "close");
        var closed = page("/console/complaints?status=CLOSED", officer);
        assertThat(row(closed, id)).doesNotContain("suspendu").contains("Fermée");
    }

    /** The queue's row of one file. */
    private static String row(String queue, UUID id) {
        var at = queue.indexOf("/console/complaints/" + id);
        assertThat(at).as("the file is in the queue").isPositive();
        var start = queue.lastIndexOf("<tr", at);
        return queue.substring(start, queue.indexOf("</tr>", at));
    }
}
