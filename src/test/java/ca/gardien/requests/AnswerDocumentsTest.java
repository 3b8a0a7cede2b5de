package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Staff's attachments to a request joined to its answer: what was found in a system without a connector is often a
 * document. The draft names them; the ZIP holds them under documents/, the letter lists them; nothing else of the
 * request (a proof, a mandate, the person's letter, another request's file) can be joined, nor anything to an answer
 * that releases no information.
 */
class AnswerDocumentsTest extends RequestsTestSupport {

    static final Actor STAFF = new Actor(Actor.Kind.ACCOUNT, UUID.randomUUID().toString());
    static final byte[] SCAN = "%PDF-1.4 synthetic scan of a paper file".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    RequestNotes notes;

    @Autowired
    Responses responses;

    @Autowired
    Requests requests;

    @Autowired
    AccessPackage packages;

    @Test
    void aJoinedAttachmentGoesIntoTheAnswerZipUnderDocumentsAndTheLetterNamesIt() throws Exception {
        var id = inProgress("ACCESS", email());
        var joined = notes.attach(id, new RequestIntake.Upload("application/pdf", SCAN, "dossier papier.pdf"), STAFF);
        var kept = notes.attach(id, new RequestIntake.Upload("text/plain", "internal".getBytes(), "memo.txt"), STAFF);
        completeTasks(id, null);

        joining(id, "FULFILLED", joined.id().toString())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documents[0]").value(joined.id().toString()));

        var draft = responses.of(id);
        assertThat(draft.documents()).as("kept with the draft").containsExactly(joined.id());
        var zip = RightsRequestEndToEndTest.unzip(packages.build(requests.get(id), draft));
        assertThat(zip).containsKey("documents/01-dossier papier.pdf");
        assertThat(zip.get("documents/01-dossier papier.pdf")).isEqualTo(SCAN);
        assertThat(zip.keySet()).as("a file not ticked stays with the request").noneMatch(n -> n.contains("memo"));
        assertThat(new String(zip.get("letter.html"), StandardCharsets.UTF_8)).contains("dossier papier.pdf");
        assertThat(packages.files(requests.get(id), draft)).endsWith("documents/01-dossier papier.pdf");
        assertThat(kept.id()).isNotEqualTo(joined.id());
    }

    @Test
    void onlyStaffsAttachmentsToThisRequestCanBeJoinedAndTheDraftIsRefusedByItsField() throws Exception {
        var id = inProgress("ACCESS", email());
        completeTasks(id, null);
        var other = inProgress("ACCESS", email());
        var elsewhere = notes.attach(other, new RequestIntake.Upload("application/pdf", SCAN, "autre.pdf"), STAFF);

        joining(id, "FULFILLED", elsewhere.id().toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documents"));
        joining(id, "FULFILLED", UUID.randomUUID().toString()).andExpect(status().isBadRequest());
        assertThat(requests.get(id).status()).as("nothing half-written").isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void nothingIsJoinedToAnAnswerThatReleasesNoInformation() throws Exception {
        var id = inProgress("DESTRUCTION", email());
        var file = notes.attach(id, new RequestIntake.Upload("application/pdf", SCAN, "preuve.pdf"), STAFF);
        completeTasks(id, null);

        joining(id, "FULFILLED", file.id().toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documents"));
    }

    /** The attacker's probe: names Windows cannot extract, and two files of one name told apart only in the ZIP. */
    @Test
    void joinedNamesExtractEverywhereAndTwoFilesOfOneNameAreToldApartAsInTheZip() throws Exception {
        var id = inProgress("ACCESS", email());
        var odd = notes.attach(id, new RequestIntake.Upload("application/pdf", SCAN, "<b>a|b?</b>:c*.pdf."), STAFF);
        var one = notes.attach(id, new RequestIntake.Upload("application/pdf", SCAN, "dup.pdf"), STAFF);
        var two = notes.attach(id, new RequestIntake.Upload("application/pdf", SCAN, "dup.pdf"), STAFF);
        completeTasks(id, null);
        joining(
                        id,
                        "FULFILLED",
                        odd.id().toString(),
                        one.id().toString(),
                        two.id().toString())
                .andExpect(status().isOk());

        var draft = responses.of(id);
        var zip = RightsRequestEndToEndTest.unzip(packages.build(requests.get(id), draft));
        assertThat(zip.keySet())
                .contains("documents/01-b__c_.pdf", "documents/02-dup.pdf", "documents/03-dup.pdf")
                .filteredOn(n -> n.startsWith("documents/"))
                .allMatch(n -> !n.substring("documents/".length()).matches(".*[<>:\"\\\\|?*].*"));
        assertThat(new String(zip.get("letter.html"), StandardCharsets.UTF_8))
                .contains("02-dup.pdf")
                .contains("03-dup.pdf");
    }

    @Test
    void theDownloadPageNamesAJoinedDocumentByItsOwnName() {
        var link = new DownloadLink(
                "R-2026-00001",
                List.of("letter.html", "documents/01-dossier papier.pdf"),
                java.time.LocalDate.of(2026, 12, 20),
                DownloadLink.State.READY,
                null,
                false,
                "fr");
        assertThat(link.label("documents/01-dossier papier.pdf")).isEqualTo("rights.download.file.document");
        assertThat(link.shown("documents/01-dossier papier.pdf")).isEqualTo("01-dossier papier.pdf");
        assertThat(link.label("letter.html")).isEqualTo("rights.download.file.letter.html");
    }

    private ResultActions joining(UUID id, String outcome, String... documents) throws Exception {
        var ids = String.join(
                ",", List.of(documents).stream().map(d -> "\"" + d + "\"").toList());
        return mvc.perform(put("/api/v1/requests/" + id + "/response")
                .header("Authorization", staff)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"%s\", \"documents\": [%s]}".formatted(outcome, ids)));
    }
}
