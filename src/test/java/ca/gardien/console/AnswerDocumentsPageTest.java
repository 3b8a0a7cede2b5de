package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.RequestNotes;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.Responses;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** The response form offers staff's attachments to join to the answer, and says next to the field why it refuses one. */
class AnswerDocumentsPageTest extends RequestConsoleSupport {

    @Autowired
    RequestNotes notes;

    @Autowired
    Responses responses;

    @Test
    void theResponseFormJoinsATickedAttachmentToTheAnswer() throws Exception {
        var staff = session(Role.STAFF);
        var id = tasksDone(staff);
        var file = notes.attach(id, upload("releve papier.pdf"), Actor.SYSTEM);

        var page = page("/console/requests/" + id, staff);
        assertThat(page)
                .contains("id=\"documents\"")
                .contains("value=\"" + file.id() + "\"")
                .contains("releve papier.pdf");

        act(
                staff,
                id,
                "/response",
                "outcome",
                "FULFILLED",
                "message",
                "Voici le relevé.",
                "documents",
                file.id().toString());
        assertThat(responses.of(id).documents()).containsExactly(file.id());
        assertThat(page("/console/requests/" + id, staff))
                .containsPattern("value=\"" + file.id() + "\"\\s+checked=\"checked\"");
    }

    /** The officer's walk at 390 px: each task's form sat in a 30 px column of the task table, its fields off-screen. */
    @Test
    void onAPhoneEachTaskIsACardWithItsFormAtFullWidth() throws Exception {
        var staff = session(Role.STAFF);
        var id = received("ACCESS");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "In the file");

        var page = page("/console/requests/" + id, staff);
        assertThat(page).contains("id=\"tasks\" class=\"stacked\"").contains("data-label=\"Date limite\"");
        var form = page.indexOf("class=\"task-complete\"");
        var cell = page.lastIndexOf("<td", form);
        assertThat(page.substring(cell, form))
                .as("the forms' cell has no column name: the stacked card gives it the whole width")
                .doesNotContain("data-label");
    }

    @Test
    void aFileThatCannotBeJoinedIsRefusedNextToTheFieldAndNothingIsDrafted() throws Exception {
        var staff = session(Role.STAFF);
        var id = tasksDone(staff);
        notes.attach(id, upload("memo.pdf"), Actor.SYSTEM);

        var page = refusedPage(
                staff, id, "/response", "outcome", "FULFILLED", "message", "Voici.", "documents", "not-an-id");
        assertThat(page).contains("id=\"documents-error\"").contains("pièces jointes du personnel");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    private UUID tasksDone(MockHttpSession staff) throws Exception {
        var id = received("ACCESS");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "In the file");
        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "NOT_FOUND", "note", "searched");
        }
        return id;
    }

    private static RequestIntake.Upload upload(String name) {
        return new RequestIntake.Upload(
                "application/pdf", "%PDF-1.4 synthetic".getBytes(StandardCharsets.US_ASCII), name);
    }
}
