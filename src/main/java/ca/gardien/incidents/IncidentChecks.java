package ca.gardien.incidents;

import ca.gardien.inventory.InformationSystem;
import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.PiCategory;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Checks an entry's description whole (every field at once) and digests it for the ledger. */
@Component
class IncidentChecks {

    /** The earliest date an incident may have occurred or been known. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    static final int MAX_TITLE = 200;
    static final int MAX_LONG_TEXT = 4000;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final Inventory inventory;
    private final OrganizationTime time;

    IncidentChecks(Inventory inventory, OrganizationTime time) {
        this.inventory = inventory;
        this.time = time;
    }

    /** Today in the organization's time zone: no date of an incident may be later. */
    LocalDate today() {
        return time.today();
    }

    /**
     * The organization's day of a moment: awareness is compared with the incident's dates in the organization's zone,
     * whatever offset it was given in (officer's walk: an awareness earlier than the incident was accepted — given as
     * {@code 2026-11-22T02:00Z}, the evening of the 21st in Montréal, with an incident that occurred on the 22nd).
     */
    LocalDate day(java.time.OffsetDateTime at) {
        return time.day(at.toInstant());
    }

    /** What {@link #check} refuses in these details; empty when nothing. */
    List<FieldError> mistakes(IncidentDetails d) {
        try {
            check(d);
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors();
        }
    }

    void check(IncidentDetails d) {
        if (d == null) {
            throw new InvalidInputException("title", "incidents.invalid.required");
        }
        var errors = new ArrayList<FieldError>();
        if (d.title() == null || d.title().isBlank()) {
            errors.add(FieldError.of("title", "incidents.invalid.required"));
        } else if (d.title().length() > MAX_TITLE) {
            errors.add(FieldError.of("title", "incidents.invalid.too-long", MAX_TITLE));
        } else if (ca.gardien.shared.PlainText.hidesSomething(d.title(), false) || RiskAssessment.hides(d.title())) {
            errors.add(FieldError.of("title", "shared.field.control-characters")); // one line, shown as stored
        }
        longText(errors, "circumstances", d.circumstances(), true);
        longText(errors, "piDescription", d.piDescription(), false);
        RiskAssessment.text(errors, "piUnknownReason", d.piUnknownReason(), false);
        var today = today();
        if (d.awareAt() == null) {
            errors.add(FieldError.of("awareAt", "incidents.invalid.required"));
        } else if (d.awareAt().toInstant().isAfter(time.now())) {
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
        } else if (d.awareAt() != null && d.occurredOn().isAfter(day(d.awareAt()))) {
            errors.add(FieldError.of("occurredOn", "incidents.invalid.after-awareness"));
        }
        if (d.occurredUntil() != null
                && d.occurredOn() != null
                && d.occurredUntil().isBefore(d.occurredOn())) {
            errors.add(FieldError.of("occurredUntil", "incidents.invalid.period"));
        } else if (d.occurredUntil() != null && d.occurredUntil().isAfter(today)) {
            errors.add(FieldError.of("occurredUntil", "incidents.invalid.future")); // +999999999-12-31 was kept
        }
        var count = persons(errors, "personsCount", d.personsCount());
        var inQuebec = persons(errors, "personsInQuebec", d.personsInQuebec());
        if (inQuebec != null && d.personsCount() == null) { // "about 50 in Québec" of an unknown total (attacker)
            errors.add(FieldError.of("personsInQuebec", "incidents.invalid.quebec-without-count"));
        } else if (inQuebec != null && count != null && inQuebec > count) {
            errors.add(FieldError.of("personsInQuebec", "incidents.invalid.quebec-above-count", count));
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
        } else if (RiskAssessment.hides(value)) {
            errors.add(FieldError.of(field, "shared.field.control-characters"));
        }
    }

    private static void checkIds(List<FieldError> errors, String field, List<String> ids, Set<String> known) {
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

    /** More than all the people on Earth is a typing error (attacker's review: 9223372036854775807 was kept). */
    static final long MAX_PERSONS = 10_000_000_000L;

    /** A number of persons that is a number of persons, else null with its error. */
    private static Long persons(List<FieldError> errors, String field, Long value) {
        if (value == null) {
            return null;
        }
        if (value < 0) {
            errors.add(FieldError.of(field, "incidents.invalid.negative"));
            return null;
        }
        if (value > MAX_PERSONS) {
            errors.add(FieldError.of(field, "incidents.invalid.too-many-persons", MAX_PERSONS));
            return null;
        }
        return value;
    }

    /** The ledger payload of a description: kinds, dates, counts and a digest of the text, never the text. */
    static Map<String, String> payload(Incident i) {
        var payload = new LinkedHashMap<String, String>();
        payload.put("reference", i.reference());
        payload.put("kind", i.kind() == null ? "undetermined" : i.kind().name());
        payload.put("occurredFrom", i.occurredFrom().toString());
        payload.put("awareAt", i.awareAt().toString());
        payload.put("personsCount", Objects.toString(i.personsCount(), "unknown"));
        payload.put("personsInQuebec", Objects.toString(i.personsInQuebec(), "unknown"));
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

    /** The ledger payload of an assessment: the levels, the conclusion and a digest of the reasoning. */
    static Map<String, String> payload(RiskAssessment assessment) {
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
        return payload;
    }
}
