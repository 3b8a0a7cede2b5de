package ca.gardien.organization;

import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Gardien refuses a person the identity provider has authenticated. Carries what the ledger records (issuer, subject,
 * the account when there is one) and an administrator-facing detail free of personal information.
 */
final class SsoRefused extends OAuth2AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final SsoRefusal refusal;
    private final String issuer;
    private final String subject;
    private final UUID accountId;

    SsoRefused(SsoRefusal refusal, String issuer, String subject, UUID accountId, String detail) {
        super(new OAuth2Error("gardien_" + refusal.code().replace('-', '_'), detail, null), detail);
        this.refusal = refusal;
        this.issuer = issuer;
        this.subject = subject;
        this.accountId = accountId;
    }

    SsoRefusal refusal() {
        return refusal;
    }

    String issuer() {
        return issuer;
    }

    String subject() {
        return subject;
    }

    /** The linked account, or null when the person has none. */
    UUID accountId() {
        return accountId;
    }
}
