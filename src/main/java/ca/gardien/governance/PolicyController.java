package ca.gardien.governance;

import ca.gardien.inventory.LineDiff;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy documents: every role reads them; the person in charge and delegates draft, send to review and publish;
 * the person in charge approves (or the substitute while the person in charge is recorded absent).
 */
@RestController
@RequestMapping("/api/v1/policies")
@Tag(name = "Policies", description = "Governance policies: versions, review, approval and publication")
class PolicyController {

    private final Policies policies;
    private final PolicyReturns returns;
    private final PolicyReads reads;
    private final PolicySubscribers subscribers;

    PolicyController(Policies policies, PolicyReturns returns, PolicyReads reads, PolicySubscribers subscribers) {
        this.returns = returns;
        this.subscribers = subscribers;
        this.reads = reads;
        this.policies = policies;
    }

    @GetMapping
    @Operation(summary = "The policy documents with their last version and the version published now")
    List<PolicySummary> all() {
        return reads.all();
    }

    @GetMapping("/{id}/versions/{n}")
    @Operation(summary = "One version with its sections in French and English; a draft shows the live values")
    PolicyVersion version(@PathVariable String id, @PathVariable String n) {
        return reads.version(id, number("n", n));
    }

    @PostMapping("/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start the next version as a draft from the last published one (409 while one is open)")
    PolicyVersion draft(@PathVariable String id, Authentication auth) {
        return policies.newDraft(id, GovernanceCaller.of(auth));
    }

    @PutMapping("/{id}/versions/{n}/sections/{key}")
    @Operation(
            summary = "Edit a section of a draft; a version in review is refused (409) until sent back to draft with"
                    + " the reasons")
    PolicyVersion edit(
            @PathVariable String id,
            @PathVariable String n,
            @PathVariable String key,
            @RequestBody Policies.SectionEdit body,
            Authentication auth) {
        var caller = GovernanceCaller.of(auth).requireWriter();
        return policies.editSection(id, number("n", n), key, body, caller);
    }

    @PostMapping("/{id}/versions/{n}/review")
    @Operation(summary = "Send a draft to review: its text is frozen with the values of now and digested")
    PolicyVersion review(@PathVariable String id, @PathVariable String n, Authentication auth) {
        var caller = GovernanceCaller.of(auth).requireWriter();
        return policies.submit(id, number("n", n), caller);
    }

    @PostMapping("/{id}/versions/{n}/approve")
    @Operation(
            summary =
                    "Approve a version in review: the person in charge, or the recorded substitute while the person in"
                            + " charge is recorded absent (403 otherwise, 409 when not in review)")
    PolicyVersion approve(@PathVariable String id, @PathVariable String n, Authentication auth) {
        var caller = GovernanceCaller.of(auth).requireWriter();
        return policies.approve(id, number("n", n), caller);
    }

    @PostMapping("/{id}/versions/{n}/return")
    @Operation(
            summary = "Send a version in review back to draft with the reasons (reason, required), instead of approving"
                    + " it: whoever may approve it (403 otherwise; 409 in words when it was approved meanwhile)")
    PolicyVersion sendBack(
            @PathVariable String id,
            @PathVariable String n,
            @RequestBody(required = false) PolicyReturns.Reasons body,
            Authentication auth) {
        var caller = GovernanceCaller.of(auth).requireWriter();
        return returns.toDraft(id, number("n", n), body == null ? null : body.reason(), caller);
    }

    @PostMapping("/{id}/versions/{n}/publish")
    @Operation(summary = "Publish an approved version with today's date: the public page shows it from now on")
    PolicyVersion publish(@PathVariable String id, @PathVariable String n, Authentication auth) {
        var caller = GovernanceCaller.of(auth).requireWriter();
        return policies.publish(id, number("n", n), caller);
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "Line-by-line differences between two versions; French unless lang=en")
    LineDiff diff(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "fr") String lang) {
        var language =
                Language.byCode(lang).orElseThrow(() -> new InvalidInputException("lang", "governance.field.lang"));
        return reads.diff(id, number("from", from), number("to", to), language);
    }

    @GetMapping("/{id}/subscribers")
    @Operation(summary = "Who asked for the change notices of a policy (person in charge and delegates)")
    List<PolicySubscribers.Subscriber> subscribers(@PathVariable String id, Authentication auth) {
        GovernanceCaller.of(auth).requireWriter();
        return subscribers.of(id);
    }

    @PostMapping("/{id}/subscribers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record someone who asked for the change notices: email, language (fr or en)")
    PolicySubscribers.Subscriber subscribe(
            @PathVariable String id, @RequestBody PolicySubscribers.NewSubscriber body, Authentication auth) {
        return subscribers.add(id, body, GovernanceCaller.of(auth));
    }

    @DeleteMapping("/{id}/subscribers/{subscriber}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a subscriber who asked to stop the notices")
    void unsubscribe(@PathVariable String id, @PathVariable String subscriber, Authentication auth) {
        var caller = GovernanceCaller.of(auth).requireWriter();
        subscribers.remove(id, GovernanceCaller.uuid(subscriber), caller);
    }

    static int number(String field, String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,5}")) {
            throw new InvalidInputException(field, "governance.field.version");
        }
        return Integer.parseInt(value);
    }
}
