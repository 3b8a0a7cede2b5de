package ca.gardien.requests;

import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.Phrase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tasks of requests, one per system in scope. Staff complete them through the API; a connector that can reach a
 * system listens for {@link RequestEvents.TaskOpened} and calls {@link #complete} itself (the automation hook).
 */
@Service
public class RequestTasks {

    private static final Set<String> OUTCOMES = Set.of("FOUND", "NOT_FOUND", "DONE");

    private final TaskStore tasks;
    private final RequestStore requests;
    private final ca.gardien.inventory.Inventory inventory;
    private final RequestFacts facts;
    private final RequestsProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final ca.gardien.organization.AccountViews accounts;

    RequestTasks(
            TaskStore tasks,
            RequestStore requests,
            ca.gardien.inventory.Inventory inventory,
            RequestFacts facts,
            RequestsProperties properties,
            JsonMapper json,
            Clock clock,
            ca.gardien.organization.AccountViews accounts) {
        this.accounts = accounts;
        this.tasks = tasks;
        this.requests = requests;
        this.inventory = inventory;
        this.facts = facts;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RequestTask> of(UUID requestId) {
        requests.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
        return tasks.of(requestId);
    }

    /** Opens one task per system in scope, due {@code taskLeadDays} before the legal due date; returns how many. */
    int open(RightsRequest request) {
        var scope = Scope.of(inventory.current(), request.subjectCategory());
        var today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        var due = request.dueOn().minusDays(properties.workflow().taskLeadDays());
        var taskDue = due.isBefore(today) ? today : due;
        for (var system : scope.systems()) {
            var task = new RequestTask(
                    UUID.randomUUID(),
                    request.id(),
                    system,
                    "OPEN",
                    properties.workflow().defaultAssignee(),
                    taskDue,
                    clock.instant(),
                    null,
                    null,
                    null,
                    null);
            tasks.insert(task);
            facts.record(
                    "task-opened",
                    request.id(),
                    Actor.SYSTEM,
                    Map.of("task", task.id().toString(), "system", system, "dueOn", taskDue.toString()));
            facts.publish(new RequestEvents.TaskOpened(request.id(), task.id(), system, request.type(), taskDue));
        }
        return scope.systems().size();
    }

    @Transactional
    public RequestTask assign(UUID requestId, UUID taskId, UUID assignee, Actor actor) {
        if (assignee == null) {
            throw new InvalidInputException("assignee", "shared.field.required");
        }
        var task = task(requestId, taskId);
        if (task.done()) { // who did it stays who did it
            throw new ConflictException("requests.conflict.task-done");
        }
        var request = requests.find(requestId).orElseThrow();
        if (!request.status().isOpen()) { // a cancelled or answered request has no work left to hand out
            throw RequestSteps.notNow(request, "task-closed");
        }
        if (assignee.equals(task.assignee())) {
            return task; // already theirs: nothing changes, nothing is recorded
        }
        if (accounts.active(Role.STAFF, Role.DELEGATE, Role.PRIVACY_OFFICER).stream()
                .noneMatch(a -> a.id().equals(assignee))) { // not an auditor, a disabled or an unknown account
            throw new InvalidInputException("assignee", "requests.field.assignee");
        }
        if (!tasks.assign(taskId, assignee)) {
            throw new ConflictException("requests.conflict.task-done"); // completed meanwhile
        }
        facts.record("task-assigned", requestId, actor, Map.of("task", taskId.toString(), "assignee", "" + assignee));
        return tasks.find(task.id()).orElseThrow();
    }

    /**
     * Leaves a note on an open task for the staff who will do it (e.g. why a connector could not); a done task keeps its
     * result. The note may be read by staff only and must not quote the person's information.
     */
    @Transactional
    public RequestTask note(UUID requestId, UUID taskId, String note, Actor actor) {
        if (note == null || note.isBlank() || note.length() > 4000) {
            throw new InvalidInputException("note", "requests.field.note-length");
        }
        var task = task(requestId, taskId);
        if (tasks.note(taskId, note)) {
            noted(requestId, task, actor);
        }
        return tasks.find(taskId).orElseThrow();
    }

    /**
     * Gardien's own remark on an open task (a connector's run could not start, failed, or left work to staff): kept as
     * a phrase and read in the reader's language. Staff's note, if any, stays beside it.
     */
    @Transactional
    public RequestTask note(UUID requestId, UUID taskId, Phrase remark, Actor actor) {
        var task = task(requestId, taskId);
        if (tasks.note(taskId, remark)) {
            noted(requestId, task, actor);
        }
        return tasks.find(taskId).orElseThrow();
    }

    private void noted(UUID requestId, RequestTask task, Actor actor) {
        facts.record("task-noted", requestId, actor, Map.of("task", task.id().toString(), "system", task.systemId()));
    }

    /**
     * Records what was found or done; the request must be in progress (identity proven). The same rules hold whoever
     * completes (API, console, connector): records only with {@code FOUND}, each valid ({@link TaskFindings#errors}),
     * all of them fitting their column; every error is named at once and nothing is written.
     */
    @Transactional(noRollbackFor = InvalidInputException.class) // refused before anything is written
    public RequestTask complete(UUID requestId, UUID taskId, TaskResult result, Actor actor) {
        return complete(requestId, taskId, result, null, actor);
    }

    /**
     * Completed through the API by a program's token ({@code actor}) acting for {@code account}: a task nobody had
     * taken becomes that account's, as when the account completes it in the console.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public RequestTask completeFor(UUID account, UUID requestId, UUID taskId, TaskResult result, Actor actor) {
        return complete(requestId, taskId, result, null, actor, account == null ? accountOf(actor) : account);
    }

    /** Records what a connector found or did, with Gardien's remark on how (e.g. which connector exported). */
    @Transactional(noRollbackFor = InvalidInputException.class) // a connector then notes why, in its transaction
    public RequestTask complete(UUID requestId, UUID taskId, TaskResult result, Phrase remark, Actor actor) {
        return complete(requestId, taskId, result, remark, actor, accountOf(actor));
    }

    private RequestTask complete(UUID requestId, UUID taskId, TaskResult result, Phrase remark, Actor actor, UUID by) {
        if (result == null || result.outcome() == null || !OUTCOMES.contains(result.outcome())) {
            throw new InvalidInputException("outcome", "shared.field.one-of", OUTCOMES);
        }
        var errors = new ArrayList<FieldError>();
        if (!result.records().isEmpty() && !"FOUND".equals(result.outcome())) {
            errors.add(FieldError.of("outcome", "requests.field.found-outcome"));
        }
        if (result.note() != null && result.note().length() > 4000) {
            errors.add(FieldError.of("note", "shared.field.too-long", 4000));
        }
        errors.addAll(TaskFindings.errors(result.records()));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var request =
                requests.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
        if (request.status() != RequestStatus.IN_PROGRESS || !request.identityProven()) {
            throw RequestSteps.notNow(request, "task-not-now");
        }
        if (!request.type().taskOutcomes().contains(result.outcome())) { // "change made" on an access request …
            var releases = request.type().taskOutcomes().contains("FOUND");
            throw new InvalidInputException(
                    "outcome", releases ? "requests.field.outcome-releases" : "requests.field.outcome-changes");
        }
        var task = task(requestId, taskId);
        var recordsJson = result.records().isEmpty() ? null : json.writeValueAsString(result.records());
        if (recordsJson != null && recordsJson.length() > TaskFindings.MAX_STORED) {
            throw new InvalidInputException("records", "requests.field.found-too-large", TaskFindings.MAX_STORED);
        }
        if (!tasks.complete(taskId, result.outcome(), result.note(), remark, recordsJson, clock.instant(), by)) {
            throw new ConflictException("requests.conflict.task-done");
        }
        boolean allDone = tasks.of(requestId).stream().allMatch(RequestTask::done);
        facts.record(
                "task-completed",
                requestId,
                actor,
                Map.of(
                        "task",
                        taskId.toString(),
                        "system",
                        task.systemId(),
                        "outcome",
                        result.outcome(),
                        "records",
                        String.valueOf(result.records().size()),
                        "fields", // what the task's card counts ("3 pieces of information recorded")
                        String.valueOf(result.records().stream()
                                .mapToInt(r -> r.fields().size())
                                .sum())));
        facts.publish(new RequestEvents.TaskCompleted(requestId, taskId, task.systemId(), allDone));
        return tasks.find(taskId).orElseThrow();
    }

    /** The account that acts, or null (a token, a connector, Gardien). */
    private static UUID accountOf(Actor actor) {
        if (actor.kind() != Actor.Kind.ACCOUNT) {
            return null;
        }
        try {
            return UUID.fromString(actor.id());
        } catch (IllegalArgumentException notAnAccountId) {
            return null;
        }
    }

    private RequestTask task(UUID requestId, UUID taskId) {
        return tasks.find(taskId)
                .filter(t -> t.requestId().equals(requestId))
                .orElseThrow(() -> new NotFoundException("requests.object.task", taskId));
    }
}
