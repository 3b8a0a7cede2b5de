package ca.gardien.connectors.runs;

import ca.gardien.connectors.ConnectorPlan;
import ca.gardien.connectors.ConnectorRuns;
import ca.gardien.connectors.RunCounts;
import ca.gardien.connectors.RunRequest;
import ca.gardien.connectors.RunStatus;
import ca.gardien.connectors.packages.PackageFiles;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/connectors")
@Tag(name = "Connector runs", description = "Plan, export, rectify and erase one person's data through a connector")
public class RunController {

    private final ConnectorRuns runs;
    private final PackageFiles packages;

    RunController(ConnectorRuns runs, PackageFiles packages) {
        this.runs = runs;
        this.packages = packages;
    }

    @PostMapping("/{id}/plan")
    @Operation(summary = "Tables, join keys, row counts, step order and lint for one person; changes nothing")
    ConnectorPlan plan(@PathVariable String id, @RequestBody RunRequest request) {
        return runs.plan(id, request);
    }

    @PostMapping("/{id}/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start an EXPORT, ERASE or RECTIFY run; follow it at /api/v1/connectors/runs/{runId}")
    RunStatus start(@PathVariable String id, @RequestBody RunRequest request, Authentication auth) {
        return runs.start(id, request, CurrentActor.of(auth));
    }

    @GetMapping("/runs/{runId}")
    @Operation(summary = "Status, counts per table and the last failure of a run")
    RunStatus status(@PathVariable UUID runId) {
        return runs.status(runId);
    }

    @GetMapping("/runs/{runId}/package")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'DELEGATE', 'STAFF')") // the person's data: not for auditors
    @Operation(
            summary = "The export package (JSON) of a completed EXPORT run, opened from its sealed file as it is"
                    + " streamed; 410 package-gone once deleted (and its key destroyed) after"
                    + " gardien.connectors.package-retention")
    ResponseEntity<Resource> exportPackage(@PathVariable UUID runId) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + runId + ".json\"")
                .body(new InputStreamResource(packages.openCompleted(runId)));
    }

    /** The rows acted on per table, {@code {"table": n}}: whole numbers, checked as a callback's ({@link RunCounts}). */
    record Completion(
            @io.swagger.v3.oas.annotations.media.Schema(
                    implementation = CountsShape.class,
                    description = "Rows acted on per table: at most 1,000 tables, each a whole number from 0 to"
                            + " 1,000,000,000,000 (400 naming counts or counts.<table> otherwise)",
                    example = "{\"customer\": 1, \"orders\": 3}")
            tools.jackson.databind.JsonNode counts,

            @io.swagger.v3.oas.annotations.media.Schema(hidden = true)
            tools.jackson.databind.JsonNode failure) {}

    /**
     * What the OpenAPI document shows a completion's counts as: an object of whole numbers by table (the body is read
     * as a JSON tree, which springdoc would show as a string, so that {@link RunCounts} sees what was written).
     */
    private static final class CountsShape extends java.util.HashMap<String, Long> {}

    @PostMapping("/runs/{runId}/complete")
    @Operation(summary = "Report a dispatched (manual) run done, with the rows acted on per table")
    RunStatus complete(@PathVariable UUID runId, @RequestBody Completion completion, Authentication auth) {
        // a completion says what was done: its counts, required (attacker's review: {} completed a run with no rows),
        // and not a failure, which a callback may report but a person does not complete a run with
        if (completion != null && completion.failure() != null) {
            throw new InvalidInputException("failure", "connectors.field.completion-failure");
        }
        if (completion == null
                || completion.counts() == null
                || completion.counts().isNull()) {
            throw new InvalidInputException("counts", "shared.field.required");
        }
        return runs.complete(runId, RunCounts.parse(completion.counts()), CurrentActor.of(auth));
    }
}
