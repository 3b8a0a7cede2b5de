package ca.gardien.consent;

import ca.gardien.consent.ConsentTerms.AgeBand;
import ca.gardien.consent.ConsentTerms.GivenBy;
import ca.gardien.consent.ConsentTerms.Kind;
import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.inventory.DataMap;
import ca.gardien.shared.InvalidInputException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The legal rules a new consent must meet, as a pure function of the request and of what the data map says about the
 * purpose. Refusals and withdrawals are always accepted: a person may say no, or take a consent back, at any time.
 */
final class ConsentRules {

    private ConsentRules() {}

    /** What the data map says about a purpose. */
    record PurposeTerms(String id, boolean sensitive, boolean secondary, boolean implicitAllowed) {

        /**
         * The terms of a purpose of the map: sensitive when an activity pursuing it uses a sensitive category.
         *
         * @throws InvalidInputException naming {@code purpose} when the map does not know it
         */
        static PurposeTerms in(DataMap map, String purposeId) {
            var purpose = map.purposes().stream()
                    .filter(p -> p.id().equals(purposeId))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException("purpose", "consent.field.purpose-unknown"));
            var sensitive = map.piCategories().stream()
                    .filter(c -> c.sensitive())
                    .map(c -> c.id())
                    .collect(Collectors.toSet());
            boolean usesSensitive = map.processingActivities().stream()
                    .filter(a -> a.purposes().contains(purposeId))
                    .anyMatch(a -> a.categories().stream().anyMatch(sensitive::contains));
            return new PurposeTerms(
                    purposeId, usesSensitive, "secondary".equals(purpose.kind()), purpose.implicitConsentAllowed());
        }
    }

    /** What the rules look at in a request. */
    record Request(State state, Kind kind, GivenBy givenBy, AgeBand ageBand) {}

    enum Rule {
        EXPRESS_FOR_SENSITIVE("express-consent-for-sensitive-information", "s. 12"),
        SECONDARY_NEEDS_OWN_CONSENT("secondary-purpose-needs-its-own-consent", "s. 12, s. 14"),
        IMPLICIT_NOT_ALLOWED("implicit-consent-not-allowed-for-purpose", "s. 8, s. 14"),
        PARENT_OR_TUTOR_UNDER_14("parent-or-tutor-consent-under-14", "s. 4.1");

        final String id;
        final String reference;

        Rule(String id, String reference) {
            this.id = id;
            this.reference = reference;
        }

        /** The bundle key of the rule's explanation. */
        String explanation() {
            return "consent.rule." + id;
        }
    }

    /** The first rule the request breaks, if any. */
    static Optional<Rule> broken(Request request, PurposeTerms purpose) {
        if (request.state() != State.GRANTED) {
            return Optional.empty();
        }
        boolean implicit = request.kind() == Kind.IMPLICIT;
        if (implicit && purpose.sensitive()) {
            return Optional.of(Rule.EXPRESS_FOR_SENSITIVE);
        }
        if (implicit && purpose.secondary()) {
            return Optional.of(Rule.SECONDARY_NEEDS_OWN_CONSENT);
        }
        if (implicit && !purpose.implicitAllowed()) {
            return Optional.of(Rule.IMPLICIT_NOT_ALLOWED);
        }
        if (request.ageBand() == AgeBand.UNDER_14 && request.givenBy() == GivenBy.PERSON) {
            return Optional.of(Rule.PARENT_OR_TUTOR_UNDER_14);
        }
        return Optional.empty();
    }
}
