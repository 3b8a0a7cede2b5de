package ca.gardien.consent;

import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.ProblemTypes;
import ca.gardien.shared.SubjectIdentifier;
import ca.gardien.shared.WebProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Consent", description = "Consent records and decisions")
class ConsentController {

    static final int MAX_BATCH = 10_000;
    /** A consent that breaks a legal rule (422); the {@code rule} property names it. */
    static final URI CONSENT_RULE = ProblemTypes.of("consent-rule");

    private final ConsentLedger ledger;
    private final ConsentDecisions decisions;
    private final ConsentProperties properties;
    private final Subjects subjects;
    private final UnsubscribeLinks links;
    private final MessageSource messages;
    private final WebProperties web;

    ConsentController(
            ConsentLedger ledger,
            ConsentDecisions decisions,
            ConsentProperties properties,
            Subjects subjects,
            UnsubscribeLinks links,
            MessageSource messages,
            WebProperties web) {
        this.messages = messages;
        this.web = web;
        this.ledger = ledger;
        this.decisions = decisions;
        this.properties = properties;
        this.subjects = subjects;
        this.links = links;
    }

    /** The headers a mailing carries for RFC 8058 one-click unsubscribe. */
    record Unsubscribe(String url, String listUnsubscribe, String listUnsubscribePost) {}

    @GetMapping("/consent/unsubscribe-link")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER', 'DELEGATE', 'STAFF')") // a link lets its holder withdraw a consent
    @Operation(summary = "The signed one-click unsubscribe URL and headers (RFC 8058) for a subject and purpose")
    Unsubscribe unsubscribeLink(@RequestParam String subject, @RequestParam String purpose) {
        var identifier = parse(subject);
        if (!purpose.matches("[a-z0-9._-]{1,100}")) {
            throw new InvalidInputException("purpose", "consent.field.purpose-id");
        }
        var id = subjects.find(identifier)
                .orElseThrow(() -> new NotFoundException("consent.object.subject-with-identifier"));
        var url = web.link(UnsubscribeLinks.PATH + links.token(id, purpose)); // never the request's Host
        return new Unsubscribe(url, "<" + url + ">", "List-Unsubscribe=One-Click");
    }

    private SubjectIdentifier parse(String subject) {
        var identifier = SubjectIdentifier.parse(subject, properties.phoneRegion());
        if (identifier == null) {
            throw new InvalidInputException("subject", "consent.field.subject-syntax");
        }
        return identifier;
    }

    @PostMapping("/consents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a consent, a refusal or a withdrawal for one subject and one purpose")
    ConsentRecord record(@RequestBody ConsentRequest request, Authentication auth) {
        return ledger.record(request, CurrentActor.of(auth));
    }

    @GetMapping("/consent/decision")
    @Operation(summary = "May this subject's information be used for this purpose now? subject=kind:value")
    Decision decision(@RequestParam String subject, @RequestParam String purpose) {
        var identifier = SubjectIdentifier.parse(subject, properties.phoneRegion());
        if (identifier == null) {
            throw new InvalidInputException("subject", "consent.field.subject-syntax");
        }
        return decisions.decide(identifier, purpose);
    }

    record Item(String subject, String purpose) {}

    record Batch(List<Item> items) {}

    record Results(List<Decision> results) {}

    @PostMapping("/consent/decisions")
    @Operation(summary = "Up to 10,000 decisions at once, answered in the order asked")
    Results decisions(@RequestBody Batch batch) {
        if (batch.items() == null || batch.items().isEmpty() || batch.items().size() > MAX_BATCH) {
            throw new InvalidInputException("items", "consent.field.batch-size", MAX_BATCH);
        }
        var identifiers = new ArrayList<SubjectIdentifier>(batch.items().size());
        var errors = new ArrayList<FieldError>();
        for (int i = 0; i < batch.items().size(); i++) {
            var item = batch.items().get(i);
            var identifier = item == null ? null : SubjectIdentifier.parse(item.subject(), properties.phoneRegion());
            if (identifier == null) {
                errors.add(FieldError.of("items[" + i + "].subject", "consent.field.identifier-invalid"));
            } else if (item.purpose() == null || item.purpose().isBlank()) {
                errors.add(FieldError.of("items[" + i + "].purpose", "shared.field.required"));
            }
            identifiers.add(identifier);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.subList(0, Math.min(errors.size(), 100)));
        }
        var results = new ArrayList<Decision>(identifiers.size());
        for (int i = 0; i < identifiers.size(); i++) {
            results.add(
                    decisions.decide(identifiers.get(i), batch.items().get(i).purpose()));
        }
        return new Results(results);
    }

    @ExceptionHandler(ConsentRuleViolation.class)
    ProblemDetail ruleViolation(ConsentRuleViolation e) {
        var locale = ApiLanguage.current();
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage(e.rule().explanation(), null, locale));
        problem.setType(CONSENT_RULE);
        problem.setTitle(messages.getMessage("consent.problem.rule.title", null, locale));
        problem.setProperty("rule", e.rule().id);
        problem.setProperty("reference", e.rule().reference);
        return problem;
    }
}
