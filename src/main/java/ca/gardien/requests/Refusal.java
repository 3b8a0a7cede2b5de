package ca.gardien.requests;

/** Why a request-workflow rule refused a call; {@link RequestProblems} renders each as a problem of its own type. */
enum Refusal {
    /** The step is not allowed in the request's current status. */
    WRONG_STATE,
    /** The deadline cannot be extended (already extended, or not allowed by the jurisdiction). */
    EXTENSION_NOT_ALLOWED,
    /** The jurisdiction profile does not know the request type. */
    TYPE_UNAVAILABLE,
    /** A refusal lacks the content the law requires. */
    REFUSAL_INCOMPLETE,
    /** The person's identity was already checked for this request. */
    ALREADY_PROVEN,
    /** Only the one-time code sent to an email or phone proves it; staff cannot confirm it. */
    CODE_REQUIRED,
    /** The identifier takes no code (already verified, or a kind that codes do not prove). */
    NO_CODE_TAKEN,
    /** A wrong or expired code. */
    CODE_REJECTED,
    /** Too many codes sent or too many failed attempts; the identifier is locked for a while. */
    TOO_MANY_ATTEMPTS,
    /** A download link already used or expired. */
    DOWNLOAD_GONE
}
