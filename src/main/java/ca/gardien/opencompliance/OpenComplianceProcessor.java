package ca.gardien.opencompliance;

import ca.gardien.ledger.Evidence;
import ca.gardien.opencompliance.Submissions.Submission;
import ca.gardien.requests.NewRequest;
import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.Requests;
import ca.gardien.requests.RightsRequest;
import ca.gardien.requests.StaffProofs;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processor side of OpenCompliance: a submission becomes a rights request in the same workflow as any other
 * (channel API); status and cancellation read and move that request.
 */
@Service
class OpenComplianceProcessor {

    private final SubmissionReader reader;
    private final Submissions submissions;
    private final RequestIntake intake;
    private final Requests requests;
    private final SubmissionStatuses statuses;
    private final StaffProofs proofs;
    private final ProcessorKey key;
    private final ApplicationEventPublisher events;
    private final OpenComplianceProperties properties;
    private final Clock clock;

    OpenComplianceProcessor(
            Submissions submissions,
            RequestIntake intake,
            Requests requests,
            SubmissionStatuses statuses,
            StaffProofs proofs,
            ProcessorKey key,
            ApplicationEventPublisher events,
            OpenComplianceProperties properties,
            Clock clock) {
        this.reader = new SubmissionReader(properties);
        this.submissions = submissions;
        this.intake = intake;
        this.requests = requests;
        this.statuses = statuses;
        this.proofs = proofs;
        this.key = key;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    Map<String, Object> submit(byte[] body, String controllerId, Actor actor) {
        var submitted = reader.read(body);
        // Ids are the controller's own: only its own earlier use of one is a conflict, never another controller's
        // (whose 409 told that the other had a request with that id).
        if (submissions.exists(submitted.subjectRequestId(), controllerId)) {
            throw duplicate();
        }
        var request = intake.submit(newRequest(submitted), actor);
        if (submitted.customerId() != null) {
            // The controller's own customer id, sent with the controller's token, is vouched for by the controller;
            // emails and phones are not, and are proven by a one-time code like any other request's.
            request = proofs.confirmForController(request.id(), actor);
        }
        var submission = new Submission(
                submitted.subjectRequestId(),
                request.id(),
                controllerId,
                submitted.regulation(),
                submitted.apiVersion(),
                submitted.submittedTime(),
                clock.instant(),
                endOf(request),
                submitted.callbackUrls());
        try {
            submissions.insert(submission);
        } catch (DuplicateKeyException e) {
            throw duplicate(); // the same controller sent the same id twice at once: the other one won
        }
        record(
                actor,
                "request-received",
                submission,
                Map.of("requestId", request.id().toString()));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("controller_id", controllerId);
        answer.put(
                "expected_completion_time", submission.expectedCompletionTime().toString());
        answer.put("received_time", submission.receivedTime().toString());
        answer.put("encoded_request", Base64.getEncoder().encodeToString(body));
        answer.put("subject_request_id", submission.subjectRequestId().toString());
        // A signed receipt of exactly what was received: the signature of the SHA-256 digest of the request body.
        answer.put("processor_signature", key.sign(body));
        return answer;
    }

    /**
     * Cancels the request while it is pending (section 9); later, the workflow has started and it is a 409. Only the
     * controller that submitted it may; for any other it is not found.
     */
    @Transactional
    Map<String, Object> cancel(UUID subjectRequestId, String controllerId, Actor actor) {
        var submission = statuses.find(subjectRequestId, controllerId);
        var request = requests.get(submission.requestId());
        if (!"pending".equals(OpenComplianceStatus.of(request.status()))) {
            throw new OpenComplianceException(
                    409,
                    "only a pending request can be cancelled",
                    List.of(new OpenComplianceException.Detail(
                            "Validation",
                            "NotPending",
                            "the request is " + OpenComplianceStatus.of(request.status()))));
        }
        intake.cancel(request.id(), actor);
        var now = clock.instant();
        record(actor, "cancelled", submission, Map.of("requestId", request.id().toString()));
        var answer = new LinkedHashMap<String, Object>();
        answer.put("controller_id", submission.controllerId());
        answer.put("subject_request_id", subjectRequestId.toString());
        answer.put("received_time", now.toString());
        answer.put("api_version", "1.0");
        return answer;
    }

    private static OpenComplianceException duplicate() {
        return new OpenComplianceException(
                409,
                "subject_request_id was already submitted",
                List.of(new OpenComplianceException.Detail(
                        "Validation", "DuplicateRequest", "subject_request_id was already submitted.")));
    }

    private static NewRequest newRequest(SubmittedRequest s) {
        return new NewRequest(
                s.type(),
                new NewRequest.Subject(s.email(), s.phone(), s.customerId()),
                s.jurisdiction(),
                "API",
                s.language(),
                s.details(),
                null,
                null,
                null);
    }

    /** The end of the legal due day, in UTC (earlier than the end of the day in the profile's zone, never later). */
    static Instant endOf(RightsRequest request) {
        return request.dueOn().atTime(LocalTime.of(23, 59, 59)).toInstant(ZoneOffset.UTC);
    }

    private void record(Actor actor, String action, Submission s, Map<String, String> extra) {
        var payload = new java.util.HashMap<>(extra);
        payload.put("regulation", s.regulation());
        payload.put("callbacks", String.valueOf(s.callbackUrls().size()));
        events.publishEvent(Evidence.of(
                clock.instant(),
                actor,
                "opencompliance." + action,
                "opencompliance-request",
                s.subjectRequestId(),
                payload));
    }
}
