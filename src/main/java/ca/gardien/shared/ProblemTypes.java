package ca.gardien.shared;

import java.net.URI;

/**
 * Stable RFC 9457 problem type URIs shared by every module. A module names its own types with {@link #of(String)} in
 * its advice (e.g. {@code consent-rule}, {@code request-state}, {@code connector-unavailable}). Clients may switch on
 * them; never change an existing one.
 */
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

    /** Too many uses of a public input from one address or for one identifier (429, with {@code Retry-After}). */
    public static final URI RATE_LIMITED = URI.create(BASE + "rate-limited");

    public static final URI INTERNAL = URI.create(BASE + "internal");
    /** Gardien's database cannot be reached for the moment: the call changed nothing, try again after Retry-After. */
    public static final URI UNAVAILABLE = URI.create(BASE + "unavailable");

    /** The problem type of the given name, e.g. {@code request-state}, under the one base every module shares. */
    public static URI of(String name) {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a problem type name is lower-case words joined by hyphens");
        }
        return URI.create(BASE + name);
    }

    private ProblemTypes() {}
}
