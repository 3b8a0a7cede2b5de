package ca.gardien.connectors.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.connectors.ConnectorRunCompleted;
import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.RunAction;
import ca.gardien.connectors.packages.PackageFiles;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.runs.StoredRun;
import ca.gardien.requests.RequestTasks;
import ca.gardien.shared.Actor;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Phrase;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/** What a completed export leaves on the request task when its package cannot fill it. */
class TaskRunResultsTest {

    private final UUID requestId = UUID.randomUUID();
    private final UUID taskId = UUID.randomUUID();
    private final UUID runId = UUID.randomUUID();
    private final RunStore runs = Mockito.mock(RunStore.class);
    private final RequestTasks tasks = Mockito.mock(RequestTasks.class);
    private final PackageFiles packages = Mockito.mock(PackageFiles.class);
    private final TaskRunResults results =
            new TaskRunResults(runs, tasks, Mockito.mock(ConnectorsProperties.class), packages);

    @Test
    void anExportWhosePackageKeyIsAlreadyDestroyedLeavesTheTaskToStaffSayingThePackageIsGone() throws Exception {
        Mockito.when(runs.find(runId)).thenReturn(Optional.of(run()));
        Mockito.when(packages.exists(runId)).thenReturn(true);
        Mockito.when(packages.open(runId)).thenReturn(null); // the file is here, its key is not

        results.on(new ConnectorRunCompleted(runId, "shop", RunAction.EXPORT, Map.of("customer", 1L), "00"));

        assertThat(noted().key()).isEqualTo("connectors.note.package-gone");
    }

    @Test
    void anExportWithoutAPackageLeavesTheTaskToStaffToAttachWhatWasFound() {
        Mockito.when(runs.find(runId)).thenReturn(Optional.of(run()));
        Mockito.when(packages.exists(runId)).thenReturn(false);

        results.on(new ConnectorRunCompleted(runId, "hook", RunAction.EXPORT, Map.of(), null));

        assertThat(noted().key()).isEqualTo("connectors.note.exported-without-package");
    }

    @Test
    void anExportWhoseRecordsTheTaskRefusesLeavesTheTaskToStaffWithTheRunsPackage() throws Exception {
        var properties = Mockito.mock(ConnectorsProperties.class);
        Mockito.when(properties.taskRecordLimit()).thenReturn(10);
        var results = new TaskRunResults(runs, tasks, properties, packages);
        Mockito.when(runs.find(runId)).thenReturn(Optional.of(run()));
        Mockito.when(packages.exists(runId)).thenReturn(true);
        Mockito.when(packages.open(runId))
                .thenReturn(new java.io.ByteArrayInputStream(
                        "{\"records\": [{\"table\": \"customer\", \"row\": {\"email\": \"a@example.test\"}}]}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Mockito.when(tasks.complete(Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any()))
                .thenThrow(new InvalidInputException("records", "requests.field.found-too-large", 1_000_000));

        results.on(new ConnectorRunCompleted(runId, "shop", RunAction.EXPORT, Map.of("customer", 1L), "00"));

        var phrase = ArgumentCaptor.forClass(Phrase.class);
        Mockito.verify(tasks).note(Mockito.eq(requestId), Mockito.eq(taskId), phrase.capture(), Mockito.any());
        assertThat(phrase.getValue().key()).isEqualTo("connectors.note.records-refused");
    }

    private Phrase noted() {
        var phrase = ArgumentCaptor.forClass(Phrase.class);
        Mockito.verify(tasks).note(Mockito.eq(requestId), Mockito.eq(taskId), phrase.capture(), Mockito.any());
        Mockito.verify(tasks, Mockito.never())
                .complete(Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any());
        return phrase.getValue();
    }

    private StoredRun run() {
        var actor = new Actor(Actor.Kind.SYSTEM, "request-task:" + requestId + "/" + taskId);
        return StoredRun.pending(
                runId, "shop", RunAction.EXPORT, null, actor, Instant.parse("2026-12-05T12:00:00Z"), null);
    }
}
