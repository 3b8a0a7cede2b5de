package ca.gardien.inventory;

import java.util.List;

/** On what ground a processing activity rests: express or implicit consent, a contract, a legal obligation, … */
public record LegalBasis(String id, String kind, Text name) implements DataMap.Item {

    static final String EXPRESS_CONSENT = "express-consent";
    static final String IMPLICIT_CONSENT = "implicit-consent";

    static final List<String> KINDS = List.of(
            EXPRESS_CONSENT,
            IMPLICIT_CONSENT,
            "contract",
            "legal-obligation",
            "serious-legitimate-reason",
            "consistent-purpose",
            "clear-benefit",
            "fraud-prevention",
            "service-requested",
            "research-deidentified");

    boolean consent() {
        return EXPRESS_CONSENT.equals(kind) || IMPLICIT_CONSENT.equals(kind);
    }
}
