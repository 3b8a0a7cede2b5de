package ca.gardien.opencompliance;

import ca.gardien.opencompliance.Submissions.Submission;
import ca.gardien.requests.Requests;
import ca.gardien.requests.RightsRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The status of a submission (section 8.3), with Gardien's own status and due date in its extension. */
@Component
class SubmissionStatuses {

    private final Submissions submissions;
    private final Requests requests;
    private final OpenComplianceProperties properties;

    SubmissionStatuses(Submissions submissions, Requests requests, OpenComplianceProperties properties) {
        this.submissions = submissions;
        this.requests = requests;
        this.properties = properties;
    }

    /** The status, for the controller that submitted the request only. */
    @Transactional(readOnly = true)
    Map<String, Object> status(UUID subjectRequestId, String controllerId) {
        var submission = find(subjectRequestId, controllerId);
        var request = requests.get(submission.requestId());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("controller_id", submission.controllerId());
        answer.put(
                "expected_completion_time", submission.expectedCompletionTime().toString());
        answer.put("subject_request_id", subjectRequestId.toString());
        answer.put("request_status", OpenComplianceStatus.of(request.status()));
        answer.put("api_version", "1.0");
        answer.put("extensions", extension(request));
        return answer;
    }

    Map<String, Object> extension(RightsRequest request) {
        return Map.of(
                properties.processorDomain(),
                Map.of(
                        "request_id", request.id().toString(),
                        "request_type", request.type().name().toLowerCase(Locale.ROOT),
                        "jurisdiction", request.jurisdiction(),
                        "status", request.status().name(),
                        "due_on", request.dueOn().toString()));
    }

    /**
     * The submission of this controller; the same id used by another controller is not even looked at, so that it is
     * "not found" exactly as an id never used (404, not 403).
     */
    Submission find(UUID subjectRequestId, String controllerId) {
        return submissions
                .find(subjectRequestId, controllerId)
                .orElseThrow(() -> new OpenComplianceException(
                        404,
                        "no such subject_request_id",
                        List.of(new OpenComplianceException.Detail(
                                "Request", "NotFound", "no request has this subject_request_id."))));
    }
}
