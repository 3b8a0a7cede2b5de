package ca.gardien.requests;

/**
 * What a person asks for. {@code CESSATION_OF_DISSEMINATION} covers de-indexation (P-39.1 s. 28.1); {@code ERASURE}
 * exists only in profiles that know it (GDPR, CCPA).
 */
@org.springframework.modulith.NamedInterface("views")
public enum RequestType {
    ACCESS,
    RECTIFICATION,
    CONSENT_WITHDRAWAL,
    CESSATION_OF_DISSEMINATION,
    REINDEXATION,
    PORTABILITY,
    DESTRUCTION,
    AUTOMATED_DECISION_EXPLANATION,
    ERASURE;

    /** Whether answering releases information to the person (an access package). */
    boolean releasesData() {
        return this == ACCESS || this == PORTABILITY || this == AUTOMATED_DECISION_EXPLANATION;
    }

    /** Whether answering changes data in the organization's systems. */
    boolean changesData() {
        return !releasesData();
    }
}
