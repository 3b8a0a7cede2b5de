package ca.gardien.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.util.unit.DataSize;

/**
 * What one complaint file takes (attacker's review: a closed file still took notes and documents, and nothing bounded
 * them, so one account could fill the disk through one file): no note once closed, a document received after closing
 * filed as such, and at most {@code max-documents}, {@code max-documents-total} and {@code max-notes}; each refusal in
 * the caller's language, nothing of it kept.
 */
class ComplaintFileLimitsTest extends WebTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClosedFileRefusesANoteButFilesTheCommissionsLetterAsReceivedAfterClosing() throws Exception {
        var id = closedFile();
        api(post(files(id) + "/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Suite.\"}"))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Ce dossier est fermé\u202f: il ne prend")));
        api(post(files(id) + "/notes")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"More.\"}"))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("This file is closed")));
        assertThat(count("complaints_step", id, "step = 'note'")).isZero();

        api(multipart(files(id) + "/documents").file(file("lettre-cai.pdf", 3)).param("kind", "SUPPORTING"))
                .andExpect(status().isCreated());
        api(get(files(id)))
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.timeline[?(@.step == 'document-after-closure')].detail")
                        .value(Matchers.contains("SUPPORTING")));
        var fact = awaitLedgerEntry("complaints.document-after-closure", id);
        assertThat(String.valueOf(fact.get("payload"))).contains("sha256", "SUPPORTING");

        // the console: no note form, the document form says what filing on a closed file does; a note is refused
        var officer = login(OFFICER, OFFICER_PASSWORD);
        assertThat(page(id, officer, null))
                .contains("id=\"document-after-closure\"", "Document versé au dossier après sa fermeture")
                .doesNotContain("id=\"note-form\"");
        var refused = mvc.perform(post("/console/complaints/" + id + "/notes")
                        .param("text", "Suite.")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(page(id, officer, refused.getFlashMap())).contains("Ce dossier est fermé\u202f: il ne prend");
        assertThat(count("complaints_step", id, "step = 'note'")).isZero();
    }

    @Test
    void aFileHoldingTheMostDocumentsRefusesOneMoreNamingTheLimitAndKeepsNothing() throws Exception {
        var id = openFile();
        for (int i = 0; i < ComplaintsProperties.MAX_DOCUMENTS; i++) {
            document(id, 10);
        }
        api(multipart(files(id) + "/documents").file(file("one-more.pdf", 3)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail")
                        .value(Matchers.allOf(
                                Matchers.containsString("already holds 50 filed documents"),
                                Matchers.containsString("gardien.complaints.max-documents"))));
        api(multipart(files(id) + "/documents").file(file("encore.pdf", 3)))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("compte déjà 50 documents versés")));
        assertThat(count("complaints_document", id, "1 = 1")).isEqualTo(ComplaintsProperties.MAX_DOCUMENTS);
        assertThat(count("complaints_step", id, "step = 'document'")).isZero();
    }

    @Test
    void aDocumentBeyondTheRoomTheFileHasLeftIsRefused413AndOneThatFitsIsFiled() throws Exception {
        var id = openFile();
        long total = ComplaintsProperties.MAX_DOCUMENTS_TOTAL.toBytes();
        document(id, total - 10); // a file nearly full, written directly
        api(multipart(files(id) + "/documents").file(file("scan.pdf", 11)).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(problem(413, "complaint-documents-full"))
                .andExpect(jsonPath("$.title").value("Complaint file full"))
                .andExpect(jsonPath("$.limit").value(total))
                .andExpect(jsonPath("$.remaining").value(10))
                .andExpect(jsonPath("$.detail")
                        .value(Matchers.allOf(
                                Matchers.containsString("take at most 100 MB together"),
                                Matchers.containsString("gardien.complaints.max-documents-total"))));
        api(multipart(files(id) + "/documents").file(file("scan.pdf", 11)))
                .andExpect(problem(413, "complaint-documents-full"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("au plus 100 Mo ensemble")));
        assertThat(count("complaints_document", id, "1 = 1")).isEqualTo(1);
        assertThat(count("complaints_step", id, "step = 'document'")).isZero();

        // the console says it above the form, in the page's language
        var person = person(Role.PRIVACY_OFFICER);
        var officer = login(person.username(), person.password());
        mvc.perform(get("/console/complaints/" + id).param("lang", "en").session(officer));
        var refused = mvc.perform(multipart("/console/complaints/" + id + "/documents")
                        .file(file("scan.pdf", 11))
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(page(id, officer, refused.getFlashMap())).contains("This document does not fit in the file");
        assertThat(count("complaints_document", id, "1 = 1")).isEqualTo(1);

        api(multipart(files(id) + "/documents").file(file("scan.pdf", 10))).andExpect(status().isCreated());
        assertThat(count("complaints_document", id, "1 = 1")).isEqualTo(2);
    }

    @Test
    void aFileHoldingTheMostNotesRefusesOneMoreAndKeepsNothing() throws Exception {
        var id = openFile();
        for (int i = 0; i < ComplaintsProperties.MAX_NOTES; i++) {
            jdbc.sql("INSERT INTO complaints_step (id, complaint_id, step, detail, actor, at, held)"
                            + " VALUES (?, ?, 'note', NULL, 'ACCOUNT:test', ?, FALSE)")
                    .params(UUID.randomUUID(), UUID.fromString(id), OffsetDateTime.now(ZoneOffset.UTC))
                    .update();
        }
        api(post(files(id) + "/notes")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"One more.\"}"))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail")
                        .value(Matchers.allOf(
                                Matchers.containsString("already holds 100 analysis notes"),
                                Matchers.containsString("gardien.complaints.max-notes"))));
        assertThat(count("complaints_step", id, "step = 'note'")).isEqualTo(ComplaintsProperties.MAX_NOTES);
        // who may not open the file learns nothing of its state
        api(
                        post(files(id) + "/notes")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"text\":\"x\"}"),
                        bearer(Role.STAFF))
                .andExpect(problem(403, "forbidden"));
    }

    @Test
    void theLimitsAreSettingsOfAtLeastOne() {
        var defaults = new ComplaintsProperties(null, null, null);
        assertThat(defaults.maxDocuments()).isEqualTo(50);
        assertThat(defaults.maxDocumentsTotal()).isEqualTo(DataSize.ofMegabytes(100));
        assertThat(defaults.maxNotes()).isEqualTo(100);
        assertThatThrownBy(() -> new ComplaintsProperties(0, null, null))
                .hasMessageContaining("gardien.complaints.max-documents");
    }

    private String openFile() throws Exception {
        var created = api(post("/api/v1/complaints")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ComplaintsApiTest.body(null, "fr")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    private String closedFile() throws Exception {
        var id = openFile();
        api(post(files(id) + "/answer")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasons\":\"Nous avons retiré l’adresse.\"}"))
                .andExpect(status().isOk());
        api(post(files(id) + "/close")).andExpect(jsonPath("$.status").value("CLOSED"));
        return id;
    }

    /** A filed document of this size, written directly (its content is not read here). */
    private void document(String id, long size) {
        jdbc.sql("INSERT INTO complaints_document (id, complaint_id, kind, media_type, size, sha256, content,"
                        + " uploaded_at) VALUES (?, ?, 'SUPPORTING', 'application/pdf', ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        UUID.fromString(id),
                        size,
                        "0".repeat(64),
                        new byte[] {1},
                        OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
    }

    private long count(String table, String id, String where) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE complaint_id = ? AND " + where)
                .param(UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    private static String files(String id) {
        return "/api/v1/complaints/" + id;
    }

    private static MockMultipartFile file(String name, int size) {
        return new MockMultipartFile("file", name, "application/pdf", new byte[size]);
    }

    private ResultActions api(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return api(request, officerBearer());
    }

    private ResultActions api(AbstractMockHttpServletRequestBuilder<?> request, String bearer) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer));
    }

    private String page(String id, MockHttpSession session, java.util.Map<String, Object> flash) throws Exception {
        var request = get("/console/complaints/" + id).session(session);
        if (flash != null) {
            request = request.flashAttrs(flash);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
