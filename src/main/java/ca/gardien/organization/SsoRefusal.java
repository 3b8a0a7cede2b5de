package ca.gardien.organization;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a single sign-on did not succeed, as the login page names it (one message per reason, distinct from the
 * wrong-password message) and as the log and the ledger record it. The codes are the only values the page accepts.
 */
@org.springframework.modulith.NamedInterface("views")
public enum SsoRefusal {
    /** The sign-in started too long ago, in another browser, or the answer was not for this browser's sign-in. */
    REQUEST_EXPIRED("request-expired"),
    /** The person declined at the identity provider. */
    ACCESS_DENIED("access-denied"),
    /** The identity provider answered with an error (wrong client secret, redirect URI not registered, …). */
    IDP_ERROR("idp-error"),
    /** The identity provider could not be reached from Gardien (token, key set or user-info endpoint). */
    IDP_UNREACHABLE("idp-unreachable"),
    /** The ID token was issued by another issuer than the one configured. */
    ISSUER_MISMATCH("issuer-mismatch"),
    /** The ID token's signature, audience, nonce or validity period did not check out. */
    INVALID_TOKEN("invalid-token"),
    /** The person was authenticated, but no value of the roles claim maps to a Gardien role. */
    NO_ROLE("no-role"),
    /** The person's Gardien account was disabled by the person in charge. */
    DISABLED("disabled"),
    /** The roles from the identity provider would leave no enabled privacy officer. */
    LAST_OFFICER("last-officer"),
    /** Anything else: the log has the details. */
    FAILED("failed");

    private final String code;

    SsoRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<SsoRefusal> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
