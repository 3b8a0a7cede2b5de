package ca.gardien.connectors.tasks;

import ca.gardien.connectors.ConnectorRunCompleted;
import ca.gardien.connectors.ConnectorRunFailed;
import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.RequestTaskRuns;
import ca.gardien.connectors.RunAction;
import ca.gardien.connectors.packages.PackageFiles;
import ca.gardien.connectors.packages.PackageRecords;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.requests.RequestTasks;
import ca.gardien.requests.TaskResult;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Phrase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Ends the request task a run worked for: a completed export fills the task with the exported rows (one record per
 * table row, category = table; columns annotated {@code origin: COLLECTED} in a {@code source: person} record, the
 * others in a {@code source: organization} one), a completed erasure marks it done; a failed run leaves it to staff
 * with a note, and so do records the task refuses ({@code TaskFindings}: more than it keeps, more text than it holds).
 */
@Component
public class TaskRunResults {

    private static final Logger log = LoggerFactory.getLogger(TaskRunResults.class);
    private static final TaskResult ERASED = new TaskResult("DONE", null, List.of());

    private final RunStore runs;
    private final RequestTasks tasks;
    private final ConnectorsProperties properties;
    private final PackageFiles packages;

    TaskRunResults(RunStore runs, RequestTasks tasks, ConnectorsProperties properties, PackageFiles packages) {
        this.runs = runs;
        this.tasks = tasks;
        this.properties = properties;
        this.packages = packages;
    }

    @ApplicationModuleListener
    void on(ConnectorRunCompleted done) {
        var run = runs.find(done.runId()).orElse(null);
        var task = run == null ? null : RequestTaskRuns.taskOf(run.actor()).orElse(null);
        if (task == null) {
            return;
        }
        var filled = done.action() == RunAction.EXPORT ? exported(done) : new Filled(ERASED, null);
        if (filled.note() != null) {
            tasks.note(task[0], task[1], filled.note(), run.actor());
            return;
        }
        try {
            tasks.complete(
                    task[0],
                    task[1],
                    filled.result(),
                    remark(done),
                    new Actor(Actor.Kind.SYSTEM, "connector:" + done.connectorId()));
        } catch (ConflictException e) {
            log.info("Task {} was not completed by run {}: {}", task[1], done.runId(), e.getMessage());
        } catch (InvalidInputException e) { // more records than a task keeps (a raised row limit), or too much text
            log.info("Task {} was not completed by run {}: {}", task[1], done.runId(), e.getMessage());
            tasks.note(
                    task[0],
                    task[1],
                    Phrase.of("connectors.note.records-refused", done.connectorId(), done.runId()),
                    run.actor());
        }
    }

    @ApplicationModuleListener
    void on(ConnectorRunFailed failed) {
        var run = runs.find(failed.runId()).orElse(null);
        var task = run == null ? null : RequestTaskRuns.taskOf(run.actor()).orElse(null);
        if (task != null) {
            tasks.note(
                    task[0],
                    task[1],
                    Phrase.of("connectors.note.failed", failed.connectorId(), failed.failure(), failed.runId()),
                    run.actor());
        }
    }

    /** A task's result, or the note that leaves the task to staff. */
    private record Filled(TaskResult result, Phrase note) {}

    /**
     * The task result of an export from its package; a note instead when there is no package (a webhook or manual
     * connector reports counts only: staff attach what was found), when it is already gone (its key destroyed) or when
     * it holds more rows than a task carries.
     */
    private Filled exported(ConnectorRunCompleted done) {
        var id = done.runId();
        if (!packages.exists(id)) {
            return new Filled(null, Phrase.of("connectors.note.exported-without-package", done.connectorId(), id));
        }
        List<TaskResult.FoundRecord> records;
        try (var content = packages.open(id)) {
            if (content == null) {
                return new Filled(null, Phrase.of("connectors.note.package-gone", done.connectorId(), id));
            }
            records = PackageRecords.read(content, properties.taskRecordLimit()).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the export package", e);
        }
        if (records == null) {
            var limit = properties.taskRecordLimit();
            return new Filled(null, Phrase.of("connectors.note.too-many-rows", done.connectorId(), limit, id));
        }
        return new Filled(new TaskResult(records.isEmpty() ? "NOT_FOUND" : "FOUND", null, records), null);
    }

    public static List<TaskResult.FoundRecord> records(JsonNode record) {
        var table = record.path("table").asString();
        var origin = record.path("origin");
        var collected = new LinkedHashMap<String, String>();
        var other = new LinkedHashMap<String, String>();
        for (var field : record.path("row").properties()) {
            if (field.getValue().isNull()) continue;
            var target = "COLLECTED".equals(origin.path(field.getKey()).asString(null)) ? collected : other;
            target.put(field.getKey(), field.getValue().asString());
        }
        var out = new ArrayList<TaskResult.FoundRecord>();
        if (!collected.isEmpty()) out.add(new TaskResult.FoundRecord(table, "person", collected));
        if (!other.isEmpty()) out.add(new TaskResult.FoundRecord(table, "organization", other));
        return out;
    }

    /** What Gardien notes on the task it completes: which connector, what it did, how many rows in how many tables. */
    static Phrase remark(ConnectorRunCompleted done) {
        long rows = done.counts().values().stream().mapToLong(Long::longValue).sum();
        return Phrase.of(
                "connectors.note.done",
                Phrase.of("connectors.run-action." + done.action().name()),
                done.connectorId(),
                rows,
                done.counts().size());
    }
}
