package ca.gardien.consent;

import java.time.LocalDate;
import java.time.Period;

/** The closed vocabularies of a consent record. */
public final class ConsentTerms {

    private ConsentTerms() {}

    public enum State {
        GRANTED,
        REFUSED,
        WITHDRAWN,
        EXPIRED
    }

    public enum Kind {
        EXPRESS,
        IMPLICIT
    }

    /** Who gave the consent: the person, or for a minor under 14 the person having parental authority or a tutor. */
    public enum GivenBy {
        PERSON,
        PARENT,
        TUTOR
    }

    public enum Channel {
        WEB_FORM,
        BANNER,
        EMAIL,
        PHONE,
        IN_PERSON,
        API
    }

    /** Only the band is kept, not the date of birth: it is all the rule of s. 4.1 needs. */
    public enum AgeBand {
        UNDER_14,
        FROM_14_TO_17,
        ADULT;

        static AgeBand at(LocalDate birth, LocalDate today) {
            int years = Period.between(birth, today).getYears();
            return years < 14 ? UNDER_14 : years < 18 ? FROM_14_TO_17 : ADULT;
        }
    }
}
