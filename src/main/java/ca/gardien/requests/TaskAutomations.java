package ca.gardien.requests;

import ca.gardien.shared.Actor;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Offers each opened task to the {@link TaskAutomation}s that handle its system; the first result completes it. */
@Component
class TaskAutomations {

    private final List<TaskAutomation> automations;
    private final RequestTasks tasks;

    TaskAutomations(List<TaskAutomation> automations, RequestTasks tasks) {
        this.automations = automations;
        this.tasks = tasks;
    }

    @ApplicationModuleListener
    void on(RequestEvents.TaskOpened task) {
        for (var automation : automations) {
            if (!automation.handles(task.systemId())) {
                continue;
            }
            var result = automation.perform(task);
            if (result.isPresent()) {
                tasks.complete(
                        task.requestId(),
                        task.taskId(),
                        result.get(),
                        new Actor(Actor.Kind.SYSTEM, "connector:" + automation.name()));
                return;
            }
        }
    }
}
