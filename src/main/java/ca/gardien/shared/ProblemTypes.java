package ca.gardien.shared;

import java.net.URI;

/** Stable RFC 9457 problem type URIs. Clients may switch on them; never change an existing one. */
public final class ProblemTypes {

    private static final String BASE = "https://gardien.ca/problems/";

    public static final URI VALIDATION = URI.create(BASE + "validation");
    public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");
    public static final URI NOT_FOUND = URI.create(BASE + "not-found");
    public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI CONFLICT = URI.create(BASE + "conflict");
    public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create(BASE + "unsupported-media-type");
    /** A request body over the endpoint's cap (413); {@code limit} gives the cap in bytes. */
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

    public static final URI PASSWORD_CHANGE_REQUIRED = URI.create(BASE + "password-change-required");
    /** Too many failed sign-ins from one address (429); try again once they are older than the window. */
    public static final URI LOGIN_THROTTLED = URI.create(BASE + "login-throttled");
    /** A consent that breaks a legal rule (422); the {@code rule} property names it. */
    public static final URI CONSENT_RULE = URI.create(BASE + "consent-rule");
    /** A request type the jurisdiction profile does not know (e.g. ERASURE under Québec's profile) (422). */
    public static final URI REQUEST_TYPE_UNAVAILABLE = URI.create(BASE + "request-type-unavailable");
    /** A refusal without the content the law requires; {@code missing} lists what is absent (422). */
    public static final URI REFUSAL_INCOMPLETE = URI.create(BASE + "refusal-incomplete");
    /** The request is not in a status that allows this step; {@code requestStatus} tells which it is in (409). */
    public static final URI REQUEST_STATE = URI.create(BASE + "request-state");
    /** A wrong, expired or locked verification code (400/429); never tells which identifier matched what. */
    public static final URI VERIFICATION_FAILED = URI.create(BASE + "verification-failed");
    /** Staff tried to confirm an email or phone, which only the one-time code sent to it proves (409); see {@code kind}. */
    public static final URI CODE_REQUIRED = URI.create(BASE + "code-required");
    /** Too many uses of a public input from one address or for one identifier (429, with {@code Retry-After}). */
    public static final URI RATE_LIMITED = URI.create(BASE + "rate-limited");
    /** A download link already used or expired (410). */
    public static final URI DOWNLOAD_GONE = URI.create(BASE + "download-gone");

    /** A connected database or service did not answer (503); the request may be repeated later. */
    public static final URI CONNECTOR_UNAVAILABLE = URI.create(BASE + "connector-unavailable");
    /** A registered connector's address is refused by the connector rules (422); it is not connected to. */
    public static final URI CONNECTOR_REFUSED = URI.create(BASE + "connector-refused");
    /** An export package was deleted after its retention period. */
    public static final URI PACKAGE_GONE = URI.create(BASE + "package-gone");

    public static final URI INTERNAL = URI.create(BASE + "internal");

    private ProblemTypes() {}
}
