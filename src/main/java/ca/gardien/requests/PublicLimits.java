package ca.gardien.requests;

import ca.gardien.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * The per-address abuse limits of the public code pages and endpoints, for the controllers that serve them (here and
 * in the portal). Every call counts, whatever its outcome, in its own statement: call them outside a transaction,
 * before the step. The per-identifier limits are the services' own: the attempt lock of each code
 * ({@link IdentityVerification#verify}), the codes per identifier ({@link IdentityVerification#sendCode}) and the
 * messages per identifier of the public form ({@link RequestIntake#submitPublic}).
 */
@Component
public class PublicLimits {

    static final String CODE_CHECKS_PER_ADDRESS = "requests.code-checks-per-address";
    static final String CODE_SENDS_PER_ADDRESS = "requests.code-sends-per-address";

    private final RateLimits limits;
    private final RequestsProperties properties;

    PublicLimits(RateLimits limits, RequestsProperties properties) {
        this.limits = limits;
        this.properties = properties;
    }

    /** @throws ca.gardien.shared.RateLimitedException when the address typed too many codes in the window */
    public void codeCheck(String clientAddress) {
        limits.consume(
                CODE_CHECKS_PER_ADDRESS,
                properties.limits().codeChecksPerAddress(),
                RateLimits.addressKey(clientAddress));
    }

    /** @throws ca.gardien.shared.RateLimitedException when the address asked for too many codes in the window */
    public void codeSend(String clientAddress) {
        limits.consume(
                CODE_SENDS_PER_ADDRESS,
                properties.limits().codeSendsPerAddress(),
                RateLimits.addressKey(clientAddress));
    }
}
