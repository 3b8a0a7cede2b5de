package ca.gardien.requests;

import ca.gardien.shared.Actor;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents of a parent, tutor or mandatary acting for the person (mandate, proof of parental authority or tutorship).
 * Staff review them; the request moves on only once one is approved. Only the document's SHA-256 reaches the ledger.
 */
@Service
public class Representatives {

    private final RequestStore requests;
    private final DocumentStore documents;
    private final IntakeChecks checks;
    private final RequestFacts facts;
    private final RequestProgress progress;
    private final Clock clock;

    Representatives(
            RequestStore requests,
            DocumentStore documents,
            IntakeChecks checks,
            RequestFacts facts,
            RequestProgress progress,
            Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.checks = checks;
        this.facts = facts;
        this.progress = progress;
        this.clock = clock;
    }

    /** Stores a representative's document for review; returns its id. */
    @Transactional
    public UUID upload(UUID requestId, RequestIntake.Upload file, Actor actor) {
        var request =
                requests.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
        if (request.representative() == null) {
            throw RequestSteps.notNow(request, "no-representative");
        }
        if (!request.status().isOpen()) {
            throw RequestSteps.notNow(request, "finished-document");
        }
        if (request.representativeProof() == RightsRequest.Review.APPROVED) { // one accepted is what the law asks
            throw new ca.gardien.shared.ConflictException("requests.conflict.representative-accepted");
        }
        checks.checkUpload("document", file);
        var document = documents.insert(requestId, "MANDATE", file, clock.instant());
        facts.record(
                "representative-document-filed",
                requestId,
                actor,
                Map.of("document", document.id().toString(), "sha256", document.sha256()));
        return document.id();
    }

    /**
     * What is wrong with a document given with a request as staff enter it ({@code representativeDocument}): nobody acts
     * for the person, or the file is empty or too large; null when it is fine or none was given.
     */
    ca.gardien.shared.FieldError entryError(String representative, RequestIntake.Upload document) {
        if (document == null) {
            return null;
        }
        if (representative == null) {
            return ca.gardien.shared.FieldError.of(
                    "representativeDocument", "requests.field.document-without-representative");
        }
        return checks.uploadError("representativeDocument", document);
    }

    @Transactional
    public RightsRequest review(UUID requestId, UUID documentId, boolean approved, Actor actor) {
        var request =
                requests.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
        if (!request.status().isOpen()) { // a cancelled or answered request moves no more (attacker's re-check)
            throw RequestSteps.notNow(request, "finished-review");
        }
        if (request.representativeProof() == RightsRequest.Review.APPROVED) {
            // another document still waiting changes nothing once one is accepted (attacker: a refusal recorded, the
            // proof still accepted)
            throw new ca.gardien.shared.ConflictException("requests.conflict.representative-accepted");
        }
        if (!documents.review(requestId, documentId, approved, actor.kind() + ":" + actor.id(), clock.instant())) {
            // reviewed already (a second click, two staff at once) is a conflict the page says; else nothing to review
            if (documents.of(requestId).stream()
                    .anyMatch(d -> d.id().equals(documentId) && "MANDATE".equals(d.kind()))) {
                throw new ca.gardien.shared.ConflictException("requests.conflict.document-reviewed");
            }
            throw new NotFoundException("requests.object.pending-document", documentId);
        }
        facts.record(
                "representative-document-reviewed",
                requestId,
                actor,
                Map.of("document", documentId.toString(), "approved", String.valueOf(approved)));
        progress.afterProof(request, actor);
        return requests.find(requestId).orElseThrow();
    }
}
