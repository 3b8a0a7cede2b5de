package ca.gardien.assessments;

/** Where an assessment stands: draft → consulted → reviewed → approved or rejected; superseded by a new version. */
enum AssessmentStatus {
    DRAFT,
    CONSULTED,
    REVIEWED,
    APPROVED,
    REJECTED;

    /** An approved version is frozen. */
    boolean frozen() {
        return this == APPROVED;
    }
}
