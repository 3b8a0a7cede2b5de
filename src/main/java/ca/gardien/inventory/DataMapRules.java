package ca.gardien.inventory;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The structural rules of a data-map document: ids, required texts, enumerated values, dates, durations and
 * references. Every mistake is reported with its path; legal gaps are a separate concern ({@link GapRules}).
 */
final class DataMapRules {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    static final String QUEBEC = "CA-QC";

    private final DataMap map;
    private final List<MapError> errors = new ArrayList<>();

    private DataMapRules(DataMap map) {
        this.map = map;
    }

    static List<MapError> check(DataMap map) {
        var rules = new DataMapRules(map);
        rules.ids();
        rules.contents();
        return rules.errors;
    }

    private void ids() {
        for (var section : map.sections()) {
            var seen = new HashSet<String>();
            for (int i = 0; i < section.items().size(); i++) {
                var item = section.items().get(i);
                var at = section.name() + "[" + i + "]";
                if (item == null) {
                    error(at, "must not be empty");
                } else if (item.id() == null || !ID.matcher(item.id()).matches()) {
                    error(at + ".id", "must be 1-100 lower-case letters, digits, '.', '_' or '-'");
                } else if (!seen.add(item.id())) {
                    error(at + ".id", "duplicate id '" + item.id() + "'");
                }
            }
        }
    }

    private void contents() {
        each("subjectCategories", map.subjectCategories(), (at, s) -> text(at + ".name", s.name()));
        each("piCategories", map.piCategories(), (at, c) -> text(at + ".name", c.name()));
        each("purposes", map.purposes(), this::purpose);
        each("legalBases", map.legalBases(), (at, b) -> {
            oneOf(at + ".kind", b.kind(), LegalBasis.KINDS);
            text(at + ".name", b.name());
        });
        each("retentionRules", map.retentionRules(), this::retention);
        each("systems", map.systems(), this::system);
        each("thirdParties", map.thirdParties(), this::thirdParty);
        each("accessRoles", map.accessRoles(), (at, r) -> {
            text(at + ".name", r.name());
            refs(at + ".categories", r.categories(), "category", ids(map.piCategories()));
        });
        each("processingActivities", map.processingActivities(), this::activity);
        each("transfers", map.transfers(), this::transfer);
    }

    private void purpose(String at, Purpose p) {
        text(at + ".name", p.name());
        if (p.description() != null
                && (blank(p.description().fr()) != blank(p.description().en()))) {
            error(at + ".description", "needs both 'fr' and 'en' or neither");
        }
        oneOf(at + ".kind", p.kind(), List.of(Purpose.PRIMARY, Purpose.SECONDARY));
    }

    private void retention(String at, RetentionRule r) {
        text(at + ".name", r.name());
        period(at + ".duration", r.duration(), true);
        required(at + ".trigger", r.trigger());
        period(at + ".legalMinimum", r.legalMinimum(), false);
        oneOf(at + ".disposal", r.disposal(), List.of("destroy", "anonymize"));
    }

    private void system(String at, InformationSystem s) {
        required(at + ".name", s.name());
        jurisdiction(at + ".jurisdiction", s.jurisdiction(), true);
        date(at + ".introducedOn", s.introducedOn());
    }

    private void thirdParty(String at, ThirdParty t) {
        required(at + ".name", t.name());
        oneOf(at + ".kind", t.kind(), ThirdParty.KINDS);
        jurisdiction(at + ".jurisdiction", t.jurisdiction(), true);
        if (t.commitment() != null) {
            required(at + ".commitment.reference", t.commitment().reference());
            date(at + ".commitment.signedOn", t.commitment().signedOn());
            date(at + ".commitment.expiresOn", t.commitment().expiresOn());
        }
    }

    private void activity(String at, ProcessingActivity a) {
        text(at + ".name", a.name());
        refs(at + ".subjects", a.subjects(), "subject category", ids(map.subjectCategories()));
        refs(at + ".categories", a.categories(), "category", ids(map.piCategories()));
        refs(at + ".purposes", a.purposes(), "purpose", ids(map.purposes()));
        ref(at + ".legalBasis", a.legalBasis(), "legal basis", ids(map.legalBases()), true);
        oneOf(at + ".source", a.source(), ProcessingActivity.SOURCES);
        refs(at + ".systems", a.systems(), "system", ids(map.systems()));
        refs(at + ".recipients", a.recipients(), "third party", ids(map.thirdParties()));
        ref(at + ".retention", a.retention(), "retention rule", ids(map.retentionRules()), false);
        refs(at + ".accessRoles", a.accessRoles(), "access role", ids(map.accessRoles()));
    }

    private void transfer(String at, Transfer t) {
        jurisdiction(at + ".destination", t.destination(), true);
        if (QUEBEC.equals(t.destination())) {
            error(at + ".destination", "must be outside Québec");
        }
        ref(at + ".recipient", t.recipient(), "third party", ids(map.thirdParties()), true);
        refs(at + ".categories", t.categories(), "category", ids(map.piCategories()));
    }

    private <T extends DataMap.Item> void each(String name, List<T> items, Check<T> check) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                check.apply(name + "[" + i + "]", items.get(i));
            }
        }
    }

    private interface Check<T> {
        void apply(String at, T item);
    }

    private static Set<String> ids(List<? extends DataMap.Item> items) {
        return items.stream()
                .filter(i -> i != null && i.id() != null)
                .map(DataMap.Item::id)
                .collect(Collectors.toSet());
    }

    private void refs(String at, List<String> values, String what, Set<String> known) {
        for (int i = 0; i < values.size(); i++) {
            ref(at + "[" + i + "]", values.get(i), what, known, true);
        }
    }

    private void ref(String at, String value, String what, Set<String> known, boolean mandatory) {
        if (value == null) {
            if (mandatory) error(at, "is required");
        } else if (!known.contains(value)) {
            error(at, "unknown " + what + " '" + value + "'");
        }
    }

    private void text(String at, Text text) {
        if (text == null || !text.complete()) {
            error(at, "needs both 'fr' and 'en'");
        }
    }

    private void required(String at, String value) {
        if (blank(value)) error(at, "is required");
    }

    private void oneOf(String at, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            error(at, "must be one of " + String.join(", ", allowed));
        }
    }

    private void jurisdiction(String at, String value, boolean mandatory) {
        if (value == null ? mandatory : !JURISDICTION.matcher(value).matches()) {
            error(at, "must be an ISO 3166 code such as CA-QC, CA-ON or US");
        }
    }

    private void date(String at, String value) {
        if (value == null) return;
        try {
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(at, "must be a date such as 2024-01-31");
        }
    }

    private void period(String at, String value, boolean mandatory) {
        if (value == null) {
            if (mandatory) error(at, "is required");
            return;
        }
        try {
            Period.parse(value);
        } catch (DateTimeParseException e) {
            error(at, "must be an ISO-8601 duration such as P7Y or P6M");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private void error(String path, String message) {
        errors.add(new MapError(path, message));
    }
}
