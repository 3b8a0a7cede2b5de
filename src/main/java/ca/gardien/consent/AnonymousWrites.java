package ca.gardien.consent;

import ca.gardien.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * The abuse limits of consent writes made without an account: the banner's choices, and the preference page and
 * one-click unsubscribe reached by a signed link. Each call counts, whatever its outcome, per client address.
 */
@Component
class AnonymousWrites {

    static final String BANNER_PER_ADDRESS = "consent.banner-per-address";
    static final String LINK_WRITES_PER_ADDRESS = "consent.link-writes-per-address";

    private final RateLimits limits;
    private final ConsentProperties properties;

    AnonymousWrites(RateLimits limits, ConsentProperties properties) {
        this.limits = limits;
        this.properties = properties;
    }

    /** @throws ca.gardien.shared.RateLimitedException once the address posted too many banner choices */
    void banner(String clientAddress) {
        limits.consume(
                BANNER_PER_ADDRESS, properties.limits().bannerPerAddress(), RateLimits.addressKey(clientAddress));
    }

    /** @throws ca.gardien.shared.RateLimitedException once the address posted too many signed-link writes */
    void link(String clientAddress) {
        limits.consume(
                LINK_WRITES_PER_ADDRESS,
                properties.limits().linkWritesPerAddress(),
                RateLimits.addressKey(clientAddress));
    }
}
