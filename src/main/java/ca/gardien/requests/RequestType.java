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

    /**
     * What a task of this type may record, in the console's order: a request that releases information finds some or
     * none ({@code FOUND}, {@code NOT_FOUND}); one that changes data makes the change or finds nothing to change
     * ({@code DONE}, {@code NOT_FOUND}).
     */
    public java.util.List<String> taskOutcomes() {
        return releasesData() ? java.util.List.of("FOUND", "NOT_FOUND") : java.util.List.of("DONE", "NOT_FOUND");
    }

    /** Whether answering changes data in the organization's systems. */
    boolean changesData() {
        return !releasesData();
    }
}
