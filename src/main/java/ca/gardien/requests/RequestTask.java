package ca.gardien.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Work on one system for one request: find (and for a change request, change) the person's information there. Due
 * before the legal due date. {@code status} is {@code OPEN} or {@code DONE}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestTask(
        UUID id,
        UUID requestId,
        String systemId,
        String status,
        UUID assignee,
        LocalDate dueOn,
        Instant openedAt,
        Instant completedAt,
        String outcome,
        String note) {

    public boolean done() {
        return "DONE".equals(status);
    }
}
