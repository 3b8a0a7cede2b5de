package ca.gardien.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.shared.SubjectKeys;
import ca.gardien.support.DatabaseDumps;
import ca.gardien.support.MovableClock;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Crypto-shredding of complaint files: the complainant's name, email, phone, postal address, subject and reasons, the file's notes and
 * its documents are stored sealed under the file's own key, outside the database. A dump taken while the file is kept
 * holds none of it in clear; once the retention schedule destroyed the file and its key, the dump's values open to
 * nothing. The database dump is the tables' values here, a real {@code pg_dump} in the PostgreSQL variant.
 */
@Import(ComplaintsApiTest.Clocks.class)
class ComplaintShreddingTest extends WebTestSupport {

    static final String ADDRESS = "12 rue Scellée\nH0H 0H0";
    static final String NOTE = "Vérifié auprès du service client : deux envois après le retrait.";
    static final byte[] LETTER = "%PDF-1.4 lettre manuscrite de Camille".getBytes(StandardCharsets.UTF_8);

    @Autowired
    MovableClock clock;

    @Autowired
    ComplaintRetention retention;

    @Autowired
    SubjectKeys keys;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void afterTheFileIsDestroyedADumpTakenBeforeHoldsNothingReadableAboutTheComplainant() throws Exception {
        clock.setDay("2027-03-01");
        var id = file();
        send("/api/v1/complaints/" + id + "/notes", "{\"text\":\"" + NOTE + "\"}")
                .andExpect(status().isOk());
        var document = letter(id);

        var key = keyOf(id);
        var sealed = jdbc.sql("SELECT name, email, phone, subject, reasons, postal_address FROM complaints_complaint"
                        + " WHERE id = ?")
                .param(id)
                .query((rs, n) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .single();
        var sealedNote = jdbc.sql("SELECT detail FROM complaints_step WHERE complaint_id = ? AND step = 'note'")
                .param(id)
                .query(String.class)
                .single();
        var sealedLetter = jdbc.sql("SELECT content FROM complaints_document WHERE id = ?")
                .param(document)
                .query((rs, n) -> rs.getBytes(1))
                .single();
        assertThat(sealed).allSatisfy(v -> assertThat(v).startsWith(SubjectKeys.PREFIX));

        var dump = databaseDump();
        assertThat(dump)
                .doesNotContain("Camille Exemple", "camille@example.test", "010 0199", "Sollicitation non désirée")
                .doesNotContain("12 rue Scellée", "H0H 0H0")
                .doesNotContain("Des courriels après mon retrait.", NOTE, DatabaseDumps.hex(LETTER))
                .contains(sealed.get(0), sealedNote, DatabaseDumps.hex(sealedLetter));
        // while the key lives, the dump's values open: this is what the destruction must make impossible
        assertThat(keys.key(key).open(sealed.get(0))).isEqualTo("Camille Exemple");
        assertThat(keys.key(key).open(sealed.get(5))).isEqualTo(ADDRESS);
        assertThat(keys.key(key).open(sealedNote)).isEqualTo(NOTE);
        assertThat(keys.key(key).openBytes(sealedLetter)).isEqualTo(LETTER);
        // and the file reads in clear to those who may open it
        assertThat(content(
                        mvc.perform(get("/api/v1/complaints/" + id).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                                .andExpect(status().isOk())))
                .contains("Camille Exemple", "Des courriels après mon retrait.", NOTE, "12 rue Scellée");
        assertThat(mvc.perform(get("/api/v1/complaints/" + id + "/documents/" + document)
                                .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .isEqualTo(LETTER);

        send("/api/v1/complaints/" + id + "/answer", "{\"reasons\":\"Votre adresse a été retirée.\"}")
                .andExpect(status().isOk());
        send("/api/v1/complaints/" + id + "/close", "{}").andExpect(status().isOk());
        clock.setDay("2028-03-03");
        assertThat(retention.sweep()).isPositive();
        assertThat(String.valueOf(awaitLedgerEntry("complaints.destroyed", id).get("payload")))
                .contains("\"subjectKey\":\"destroyed\"");

        assertThat(keys.exists(key)).isFalse();
        for (var value : sealed) {
            assertThat(keys.key(key).open(value)).isNull();
        }
        assertThat(keys.key(key).open(sealedNote)).isNull();
        assertThat(keys.key(key).openBytes(sealedLetter)).isNull();
    }

    /**
     * A database restored without its key folder (or a key file lost): the file reads with its personal information
     * missing, the queue's CSV still exports it, its document is not found, and a step that would add to it is refused
     * with a problem saying why — never a 500 (attacker review).
     */
    @Test
    void aFileWhoseKeyIsLostReadsEmptyExportsAndRefusesNewStepsWithoutAServerError() throws Exception {
        var id = file();
        var document = letter(id);
        var key = keyOf(id);
        keys.shred(key); // as if the key folder had not been restored

        assertThat(content(
                        mvc.perform(get("/api/v1/complaints/" + id).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                                .andExpect(status().isOk())))
                .doesNotContain("Camille", "12 rue Scellée", SubjectKeys.PREFIX);
        mvc.perform(get("/api/v1/complaints/" + id + "/documents/" + document)
                        .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(problem(404, "not-found"));
        send("/api/v1/complaints/" + id + "/notes", "{\"text\":\"Une note.\"}")
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("clé est introuvable")));
        var officer = login(OFFICER, OFFICER_PASSWORD);
        assertThat(content(mvc.perform(get("/console/complaints/export.csv").session(officer))
                        .andExpect(status().isOk())))
                .contains(jdbc.sql("SELECT reference FROM complaints_complaint WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single());
    }

    /** A complaint filed through the API with the synthetic complainant of {@link ComplaintsApiTest#body}, and an address. */
    private UUID file() throws Exception {
        var body = ComplaintsApiTest.body(null, "fr")
                .replace("\"language\"", "\"postalAddress\":\"12 rue Scellée\\nH0H 0H0\",\"language\"");
        return UUID.fromString(
                JsonPath.read(content(send("/api/v1/complaints", body).andExpect(status().isCreated())), "$.id"));
    }

    /** The scanned letter filed on the complaint; its document id. */
    private UUID letter(UUID id) throws Exception {
        return UUID.fromString(JsonPath.read(
                content(mvc.perform(multipart("/api/v1/complaints/" + id + "/documents")
                                .file(new MockMultipartFile("file", "lettre.pdf", "application/pdf", LETTER))
                                .param("kind", "LETTER")
                                .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                        .andExpect(status().isCreated())),
                "$.id"));
    }

    private UUID keyOf(UUID id) {
        return jdbc.sql("SELECT subject_key FROM complaints_complaint WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .single();
    }

    /** What a backup of the database holds (here every value of the complaints tables; on PostgreSQL a pg_dump). */
    protected String databaseDump() {
        return DatabaseDumps.tables(jdbc, List.of("complaints_complaint", "complaints_step", "complaints_document"));
    }

    private ResultActions send(String path, String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                .header(HttpHeaders.AUTHORIZATION, officerBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static String content(ResultActions actions) throws Exception {
        return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
