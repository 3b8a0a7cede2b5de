package ca.gardien.incidents;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.InformationSystem;
import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.PiCategory;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of confidentiality incidents. Every change is checked whole before anything is written, happens in one
 * transaction and is a ledger fact.
 */
@Service
public class Incidents {

    /** The earliest date an incident may have occurred or been known. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    static final int MAX_TITLE = 200;
    static final int MAX_LONG_TEXT = 4000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final ZoneId QUEBEC = ZoneId.of("America/Toronto");

    private final IncidentStore store;
    private final IncidentFacts facts;
    private final Inventory inventory;
    private final IncidentsProperties properties;
    private final NoticeDocuments documents;
    private final Clock clock;

    Incidents(
            IncidentStore store,
            IncidentFacts facts,
            Inventory inventory,
            IncidentsProperties properties,
            NoticeDocuments documents,
            Clock clock) {
        this.documents = documents;
        this.store = store;
        this.facts = facts;
        this.inventory = inventory;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Incident get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("incidents.object.incident", id));
    }

    @Transactional(readOnly = true)
    public List<Incident> all() {
        return store.all();
    }

    public Promptness promptness(Incident incident) {
        return Promptness.of(incident, clock.instant(), properties);
    }

    @Transactional
    public Incident record(IncidentDetails details, Actor actor) {
        check(details);
        var now = clock.instant();
        var incident = new Incident(
                UUID.randomUUID(),
                details.title().strip(),
                details.kind(),
                IncidentStatus.OPEN,
                RiskAssessment.blankToNull(details.piDescription()),
                RiskAssessment.blankToNull(details.piUnknownReason()),
                details.circumstances().strip(),
                details.occurredOn(),
                details.occurredUntil(),
                Boolean.TRUE.equals(details.occurredApproximate()),
                details.awareAt(),
                details.personsCount(),
                Boolean.TRUE.equals(details.personsApproximate()),
                distinct(details.systems()),
                distinct(details.categories()),
                null,
                null,
                null,
                false,
                null,
                null,
                List.of(),
                details.awareAt().toLocalDate().plus(properties.retention()),
                now,
                actor.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + actor.id(),
                null,
                0);
        store.insert(incident);
        facts.record("recorded", incident.id(), actor, describe(incident));
        return incident;
    }

    @Transactional
    public Incident describe(UUID id, IncidentDetails details, Actor actor) {
        var current = open(id);
        check(details);
        var changed = new Incident(
                current.id(),
                details.title().strip(),
                details.kind(),
                current.status(),
                RiskAssessment.blankToNull(details.piDescription()),
                RiskAssessment.blankToNull(details.piUnknownReason()),
                details.circumstances().strip(),
                details.occurredOn(),
                details.occurredUntil(),
                Boolean.TRUE.equals(details.occurredApproximate()),
                details.awareAt(),
                details.personsCount(),
                Boolean.TRUE.equals(details.personsApproximate()),
                distinct(details.systems()),
                distinct(details.categories()),
                current.assessment(),
                current.caiNoticeOn(),
                current.personsNoticeOn(),
                current.publicNotice(),
                current.publicNoticeReason(),
                current.noNoticeReason(),
                current.measures(),
                laterOf(current.retainUntil(), details.awareAt().toLocalDate().plus(properties.retention())),
                current.createdAt(),
                current.createdBy(),
                null,
                current.version());
        store.update(changed);
        facts.record("described", id, actor, describe(changed));
        return get(id);
    }

    @Transactional
    public Incident assess(UUID id, RiskAssessment.Answers answers, Actor actor) {
        var current = open(id);
        var assessment = RiskAssessment.conclude(answers, today(), clock.instant());
        var changed = new Incident(
                current.id(),
                current.title(),
                current.kind(),
                IncidentStatus.ASSESSED,
                current.piDescription(),
                current.piUnknownReason(),
                current.circumstances(),
                current.occurredFrom(),
                current.occurredTo(),
                current.occurredApproximate(),
                current.awareAt(),
                current.personsCount(),
                current.personsApproximate(),
                current.systems(),
                current.categories(),
                assessment,
                current.caiNoticeOn(),
                current.personsNoticeOn(),
                current.publicNotice(),
                current.publicNoticeReason(),
                current.noNoticeReason(),
                current.measures(),
                current.retainUntil(),
                current.createdAt(),
                current.createdBy(),
                null,
                current.version());
        store.update(changed);
        var payload = new LinkedHashMap<String, String>();
        payload.put("sensitivity", assessment.sensitivity().name());
        payload.put("consequences", assessment.consequences().name());
        payload.put("likelihood", assessment.likelihood().name());
        payload.put("consultedOn", assessment.consultedOn().toString());
        payload.put("suggestedSerious", String.valueOf(assessment.suggestedSerious()));
        payload.put("serious", String.valueOf(assessment.serious()));
        payload.put("overridden", String.valueOf(assessment.overridden()));
        payload.put(
                "reasoningSha256",
                Digests.sha256Hex(String.join(
                        "\n",
                        assessment.sensitivityReason(),
                        assessment.consequencesReason(),
                        assessment.likelihoodReason(),
                        Objects.toString(assessment.illIntentionedUses(), ""),
                        assessment.consultationNote(),
                        Objects.toString(assessment.overrideReason(), ""))));
        facts.record("assessed", id, actor, payload);
        return get(id);
    }

    @Transactional
    public Incident notices(UUID id, NoticeDates dates, Actor actor) {
        var current = open(id);
        var errors = new ArrayList<FieldError>();
        var today = today();
        var aware = current.awareAt().toLocalDate();
        for (var entry : Map.of(
                        "caiNoticeOn",
                        dates.caiNoticeOn() == null ? LocalDate.MIN : dates.caiNoticeOn(),
                        "personsNoticeOn",
                        dates.personsNoticeOn() == null ? LocalDate.MIN : dates.personsNoticeOn())
                .entrySet()) {
            var date = entry.getValue();
            if (date.equals(LocalDate.MIN)) {
                continue;
            }
            if (date.isAfter(today)) {
                errors.add(FieldError.of(entry.getKey(), "incidents.invalid.future"));
            } else if (date.isBefore(aware)) {
                errors.add(FieldError.of(entry.getKey(), "incidents.invalid.before-awareness"));
            }
        }
        boolean publicNotice = Boolean.TRUE.equals(dates.publicNotice());
        RiskAssessment.text(errors, "publicNoticeReason", dates.publicNoticeReason(), publicNotice);
        RiskAssessment.text(errors, "noNoticeReason", dates.noNoticeReason(), false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var changed = new Incident(
                current.id(),
                current.title(),
                current.kind(),
                current.status(),
                current.piDescription(),
                current.piUnknownReason(),
                current.circumstances(),
                current.occurredFrom(),
                current.occurredTo(),
                current.occurredApproximate(),
                current.awareAt(),
                current.personsCount(),
                current.personsApproximate(),
                current.systems(),
                current.categories(),
                current.assessment(),
                dates.caiNoticeOn(),
                dates.personsNoticeOn(),
                publicNotice,
                publicNotice ? dates.publicNoticeReason().strip() : null,
                RiskAssessment.blankToNull(dates.noNoticeReason()),
                current.measures(),
                current.retainUntil(),
                current.createdAt(),
                current.createdBy(),
                null,
                current.version());
        store.update(changed);
        var payload = new LinkedHashMap<String, String>();
        payload.put("caiNoticeOn", Objects.toString(dates.caiNoticeOn(), "none"));
        payload.put("personsNoticeOn", Objects.toString(dates.personsNoticeOn(), "none"));
        payload.put("publicNotice", String.valueOf(publicNotice));
        payload.put("noNoticeReason", String.valueOf(changed.noNoticeReason() != null));
        var advice = store.personAdvice(id).orElse(null);
        if (dates.caiNoticeOn() != null) {
            payload.put(
                    "caiNoticeFrSha256",
                    documentDigest(NoticeDocuments.Kind.COMMISSION, changed, advice, Locale.CANADA_FRENCH));
            payload.put(
                    "caiNoticeEnSha256",
                    documentDigest(NoticeDocuments.Kind.COMMISSION, changed, advice, Locale.CANADA));
        }
        if (dates.personsNoticeOn() != null) {
            payload.put(
                    "personsNoticeFrSha256",
                    documentDigest(NoticeDocuments.Kind.PERSONS, changed, advice, Locale.CANADA_FRENCH));
            payload.put(
                    "personsNoticeEnSha256",
                    documentDigest(NoticeDocuments.Kind.PERSONS, changed, advice, Locale.CANADA));
        }
        facts.record("notices-dated", id, actor, payload);
        return get(id);
    }

    @Transactional
    public Incident addMeasure(UUID id, NewMeasure measure, Actor actor) {
        var current = open(id);
        var errors = new ArrayList<FieldError>();
        if (measure.kind() == null) {
            errors.add(FieldError.of("kind", "incidents.invalid.required"));
        }
        RiskAssessment.text(errors, "description", measure.description(), true);
        RiskAssessment.text(errors, "owner", measure.owner(), true);
        if (measure.owner() != null && measure.owner().length() > MAX_TITLE) {
            errors.add(FieldError.of("owner", "incidents.invalid.too-long", MAX_TITLE));
        }
        if (measure.doneOn() != null && measure.doneOn().isAfter(today())) {
            errors.add(FieldError.of("doneOn", "incidents.invalid.future"));
        }
        if (measure.dueOn() == null && measure.doneOn() == null) {
            errors.add(FieldError.of("dueOn", "incidents.invalid.measure-date"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var added = new Measure(
                UUID.randomUUID(),
                measure.kind(),
                measure.description().strip(),
                measure.owner().strip(),
                measure.dueOn(),
                measure.doneOn());
        store.update(current);
        store.addMeasure(id, added);
        facts.record(
                "measure-added",
                id,
                actor,
                Map.of(
                        "measureId", added.id().toString(),
                        "kind", added.kind().name(),
                        "dueOn", Objects.toString(added.dueOn(), "none"),
                        "doneOn", Objects.toString(added.doneOn(), "none"),
                        "descriptionSha256", Digests.sha256Hex(added.description())));
        return get(id);
    }

    @Transactional
    public Incident measureDone(UUID id, UUID measureId, LocalDate doneOn, Actor actor) {
        var current = open(id);
        if (doneOn == null) {
            throw new InvalidInputException("doneOn", "incidents.invalid.required");
        }
        if (doneOn.isAfter(today())) {
            throw new InvalidInputException("doneOn", "incidents.invalid.future");
        }
        store.update(current);
        if (!store.markDone(id, measureId, doneOn)) {
            throw new NotFoundException("incidents.object.measure", measureId);
        }
        facts.record("measure-done", id, actor, Map.of("measureId", measureId.toString(), "doneOn", doneOn.toString()));
        return get(id);
    }

    /**
     * Closes the entry once the register holds what s. 7 asks: the information concerned (or why it cannot be
     * described), the number of persons, the kind, the assessment, at least one measure, and, when there is a risk of
     * serious injury, the notice dates or a recorded reason for their absence.
     */
    @Transactional
    public Incident close(UUID id, Actor actor) {
        var current = open(id);
        var missing = missingForClosing(current);
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        var closed = new Incident(
                current.id(),
                current.title(),
                current.kind(),
                IncidentStatus.CLOSED,
                current.piDescription(),
                current.piUnknownReason(),
                current.circumstances(),
                current.occurredFrom(),
                current.occurredTo(),
                current.occurredApproximate(),
                current.awareAt(),
                current.personsCount(),
                current.personsApproximate(),
                current.systems(),
                current.categories(),
                current.assessment(),
                current.caiNoticeOn(),
                current.personsNoticeOn(),
                current.publicNotice(),
                current.publicNoticeReason(),
                current.noNoticeReason(),
                current.measures(),
                current.retainUntil(),
                current.createdAt(),
                current.createdBy(),
                clock.instant(),
                current.version());
        store.update(closed);
        facts.record("closed", id, actor, Map.of("serious", String.valueOf(closed.serious())));
        return get(id);
    }

