package ca.gardien.assessments;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.Inventory;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Privacy impact assessments: started by hand or by the data map, read by role, assigned. Every change is checked whole
 * before anything is written, happens in one transaction and is a ledger fact. The work on answers, risks and measures
 * is in {@link AssessmentWork}, the consultation, review and decision in {@link AssessmentWorkflow}.
 */
@Service
public class Assessments {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;

    private final AssessmentStore store;
    private final AssessmentFacts facts;
    private final Templates templates;
    private final Inventory inventory;
    private final AccountViews accounts;
    private final MessageSource messages;
    private final Clock clock;

    Assessments(
            AssessmentStore store,
            AssessmentFacts facts,
            Templates templates,
            Inventory inventory,
            AccountViews accounts,
            MessageSource messages,
            Clock clock) {
        this.store = store;
        this.facts = facts;
        this.templates = templates;
        this.inventory = inventory;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock;
    }

    /** What a caller may see, newest first: every current version, or those of one status. */
    @Transactional(readOnly = true)
    List<Assessment> list(AssessmentStatus status, AssessmentCaller caller) {
        return store.all().stream()
                .filter(a -> !a.superseded() || status != null)
                .filter(a -> status == null || a.status() == status)
                .filter(caller::mayRead)
                .toList();
    }

    /** Every current version, for counts (the dashboard tile). */
    @Transactional(readOnly = true)
    List<Assessment> current() {
        return store.all().stream().filter(a -> !a.superseded()).toList();
    }

    /**
     * @throws AccessDeniedException when the caller may not read it, whether it exists or not
     */
    @Transactional(readOnly = true)
    Assessment get(UUID id, AssessmentCaller caller) {
        var found = store.find(id);
        if (found.isEmpty() || !caller.mayRead(found.get())) {
            if (!caller.decides() && !caller.roles().contains(Role.AUDITOR)) {
                throw new AccessDeniedException("assessments");
            }
            throw new ca.gardien.shared.NotFoundException("assessments.object.assessment", id);
        }
        return found.get();
    }

    /** An assessment the caller may work on and that is not frozen. */
    Assessment workable(UUID id, AssessmentCaller caller) {
        var a = get(id, caller);
        if (!caller.mayWork(a)) {
            throw new AccessDeniedException("assessments");
        }
        if (a.status().frozen() || a.superseded()) {
            throw new ConflictException("assessments.conflict.frozen");
        }
        return a;
    }

    /** Starts an assessment by hand: a project not yet in the data map, or an item of it. */
    @Transactional
    Assessment start(String title, String templateId, String item, AssessmentCaller caller) {
        if (!caller.decides()) {
            throw new AccessDeniedException("assessments");
        }
        var errors = new ArrayList<FieldError>();
        title = title == null ? "" : title.strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            errors.add(FieldError.of("title", "assessments.field.title", MAX_TITLE));
        } else if (ca.gardien.shared.PlainText.hidesSomething(title, false) || AnswerChecks.controlCharacters(title)) {
            // one line, shown as stored: the list, the page's title, the report (attacker's review: NUL and U+202E)
            errors.add(FieldError.of("title", "shared.field.control-characters"));
        }
        if (templateId == null || !templates.has(templateId)) {
            errors.add(FieldError.of(
                    "templateId",
                    "assessments.field.template",
                    templates.all().stream().map(Template::id).collect(Collectors.joining(", "))));
        }
        var map = inventory.current();
        if (item != null && !item.isBlank() && !inMap(map, item)) {
            errors.add(FieldError.of("item", "assessments.field.item"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var blankItem = item == null || item.isBlank();
        if (!blankItem && store.latest(item).isPresent()) {
            throw new ConflictException("assessments.conflict.item-assessed");
        }
        return create(
                title, templates.get(templateId), blankItem ? null : item, null, 1, map, caller.actor(), Map.of());
    }

    Assessment create(
            String title,
            Template template,
            String item,
            String gapRule,
            int version,
            DataMap map,
            Actor actor,
            Map<String, Assessment.Answer> kept) {
        // what the map answers is read from the map; the other answers a person gave stay
        var answers = new HashMap<String, Assessment.Answer>(kept);
        Prefill.answers(template, map, item, messages)
                .forEach((q, v) -> answers.put(q, Assessment.Answer.prefilled(v)));
        var a = AssessmentCopy.fresh(
                UUID.randomUUID(), title, template, item, gapRule, version, clock.instant(), by(actor), answers);
        store.insert(a);
        var payload = new HashMap<String, String>();
        payload.put("template", template.id() + "@" + template.version());
        payload.put("version", String.valueOf(version));
        payload.put(
                "prefilled",
                String.valueOf(answers.values().stream()
                        .filter(Assessment.Answer::prefilled)
                        .count()));
        if (item != null) {
            payload.put("item", item);
        }
        facts.record(version == 1 ? "started" : "reopened", a.id(), actor, payload);
        return a;
    }

    /**
     * The answers of a pending assessment read again from the map after its item changed: what the map answers is
     * replaced (and marked pre-filled again), the other answers a person gave stay.
     */
    void refresh(Assessment a, DataMap map, Actor actor) {
        var copy = new AssessmentCopy(a);
        copy.answers.values().removeIf(Assessment.Answer::prefilled);
        Prefill.answers(templates.get(a.templateId()), map, a.item(), messages)
                .forEach((q, v) -> copy.answers.put(q, Assessment.Answer.prefilled(v)));
        store.update(copy.redraft().build());
        facts.record("refreshed", a.id(), actor, Map.of("item", a.item()));
    }

    /** Assigns the review to an active staff account (or a delegate, or the person in charge). */
    @Transactional
    Assessment assign(UUID id, UUID accountId, AssessmentCaller caller) {
        if (!caller.decides()) {
            throw new AccessDeniedException("assessments");
        }
        if (accountId == null || assignable().stream().noneMatch(r -> r.id().equals(accountId))) {
            throw new InvalidInputException("accountId", "assessments.field.assignee");
        }
        var copy = new AssessmentCopy(workable(id, caller));
        copy.assignedTo = accountId;
        var a = copy.build();
        store.update(a);
        facts.record("assigned", id, caller.actor(), Map.of("accountId", accountId.toString()));
        return a;
    }

    /** The accounts a review may be assigned to: active staff, delegates and the person in charge. */
    List<ca.gardien.organization.AccountRow> assignable() {
        return accounts.active(Role.STAFF, Role.DELEGATE, Role.PRIVACY_OFFICER);
    }

    static String by(Actor actor) {
        return actor.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + actor.id();
    }

    private static boolean inMap(DataMap map, String item) {
        var slash = item.indexOf('/');
        return slash > 0
                && map.sections().stream()
                        .filter(s -> s.name().equals(item.substring(0, slash)))
                        .flatMap(s -> s.items().stream())
                        .anyMatch(i -> i.id().equals(item.substring(slash + 1)));
    }
}
