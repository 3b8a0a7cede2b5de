package ca.gardien.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks a valid, normalized data map against the rules of the Act; pure, given the map, today and the settings. */
final class GapRules {

    private final DataMap map;
    private final LocalDate today;
    private final InventoryProperties settings;
    private final Map<String, PiCategory> categories;
    private final Map<String, Purpose> purposes;
    private final Map<String, LegalBasis> bases;
    private final List<Finding> findings = new ArrayList<>();

    private GapRules(DataMap map, LocalDate today, InventoryProperties settings) {
        this.map = map;
        this.today = today;
        this.settings = settings;
        this.categories = index(map.piCategories());
        this.purposes = index(map.purposes());
        this.bases = index(map.legalBases());
    }

    static List<Finding> check(DataMap map, LocalDate today, InventoryProperties settings) {
        var rules = new GapRules(map, today, settings);
        map.transfers().forEach(rules::transfer);
        map.thirdParties().forEach(rules::thirdParty);
        map.piCategories().forEach(rules::retention);
        map.processingActivities().forEach(rules::consent);
        map.systems().forEach(rules::system);
        map.processingActivities().forEach(rules::purposes);
        map.accessRoles().forEach(rules::needToKnow);
        return List.copyOf(rules.findings);
    }

    private void transfer(Transfer t) {
        if (blank(t.piaReference()) || !t.piaApproved()) {
            add(GapRule.TRANSFER_WITHOUT_APPROVED_PIA, "transfers/" + t.id(), "thirdParties/" + t.recipient());
        }
    }

    private void thirdParty(ThirdParty t) {
        boolean receives =
                map.processingActivities().stream().anyMatch(a -> a.recipients().contains(t.id()))
                        || map.transfers().stream().anyMatch(x -> t.id().equals(x.recipient()));
        if (receives && !ThirdParty.AUTHORITY.equals(t.kind()) && !current(t.commitment())) {
            add(GapRule.THIRD_PARTY_WITHOUT_COMMITMENT, "thirdParties/" + t.id());
        } else if (current(t.commitment())
                && t.commitment().expiresOn() != null
                && !LocalDate.parse(t.commitment().expiresOn())
                        .isAfter(today.plusDays(GapRule.COMMITMENT_ALERT_DAYS))) {
            add(GapRule.COMMITMENT_EXPIRING, "thirdParties/" + t.id());
        }
    }

    private boolean current(ThirdParty.Commitment c) {
        return c != null
                && !blank(c.reference())
                && c.signedOn() != null
                && !LocalDate.parse(c.signedOn()).isAfter(today)
                && (c.expiresOn() == null || !LocalDate.parse(c.expiresOn()).isBefore(today));
    }

    private void retention(PiCategory c) {
        var uses = map.processingActivities().stream()
                .filter(a -> a.categories().contains(c.id()))
                .toList();
        var unruled = uses.stream().filter(a -> a.retention() == null).map(a -> "processingActivities/" + a.id());
        var related = unruled.toList();
        if (uses.isEmpty() || !related.isEmpty()) {
            findings.add(new Finding(GapRule.CATEGORY_WITHOUT_RETENTION, "piCategories/" + c.id(), related));
        }
    }

    private void consent(ProcessingActivity a) {
        var basis = bases.get(a.legalBasis());
        var at = "processingActivities/" + a.id();
        boolean express = LegalBasis.EXPRESS_CONSENT.equals(basis.kind());
        if (!express && !settings.sensitiveExemptBases().contains(basis.kind())) {
            a.categories().stream()
                    .filter(id -> categories.get(id).sensitive())
                    .forEach(id -> add(GapRule.SENSITIVE_WITHOUT_EXPRESS_CONSENT, at, "piCategories/" + id));
        }
        if (!basis.consent() && !settings.secondaryPurposeExceptions().contains(basis.kind())) {
            a.purposes().stream()
                    .filter(id -> Purpose.SECONDARY.equals(purposes.get(id).kind()))
                    .forEach(id -> add(GapRule.SECONDARY_PURPOSE_WITHOUT_CONSENT, at, "purposes/" + id));
        }
    }

    private void system(InformationSystem s) {
        if (s.holdsPersonalInformation()
                && s.introducedOn() != null
                && LocalDate.parse(s.introducedOn()).isAfter(settings.piaRequiredAfter())
                && blank(s.piaReference())) {
            add(GapRule.SYSTEM_WITHOUT_PIA, "systems/" + s.id());
        }
    }

    private void purposes(ProcessingActivity a) {
        var undocumented = a.purposes().stream()
                .filter(id -> undescribed(purposes.get(id).description()))
                .map(id -> "purposes/" + id)
                .toList();
        if (a.purposes().isEmpty() || !undocumented.isEmpty()) {
            findings.add(
                    new Finding(GapRule.PROCESSING_WITHOUT_PURPOSE, "processingActivities/" + a.id(), undocumented));
        }
    }

    private void needToKnow(AccessRole r) {
        Set<String> needed = map.processingActivities().stream()
                .filter(a -> a.accessRoles().contains(r.id()))
                .flatMap(a -> a.categories().stream())
                .collect(Collectors.toSet());
        r.categories().stream()
                .filter(c -> !needed.contains(c))
                .forEach(c -> add(GapRule.ACCESS_BEYOND_NEED, "accessRoles/" + r.id(), "piCategories/" + c));
    }

    private void add(GapRule rule, String object, String... related) {
        findings.add(new Finding(rule, object, Stream.of(related).toList()));
    }

    private static <T extends DataMap.Item> Map<String, T> index(List<T> items) {
        return items.stream().collect(Collectors.toMap(DataMap.Item::id, Function.identity()));
    }

    /** No description, or one of blanks in both languages (no-break spaces describe nothing: attacker's review). */
    private static boolean undescribed(Text description) {
        return description == null || (blank(description.fr()) && blank(description.en()));
    }

    private static boolean blank(String value) {
        return ca.gardien.shared.PlainText.saysNothing(value); // a description of no-break spaces describes nothing
    }
}
