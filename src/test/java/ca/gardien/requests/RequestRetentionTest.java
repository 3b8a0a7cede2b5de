package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.DatabaseDumps;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Law 25 s. 23: {@code keep-for} (P1Y by default) after a request ended, the sweep destroys its personal information in
 * every table, records one {@code requests.purged} fact, and leaves the request countable; a request that ended more
 * recently and an open one are untouched; the API and the console still answer for a purged request.
 */
class RequestRetentionTest extends RequestsTestSupport {

    private static final String FOUND = """
            [{"category": "contact", "source": "person", "fields": {"postalAddress": "1 rue Synthétique"}}]""";

    @Autowired
    RequestRetention retention;

    @Autowired
    DocumentStore documents;

    @Test
    void anEndedRequestPastItsRetentionPeriodIsPurgedOnceWhileRecentAndOpenOnesAreKept() throws Exception {
        // day 0: an answered access request (letter, found records, response, download link) and a cancelled one
        // whose code is still pending; an open one
        var answeredEmail = email();
        var answered = withDetails(answeredEmail);
        verify(answered, "EMAIL", lastCode(answered, "requests.code"))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        documents.insert(
                answered,
                "LETTER",
                new RequestIntake.Upload(
                        "application/pdf",
                        "Lettre de Madame Synthétique".getBytes(StandardCharsets.UTF_8),
                        "lettre-synthetique.pdf"),
                clock.instant());
        completeTasks(answered, FOUND);
        draft(answered, staff, "{\"outcome\": \"FULFILLED\", \"message\": \"Bonjour Madame Synthétique\"}")
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + answered + "/approve").header("Authorization", officerBearer()))
                .andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/v1/requests/" + answered + "/send").header("Authorization", staff))
                .andExpect(jsonPath("$.status").value("SENT"));
        assertThat(count("SELECT COUNT(*) FROM requests_download WHERE request_id = ?", answered))
                .isEqualTo(1);

        var cancelledEmail = email();
        var cancelled = withDetails(cancelledEmail);
        cancel(cancelled);
        assertThat(count(
                        "SELECT COUNT(*) FROM requests_identifier WHERE request_id = ? AND code_digest IS NOT NULL",
                        cancelled))
                .isEqualTo(1);

        var openEmail = email();
        var open = withDetails(openEmail);

        // day 200: another request is cancelled
        clock.advance(Duration.ofDays(200));
        var recentEmail = email();
        var recent = withDetails(recentEmail);
        cancel(recent);

        // a year and two days after day 0: the first two are past keep-for, the recent one is not
        clock.advance(Duration.ofDays(167));
        assertThat(retention.sweep()).isGreaterThanOrEqualTo(2);

        for (var id : List.of(answered, cancelled)) {
            assertThat(count("SELECT COUNT(*) FROM requests_request WHERE id = ? AND purged_at IS NOT NULL", id))
                    .isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM requests_request WHERE id = ? AND details IS NOT NULL", id))
                    .isZero();
            assertThat(count(
                            "SELECT COUNT(*) FROM requests_identifier WHERE request_id = ? AND identifier IS NOT NULL",
                            id))
                    .isZero();
            // kind and keyed digest stay
            assertThat(count(
                            "SELECT COUNT(*) FROM requests_identifier WHERE request_id = ? AND kind = 'EMAIL'"
                                    + " AND digest IS NOT NULL",
                            id))
                    .isEqualTo(1);
            assertThat(count(
                            "SELECT COUNT(*) FROM requests_identifier WHERE request_id = ? AND code_digest IS NOT NULL",
                            id))
                    .isZero();
        }
        assertThat(count(
                        "SELECT COUNT(*) FROM requests_document WHERE request_id = ? AND OCTET_LENGTH(content) > 0",
                        answered))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM requests_response WHERE request_id = ? AND message IS NOT NULL",
                        answered))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM requests_task WHERE request_id = ?"
                                + " AND (records IS NOT NULL OR note IS NOT NULL)",
                        answered))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM requests_download WHERE request_id = ?", answered))
                .isZero();
        // no value of the person is left anywhere in the request's rows
        assertThat(rowsText(answered))
                .doesNotContain(answeredEmail)
                .doesNotContain("Synthétique")
                .doesNotContain("Je veux savoir");
        assertThat(rowsText(cancelled)).doesNotContain(cancelledEmail).doesNotContain("Je veux savoir");

        // the outcome and the statuses stay: the request is still counted
        assertThat(jdbc.sql("SELECT outcome FROM requests_response WHERE request_id = ?")
                        .param(answered)
                        .query(String.class)
                        .single())
                .isEqualTo("FULFILLED");
        var reader = bearer(Role.AUDITOR);
        var sent = mvc.perform(get("/api/v1/requests").param("status", "SENT").header("Authorization", reader))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(sent, "$[*].id")).contains(answered.toString());

        var fact = awaitLedgerEntry("requests.purged", answered);
        var payload = String.valueOf(fact.get("payload"));
        assertThat(payload)
                .contains("\"identifiers\":\"1\"")
                .contains("\"documents\":\"1\"")
                .contains("\"taskRecords\":\"1\"")
                .contains("\"responseMessages\":\"1\"")
                .contains("\"downloadLinks\":\"1\"")
                .contains("\"details\":\"1\"")
                .doesNotContain(answeredEmail)
                .doesNotContain("Synthétique");
        awaitLedgerEntry("requests.purged", cancelled);

        // untouched: the request that ended 167 days ago and the open one
        for (var kept : Map.of(recent, recentEmail, open, openEmail).entrySet()) {
            assertThat(count(
                            "SELECT COUNT(*) FROM requests_request WHERE id = ? AND purged_at IS NULL"
                                    + " AND details IS NOT NULL",
                            kept.getKey()))
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT identifier FROM requests_identifier WHERE request_id = ?")
                            .param(kept.getKey())
                            .query(String.class)
                            .single())
                    .startsWith(ca.gardien.shared.SubjectKeys.PREFIX);
            assertThat(requests.get(kept.getKey()).identifiers())
                    .extracting(i -> i.value())
                    .containsExactly(kept.getValue());
        }

        // a second sweep does nothing: no other fact, same purge date
        var purgedAt = jdbc.sql("SELECT purged_at FROM requests_request WHERE id = ?")
                .param(answered)
                .query(java.time.OffsetDateTime.class)
                .single();
        clock.advance(Duration.ofMinutes(5));
        assertThat(retention.sweep()).isZero();
        assertThat(jdbc.sql("SELECT purged_at FROM requests_request WHERE id = ?")
                        .param(answered)
                        .query(java.time.OffsetDateTime.class)
                        .single())
                .isEqualTo(purgedAt);
        assertThat(ledgerEntries(officerBearer()).stream()
                        .filter(e -> "requests.purged".equals(e.get("action")))
                        .filter(e -> answered.toString().equals(e.get("objectId"))))
                .hasSize(1);
    }

    @Test
    void thePurgedRequestStillAnswersInTheApiAndTheConsoleSayingWhenItsDataWasDestroyed() throws Exception {
        var email = email();
        var id = withDetails(email);
        cancel(id);
        clock.advance(Duration.ofDays(367));
        retention.sweep();

        var reader = bearer(Role.AUDITOR);
        var body = mvc.perform(get("/api/v1/requests/" + id).header("Authorization", reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.type").value("ACCESS"))
                .andExpect(jsonPath("$.purgedAt").isString())
                .andExpect(jsonPath("$.identifiers[0].kind").value("EMAIL"))
                .andExpect(jsonPath("$.identifiers[0].value").doesNotExist())
                .andExpect(jsonPath("$.details").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain(email);

        var person = person(Role.AUDITOR);
        var session = login(person.username(), person.password());
        var page = mvc.perform(get("/console/requests/" + id).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var purgedOn = java.time.LocalDate.ofInstant(
                jdbc.sql("SELECT purged_at FROM requests_request WHERE id = ?")
                        .param(id)
                        .query(java.time.OffsetDateTime.class)
                        .single()
                        .toInstant(),
                java.time.ZoneId.of("America/Toronto"));
        assertThat(page).contains("id=\"purged\"").contains(purgedOn.toString()).doesNotContain(email);
    }

    @Autowired
    Requests requests;

    /**
     * Crypto-shredding: a request's identifier values and details are stored sealed under its own key, kept outside the
     * database. A dump taken while the request is kept holds only ciphertext; restored while the key lives it reads
     * back, restored after the purge destroyed the key it reads as nothing — the dump holds nothing readable about the
     * person any more.
     */
    @Test
    void afterThePurgeDestroysItsKeyADumpTakenBeforeHoldsNothingReadableAboutThePerson() throws Exception {
        var email = email();
        var id = withDetails(email);
        var details = "Je veux savoir ce que vous détenez sur moi.";
        var note = "Appel reçu : la personne confirme son adresse de livraison.";
        var scan = "%PDF-1.4 lettre signée de la personne".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var staffActor = ca.gardien.shared.Actor.account(UUID.randomUUID());
        notes.add(id, note, staffActor);
        var file = notes.attach(id, new RequestIntake.Upload("application/pdf", scan), staffActor);
        var sealed = sealedValues(id);
        assertThat(sealed.subList(0, 3))
                .allSatisfy(v -> assertThat(v).startsWith(ca.gardien.shared.SubjectKeys.PREFIX));

        var dump = databaseDump();
        assertThat(dump)
                .doesNotContain(email)
                .doesNotContain(details)
                .doesNotContain(note)
                .doesNotContain(DatabaseDumps.hex(scan))
                .contains(sealed.get(0), sealed.get(1), sealed.get(2));
        // while the key lives, the dump's values read back: this is what the purge must make impossible
        var sealedScan = jdbc.sql("SELECT content FROM requests_document WHERE id = ?")
                .param(file.id())
                .query((rs, n) -> rs.getBytes(1))
                .single();
        assertThat(dump).contains(DatabaseDumps.hex(sealedScan));
        restore(id, sealed, sealedScan);
        assertThat(requests.get(id).details()).isEqualTo(details);
        assertThat(requests.get(id).identifiers()).extracting(i -> i.value()).containsExactly(email);
        assertThat(notes.notes(id)).extracting(RequestNotes.Note::body).containsExactly(note);
        assertThat(notes.download(id, file.id(), staffActor).content()).isEqualTo(scan);

        cancel(id);
        clock.advance(Duration.ofDays(367));
        assertThat(retention.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(String.valueOf(awaitLedgerEntry("requests.purged", id).get("payload")))
                .contains("\"subjectKey\":\"destroyed\"");

        // the backup taken before, restored after the purge
        restore(id, sealed, sealedScan);
        var restored = requests.get(id);
        assertThat(restored.details()).isNull();
        assertThat(restored.identifiers()).extracting(i -> i.value()).containsOnlyNulls();
        assertThat(jdbc.sql("SELECT body FROM requests_note WHERE request_id = ?")
                        .param(id)
                        .query((rs, n) -> keys.key(sealedKey(id)).open(rs.getString(1)))
                        .list())
                .containsOnlyNulls();
        assertThat(keys.key(sealedKey(id)).openBytes(sealedScan)).isNull();
        mvc.perform(get("/api/v1/requests/" + id).header("Authorization", officerBearer()))
                .andExpect(status().isOk());
    }

    @Autowired
    RequestNotes notes;

    @Autowired
    ca.gardien.shared.SubjectKeys keys;

    /** The request's sealed details, identifier and note, as a dump holds them. */
    private List<String> sealedValues(UUID id) {
        return jdbc.sql("SELECT r.details, i.identifier, n.body FROM requests_request r JOIN requests_identifier i"
                        + " ON i.request_id = r.id JOIN requests_note n ON n.request_id = r.id WHERE r.id = ?")
                .param(id)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    private UUID sealedKey(UUID id) {
        return jdbc.sql("SELECT subject_key FROM requests_request WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .single();
    }

    /** What a backup of the database holds (here every value of the requests tables; on PostgreSQL a real pg_dump). */
    protected String databaseDump() {
        return DatabaseDumps.tables(
                jdbc,
                List.of(
                        "requests_request",
                        "requests_identifier",
                        "requests_task",
                        "requests_response",
                        "requests_note",
                        "requests_document"));
    }

    private void restore(UUID id, List<String> sealed, byte[] sealedScan) {
        jdbc.sql("UPDATE requests_request SET details = ? WHERE id = ?")
                .params(sealed.get(0), id)
                .update();
        jdbc.sql("UPDATE requests_identifier SET identifier = ? WHERE request_id = ?")
                .params(sealed.get(1), id)
                .update();
        jdbc.sql("UPDATE requests_note SET body = ? WHERE request_id = ?")
                .params(sealed.get(2), id)
                .update();
        jdbc.sql("UPDATE requests_document SET content = ? WHERE request_id = ?")
                .params(sealedScan, id)
                .update();
    }

    private UUID withDetails(String email) throws Exception {
        var body = submit(staff, """
                        {"type": "ACCESS", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "API",
                         "language": "fr", "subjectCategory": "customer",
                         "details": "Je veux savoir ce que vous détenez sur moi."}""".formatted(email))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private void cancel(UUID id) throws Exception {
        mvc.perform(post("/api/v1/requests/" + id + "/cancel").header("Authorization", bearer(Role.STAFF)))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    private int count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }

    /** Every text column of the request's rows in the requests tables, concatenated. */
    private String rowsText(UUID id) {
        var text = new StringBuilder();
        for (var sql : List.of(
                "SELECT * FROM requests_request WHERE id = ?",
                "SELECT * FROM requests_identifier WHERE request_id = ?",
                "SELECT * FROM requests_task WHERE request_id = ?",
                "SELECT * FROM requests_response WHERE request_id = ?",
                "SELECT * FROM requests_download WHERE request_id = ?")) {
            jdbc.sql(sql).param(id).query().listOfRows().forEach(row -> text.append(row.values()));
        }
        jdbc.sql("SELECT content FROM requests_document WHERE request_id = ?")
                .param(id)
                .query(byte[].class)
                .list()
                .forEach(b -> text.append(new String(b, StandardCharsets.UTF_8)));
        return text.toString();
    }
}
