package ca.gardien.requests;

import java.util.Optional;

/**
 * The hook for connectors: a bean of this type that {@link #handles} a system gets every task opened for it, after the
 * opening transaction commits, and may do the work itself (locate, export, rectify, erase). A result completes the task
 * as if staff had; an empty result leaves it to staff. Implementations must be idempotent: a task may be offered again
 * after a crash.
 */
public interface TaskAutomation {

    /** A short name recorded as the actor of the completion, e.g. {@code jdbc-crm}. */
    String name();

    boolean handles(String systemId);

    Optional<TaskResult> perform(RequestEvents.TaskOpened task);
}
