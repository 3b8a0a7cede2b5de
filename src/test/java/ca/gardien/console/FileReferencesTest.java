package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.gardien.complaints.Complaints;
import ca.gardien.incidents.IncidentReferences;
import ca.gardien.mail.OutboxViews;
import ca.gardien.requests.RequestViews;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A file named by its reference and its page, one way for the ledger's lines and the outbox's messages. */
class FileReferencesTest {

    private final RequestViews requests = mock(RequestViews.class);
    private final Complaints complaints = mock(Complaints.class);
    private final IncidentReferences incidents = mock(IncidentReferences.class);
    private final OutboxViews outbox = mock(OutboxViews.class);
    private final FileReferences files = new FileReferences(requests, complaints, incidents, outbox);

    @Test
    void aRequestAComplaintAndAnIncidentAreNamedByTheirReferenceAndLinkedToTheirPage() {
        var request = UUID.randomUUID();
        var complaint = UUID.randomUUID();
        var incident = UUID.randomUUID();
        when(requests.referencesOf(Set.of(request))).thenReturn(Map.of(request, "R-2026-00042"));
        when(complaints.referencesOf(Set.of(complaint))).thenReturn(Map.of(complaint, "C-2026-00007"));
        when(incidents.of(Set.of(incident))).thenReturn(Map.of(incident, "I-2026-00003"));

        assertThat(files.file("request", request.toString()))
                .isEqualTo(new FileReferences.File("request", "R-2026-00042", "/console/requests/" + request));
        assertThat(files.file("complaint", complaint.toString()))
                .isEqualTo(new FileReferences.File("complaint", "C-2026-00007", "/console/complaints/" + complaint));
        assertThat(files.file("incident", incident.toString()))
                .isEqualTo(new FileReferences.File("incident", "I-2026-00003", "/console/incidents/" + incident));
    }

    @Test
    void aFileGoneKeepsItsPageButNoReferenceAndOtherObjectsAreNoFile() {
        var gone = UUID.randomUUID();
        when(requests.referencesOf(Set.of(gone))).thenReturn(Map.of());
        assertThat(files.file("request", gone.toString()))
                .isEqualTo(new FileReferences.File("request", null, "/console/requests/" + gone));
        assertThat(files.file("account", UUID.randomUUID().toString())).isNull();
        assertThat(files.file("request", "not-an-id")).isNull();
        assertThat(files.file(null, gone.toString())).isNull();
        assertThat(files.file("request", null)).isNull();
    }

    @Test
    void theLedgersObjectFilterKeepsAFileWithTheMessagesAboutIt() {
        var request = UUID.randomUUID();
        var message = UUID.randomUUID();
        when(requests.idOf("R-2026-00042")).thenReturn(Optional.of(request));
        when(outbox.about(request)).thenReturn(java.util.List.of(message));
        assertThat(files.objects(" R-2026-00042 ")).containsExactly(request.toString(), message.toString());
        assertThat(files.objects("profile")).containsExactly("profile");
        assertThat(files.objects("  ")).isNull();
        assertThat(files.objects(null)).isNull();
    }

    @Test
    void aTypedReferenceFindsItsFileAndOneThatNamesNothingFindsNothing() {
        var incident = UUID.randomUUID();
        when(incidents.idOf("I-2026-00003")).thenReturn(Optional.of(incident));
        when(requests.idOf("R-2026-00099")).thenReturn(Optional.empty());
        assertThat(files.objectFilter("I-2026-00003")).isEqualTo(incident.toString());
        assertThat(files.objectFilter("R-2026-00099")).isEqualTo("R-2026-00099");
        assertThat(files.objectFilter("words")).isEqualTo("words");
    }
}
