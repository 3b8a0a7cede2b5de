package ca.gardien.inventory;

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
    static final String QUEBEC = "CA-QC";

    private final DataMap map;
    private final FieldChecks fields = new FieldChecks();

    private DataMapRules(DataMap map) {
        this.map = map;
    }

    static List<MapError> check(DataMap map) {
        var rules = new DataMapRules(map);
        rules.ids();
        rules.contents();
        return rules.fields.errors();
    }

    private void ids() {
        for (var section : map.sections()) {
            var seen = new HashSet<String>();
            for (int i = 0; i < section.items().size(); i++) {
                var item = section.items().get(i);
                var at = section.name() + "[" + i + "]";
                if (item == null) {
                    fields.error(at, "inventory.map.empty");
                } else if (item.id() == null || !ID.matcher(item.id()).matches()) {
                    fields.error(at + ".id", "inventory.map.id");
                } else if (!seen.add(item.id())) {
                    fields.error(at + ".id", "inventory.map.duplicate-id", item.id());
                }
            }
        }
    }

    private void contents() {
        each("subjectCategories", map.subjectCategories(), (at, s) -> {
            fields.text(at + ".name", s.name());
            if (s.approximateCount() != null && s.approximateCount() < 0) {
                fields.error(at + ".approximateCount", "inventory.map.negative");
            }
        });
        each("piCategories", map.piCategories(), (at, c) -> fields.text(at + ".name", c.name()));
        each("purposes", map.purposes(), this::purpose);
        each("legalBases", map.legalBases(), (at, b) -> {
            fields.oneOf(at + ".kind", b.kind(), LegalBasis.KINDS);
            fields.text(at + ".name", b.name());
        });
        each("retentionRules", map.retentionRules(), this::retention);
        each("systems", map.systems(), this::system);
        each("thirdParties", map.thirdParties(), this::thirdParty);
        each("accessRoles", map.accessRoles(), (at, r) -> {
            fields.text(at + ".name", r.name());
            fields.refs(at + ".categories", r.categories(), "category", ids(map.piCategories()));
        });
        each("processingActivities", map.processingActivities(), this::activity);
        each("transfers", map.transfers(), this::transfer);
        each(
                "datasets",
                map.datasets(),
                (at, d) -> new DatasetRules(fields, ids(map.piCategories()), ids(map.retentionRules())).check(at, d));
    }

    private void purpose(String at, Purpose p) {
        fields.text(at + ".name", p.name());
        if (p.description() != null
                && (FieldChecks.blank(p.description().fr())
                        != FieldChecks.blank(p.description().en()))) {
            fields.error(at + ".description", "inventory.map.text-both-or-neither");
        }
        fields.oneOf(at + ".kind", p.kind(), List.of(Purpose.PRIMARY, Purpose.SECONDARY));
        if (p.cookieCategory() != null) {
            fields.oneOf(at + ".cookieCategory", p.cookieCategory(), Purpose.COOKIE_CATEGORIES);
        }
        if (p.iabPurposes() != null
                && p.iabPurposes().stream().anyMatch(n -> n == null || n < 1 || n > Purpose.MAX_IAB_PURPOSE)) {
            fields.error(at + ".iabPurposes", "inventory.map.iab-purposes", Purpose.MAX_IAB_PURPOSE);
        }
    }

    private void retention(String at, RetentionRule r) {
        fields.text(at + ".name", r.name());
        fields.period(at + ".duration", r.duration(), true);
        fields.required(at + ".trigger", r.trigger());
        fields.period(at + ".legalMinimum", r.legalMinimum(), false);
        fields.oneOf(at + ".disposal", r.disposal(), List.of("destroy", "anonymize"));
        if (r.legalSourceEn() != null && r.legalSource() == null) { // the English form of a source not written
            fields.error(at + ".legalSource", "inventory.map.required");
        }
        if (FieldChecks.shorter(r.duration(), r.legalMinimum())) {
            fields.error(at + ".duration", "inventory.map.shorter-than-legal-minimum", r.legalMinimum());
        }
    }

    private void system(String at, InformationSystem s) {
        fields.required(at + ".name", s.name());
        fields.jurisdiction(at + ".jurisdiction", s.jurisdiction(), true);
        fields.date(at + ".introducedOn", s.introducedOn());
    }

    private void thirdParty(String at, ThirdParty t) {
        fields.required(at + ".name", t.name());
        fields.oneOf(at + ".kind", t.kind(), ThirdParty.KINDS);
        fields.jurisdiction(at + ".jurisdiction", t.jurisdiction(), true);
        if (t.commitment() != null) {
            fields.required(at + ".commitment.reference", t.commitment().reference());
            fields.date(at + ".commitment.signedOn", t.commitment().signedOn());
            fields.date(at + ".commitment.expiresOn", t.commitment().expiresOn());
            fields.order(
                    at + ".commitment.expiresOn",
                    t.commitment().signedOn(),
                    t.commitment().expiresOn());
        }
    }

    private void activity(String at, ProcessingActivity a) {
        fields.text(at + ".name", a.name());
        fields.refs(at + ".subjects", a.subjects(), "subject-category", ids(map.subjectCategories()));
        fields.refs(at + ".categories", a.categories(), "category", ids(map.piCategories()));
        fields.refs(at + ".purposes", a.purposes(), "purpose", ids(map.purposes()));
        fields.ref(at + ".legalBasis", a.legalBasis(), "legal-basis", ids(map.legalBases()), true);
        fields.oneOf(at + ".source", a.source(), ProcessingActivity.SOURCES);
        fields.refs(at + ".systems", a.systems(), "system", ids(map.systems()));
        fields.refs(at + ".recipients", a.recipients(), "third-party", ids(map.thirdParties()));
        fields.ref(at + ".retention", a.retention(), "retention-rule", ids(map.retentionRules()), false);
        fields.refs(at + ".accessRoles", a.accessRoles(), "access-role", ids(map.accessRoles()));
    }

    private void transfer(String at, Transfer t) {
        fields.jurisdiction(at + ".destination", t.destination(), true);
        if (QUEBEC.equals(t.destination())) {
            fields.error(at + ".destination", "inventory.map.inside-quebec");
        }
        fields.ref(at + ".recipient", t.recipient(), "third-party", ids(map.thirdParties()), true);
        fields.refs(at + ".categories", t.categories(), "category", ids(map.piCategories()));
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
}
