package ca.gardien.opencompliance;

import ca.gardien.requests.RequestEvents.RequestStatusChanged;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Owes each controller URL a callback whenever a request's OpenCompliance status changes (section 8.5); the
 * {@link CallbackSender} delivers them.
 */
@Component
class StatusCallbacks {

    private final Submissions submissions;
    private final Callbacks callbacks;
    private final Clock clock;

    StatusCallbacks(Submissions submissions, Callbacks callbacks, Clock clock) {
        this.submissions = submissions;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(RequestStatusChanged changed) {
        var from = OpenComplianceStatus.of(changed.from());
        var to = OpenComplianceStatus.of(changed.to());
        if (from.equals(to)) {
            return;
        }
        submissions
                .forRequest(changed.requestId())
                .ifPresent(s -> s.callbackUrls().forEach(url -> {
                    var body = new LinkedHashMap<String, Object>();
                    body.put("controller_id", s.controllerId());
                    body.put(
                            "expected_completion_time",
                            s.expectedCompletionTime().toString());
                    body.put("status_callback_url", url.toString());
                    body.put("subject_request_id", s.subjectRequestId().toString());
                    body.put("request_status", to);
                    // by the rights request, not the subject_request_id, which another controller may use too
                    var id = UUID.nameUUIDFromBytes(
                            (s.requestId() + "\n" + url + "\n" + to).getBytes(StandardCharsets.UTF_8));
                    callbacks.add(
                            id,
                            s.subjectRequestId(),
                            s.requestId(),
                            url.toString(),
                            to,
                            SubmissionReader.JSON.writeValueAsString(body),
                            clock.instant());
                }));
    }
}
