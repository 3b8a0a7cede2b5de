package ca.gardien.requests;

import ca.gardien.shared.Phrase;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;

/**
 * Work on one system for one request: find (and for a change request, change) the person's information there. Due
 * before the legal due date. {@code status} is {@code OPEN} or {@code DONE}. {@code note} is what staff wrote;
 * {@code remark} what Gardien noted (a connector's run), put in the reader's language where it is shown.
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
        String note,
        @JsonIgnore Phrase remark) {

    /** This task as the API shows it: Gardien's remark in the reader's words, as {@code note}, when staff wrote none. */
    public RequestTask speaking(MessageSource messages, Locale locale) {
        if (note != null || remark == null) {
            return this;
        }
        var said = remark.in(messages, locale);
        return new RequestTask(
                id, requestId, systemId, status, assignee, dueOn, openedAt, completedAt, outcome, said, remark);
    }

    public boolean done() {
        return "DONE".equals(status);
    }
}
