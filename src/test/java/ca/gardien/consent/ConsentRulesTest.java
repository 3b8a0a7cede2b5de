package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.consent.ConsentRules.PurposeTerms;
import ca.gardien.consent.ConsentRules.Request;
import ca.gardien.consent.ConsentRules.Rule;
import ca.gardien.consent.ConsentTerms.AgeBand;
import ca.gardien.consent.ConsentTerms.GivenBy;
import ca.gardien.consent.ConsentTerms.Kind;
import ca.gardien.consent.ConsentTerms.State;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConsentRulesTest {

    static final PurposeTerms ORDINARY = new PurposeTerms("service", false, false, true);
    static final PurposeTerms SENSITIVE = new PurposeTerms("health", true, false, true);
    static final PurposeTerms SECONDARY = new PurposeTerms("statistics", false, true, true);
    static final PurposeTerms EXPRESS_ONLY = new PurposeTerms("newsletter", false, false, false);

    static Request grant(Kind kind, GivenBy by, AgeBand band) {
        return new Request(State.GRANTED, kind, by, band);
    }

    @Test
    void refusesImplicitConsentForAPurposeOverSensitiveInformation() {
        assertThat(ConsentRules.broken(grant(Kind.IMPLICIT, GivenBy.PERSON, AgeBand.ADULT), SENSITIVE))
                .contains(Rule.EXPRESS_FOR_SENSITIVE);
    }

    @Test
    void acceptsExpressConsentForAPurposeOverSensitiveInformation() {
        assertThat(ConsentRules.broken(grant(Kind.EXPRESS, GivenBy.PERSON, AgeBand.ADULT), SENSITIVE))
                .isEmpty();
    }

    @Test
    void refusesAPersonUnder14ConsentingAlone() {
        assertThat(ConsentRules.broken(grant(Kind.EXPRESS, GivenBy.PERSON, AgeBand.UNDER_14), ORDINARY))
                .contains(Rule.PARENT_OR_TUTOR_UNDER_14);
    }

    @Test
    void acceptsAParentOrTutorConsentingForAPersonUnder14() {
        assertThat(ConsentRules.broken(grant(Kind.EXPRESS, GivenBy.PARENT, AgeBand.UNDER_14), ORDINARY))
                .isEmpty();
        assertThat(ConsentRules.broken(grant(Kind.EXPRESS, GivenBy.TUTOR, AgeBand.UNDER_14), ORDINARY))
                .isEmpty();
    }

    @Test
    void acceptsAPersonOf14ConsentingAlone() {
        assertThat(ConsentRules.broken(grant(Kind.EXPRESS, GivenBy.PERSON, AgeBand.FROM_14_TO_17), ORDINARY))
                .isEmpty();
    }

    @Test
    void computesTheAgeBandFromTheDateOfBirthOnTheDayOfConsent() {
        var today = LocalDate.parse("2026-06-15");
        assertThat(AgeBand.at(LocalDate.parse("2012-06-16"), today)).isEqualTo(AgeBand.UNDER_14);
        assertThat(AgeBand.at(LocalDate.parse("2012-06-15"), today)).isEqualTo(AgeBand.FROM_14_TO_17);
        assertThat(AgeBand.at(LocalDate.parse("2008-06-15"), today)).isEqualTo(AgeBand.ADULT);
    }

    @Test
    void refusesImplicitConsentForASecondaryPurposeEvenWhereTheMapAllowsImplicitConsent() {
        assertThat(ConsentRules.broken(grant(Kind.IMPLICIT, GivenBy.PERSON, AgeBand.ADULT), SECONDARY))
                .contains(Rule.SECONDARY_NEEDS_OWN_CONSENT);
        assertThat(ConsentRules.broken(grant(Kind.EXPRESS, GivenBy.PERSON, AgeBand.ADULT), SECONDARY))
                .isEmpty();
    }

    @Test
    void refusesImplicitConsentWhereThePurposeDoesNotAllowIt() {
        assertThat(ConsentRules.broken(grant(Kind.IMPLICIT, GivenBy.PERSON, null), EXPRESS_ONLY))
                .contains(Rule.IMPLICIT_NOT_ALLOWED);
        assertThat(ConsentRules.broken(grant(Kind.IMPLICIT, GivenBy.PERSON, null), ORDINARY))
                .isEmpty();
    }

    @Test
    void alwaysAcceptsRefusalsAndWithdrawals() {
        for (var state : new State[] {State.REFUSED, State.WITHDRAWN}) {
            var request = new Request(state, Kind.IMPLICIT, GivenBy.PERSON, AgeBand.UNDER_14);
            assertThat(ConsentRules.broken(request, SENSITIVE)).isEmpty();
        }
    }
}