    /** What closing still needs, as field errors (empty when the entry may be closed). */
    public static List<FieldError> missingForClosing(Incident incident) {
        var errors = new ArrayList<FieldError>();
        if (incident.kind() == null) {
            errors.add(FieldError.of("kind", "incidents.close.kind"));
        }
        if (incident.piDescription() == null && incident.piUnknownReason() == null) {
            errors.add(FieldError.of("piDescription", "incidents.close.pi-description"));
        }
        if (incident.personsCount() == null) {
            errors.add(FieldError.of("personsCount", "incidents.close.persons-count"));
        }
        if (incident.assessment() == null) {
            errors.add(FieldError.of("assessment", "incidents.close.assessment"));
        }
        if (incident.measures().isEmpty()) {
            errors.add(FieldError.of("measures", "incidents.close.measures"));
        }
        if (incident.noNoticeReason() == null) {
            for (var notice : incident.unsentNotices()) {
                errors.add(
                        switch (notice) {
                            case COMMISSION -> FieldError.of("caiNoticeOn", "incidents.close.cai-notice");
                            case PERSONS -> FieldError.of("personsNoticeOn", "incidents.close.persons-notice");
                        });
            }
        }
        return errors;
    }

    /** Records the measures suggested to the persons (item 5 of their notice). */
    @Transactional
    public Incident advise(UUID id, String advice, Actor actor) {
        var current = open(id);
        var errors = new ArrayList<FieldError>();
        RiskAssessment.text(errors, "advice", advice, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        store.setPersonAdvice(id, current.version(), advice.strip());
        facts.record("advice-recorded", id, actor, Map.of("adviceSha256", Digests.sha256Hex(advice.strip())));
        return get(id);
    }

    @Transactional(readOnly = true)
    public String personAdvice(UUID id) {
        return store.personAdvice(id).orElse(null);
    }

    /** The notice as printable XHTML in the given language. */
    @Transactional(readOnly = true)
    public String noticeHtml(UUID id, String which, Locale locale) {
        return documents.html(kind(which), get(id), personAdvice(id), locale);
    }

    /** The notice as PDF in the given language. */
    @Transactional(readOnly = true)
    public byte[] noticePdf(UUID id, String which, Locale locale) {
        return documents.pdf(kind(which), get(id), personAdvice(id), locale);
    }

    private static NoticeDocuments.Kind kind(String which) {
        return switch (which) {
            case "commission" -> NoticeDocuments.Kind.COMMISSION;
            case "persons" -> NoticeDocuments.Kind.PERSONS;
            default -> throw new NotFoundException("incidents.object.notice", which);
        };
    }

    private String documentDigest(NoticeDocuments.Kind kind, Incident incident, String advice, Locale locale) {
        return Digests.sha256Hex(documents.html(kind, incident, advice, locale));
    }

    /** Deletes an entry whose keeping period is over; earlier it is refused (at least 5 years after awareness). */
    @Transactional
    public void delete(UUID id, Actor actor) {
        var current = get(id);
        if (today().isBefore(current.retainUntil())) {
            throw new ConflictException(
                    "incidents.conflict.retained", current.retainUntil().toString());
        }
        store.delete(id);
        facts.record(
                "deleted",
                id,
                actor,
                Map.of("retainUntil", current.retainUntil().toString()));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), QUEBEC);
    }

    private Incident open(UUID id) {
        var incident = get(id);
        if (incident.status() == IncidentStatus.CLOSED) {
            throw new ConflictException("incidents.conflict.closed");
        }
        return incident;
    }

    private void check(IncidentDetails d) {
        if (d == null) {
            throw new InvalidInputException("title", "incidents.invalid.required");
        }
        var errors = new ArrayList<FieldError>();
        if (d.title() == null || d.title().isBlank()) {
            errors.add(FieldError.of("title", "incidents.invalid.required"));
        } else if (d.title().length() > MAX_TITLE) {
            errors.add(FieldError.of("title", "incidents.invalid.too-long", MAX_TITLE));
        }
        longText(errors, "circumstances", d.circumstances(), true);
        longText(errors, "piDescription", d.piDescription(), false);
        RiskAssessment.text(errors, "piUnknownReason", d.piUnknownReason(), false);
        var today = today();
        if (d.awareAt() == null) {
            errors.add(FieldError.of("awareAt", "incidents.invalid.required"));
        } else if (d.awareAt().toInstant().isAfter(clock.instant())) {
            errors.add(FieldError.of("awareAt", "incidents.invalid.future"));
        } else if (d.awareAt().toLocalDate().isBefore(EARLIEST)) {
            // a date from before any register would make the entry deletable at once (kept 5 years from awareness)
            errors.add(FieldError.of("awareAt", "shared.field.date-range", EARLIEST, today));
        }
        if (d.occurredOn() == null) {
            errors.add(FieldError.of("occurredOn", "incidents.invalid.required"));
        } else if (d.occurredOn().isBefore(EARLIEST)) {
            errors.add(FieldError.of("occurredOn", "shared.field.date-range", EARLIEST, today));
        } else if (d.occurredOn().isAfter(today)) {
            errors.add(FieldError.of("occurredOn", "incidents.invalid.future"));
        } else if (d.awareAt() != null && d.occurredOn().isAfter(d.awareAt().toLocalDate())) {
            errors.add(FieldError.of("occurredOn", "incidents.invalid.after-awareness"));
        }
        if (d.occurredUntil() != null
                && d.occurredOn() != null
                && d.occurredUntil().isBefore(d.occurredOn())) {
            errors.add(FieldError.of("occurredUntil", "incidents.invalid.period"));
        }
        if (d.personsCount() != null && d.personsCount() < 0) {
            errors.add(FieldError.of("personsCount", "incidents.invalid.negative"));
        }
        var map = inventory.current();
        checkIds(
                errors,
                "systems",
                d.systems(),
                map.systems().stream().map(InformationSystem::id).collect(Collectors.toSet()));
        checkIds(
                errors,
                "categories",
                d.categories(),
                map.piCategories().stream().map(PiCategory::id).collect(Collectors.toSet()));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void longText(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "incidents.invalid.required"));
            }
        } else if (value.length() > MAX_LONG_TEXT) {
            errors.add(FieldError.of(field, "incidents.invalid.too-long", MAX_LONG_TEXT));
        }
    }

    private static void checkIds(List<FieldError> errors, String field, List<String> ids, java.util.Set<String> known) {
        if (ids == null) {
            return;
        }
        if (ids.size() > 50) {
            errors.add(FieldError.of(field, "incidents.invalid.too-many", 50));
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            var id = ids.get(i);
            if (id == null || !ID.matcher(id).matches() || !known.contains(id)) {
                errors.add(FieldError.of(field + "[" + i + "]", "incidents.invalid.unknown-" + field));
            }
        }
    }

    private static List<String> distinct(List<String> ids) {
        return ids == null ? List.of() : ids.stream().distinct().sorted().toList();
    }

    private static LocalDate laterOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static Map<String, String> describe(Incident i) {
        var payload = new LinkedHashMap<String, String>();
        payload.put("kind", i.kind() == null ? "undetermined" : i.kind().name());
        payload.put("occurredFrom", i.occurredFrom().toString());
        payload.put("awareAt", i.awareAt().toString());
        payload.put("personsCount", Objects.toString(i.personsCount(), "unknown"));
        payload.put("systems", String.valueOf(i.systems().size()));
        payload.put("categories", String.valueOf(i.categories().size()));
        payload.put("retainUntil", i.retainUntil().toString());
        payload.put(
                "textSha256",
                Digests.sha256Hex(String.join(
                        "\n",
                        i.title(),
                        i.circumstances(),
                        Objects.toString(i.piDescription(), ""),
                        Objects.toString(i.piUnknownReason(), ""))));
        return payload;
    }

    /** The data map's view of the chosen systems and categories, for the guided assessment and the estimate. */
    public Estimate estimate(List<String> systems, List<String> categories) {
        return Estimate.from(inventory.current(), systems, categories);
    }

    /** What the data map says of the chosen systems and categories: their sensitivity and the activities involved. */
    public record Estimate(boolean sensitive, List<String> sensitiveCategories, List<String> activities) {
        static Estimate from(DataMap map, List<String> systems, List<String> categories) {
            var chosen = categories == null ? List.<String>of() : categories;
            var chosenSystems = systems == null ? List.<String>of() : systems;
            var sensitive = map.piCategories().stream()
                    .filter(c -> chosen.contains(c.id()) && c.sensitive())
                    .map(PiCategory::id)
                    .sorted()
                    .toList();
            var activities = map.processingActivities().stream()
                    .filter(a -> a.systems().stream().anyMatch(chosenSystems::contains)
                            || a.categories().stream().anyMatch(chosen::contains))
                    .map(a -> a.id())
                    .sorted()
                    .toList();
            return new Estimate(!sensitive.isEmpty(), sensitive, activities);
        }
    }
}
