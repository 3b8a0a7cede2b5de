package ca.gardien.consent;

import ca.gardien.shared.RateLimits.Quota;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the consent module.
 *
 * @param keyDirectory where the HMAC key for identifiers lives (every node of a cluster needs the same key)
 * @param pollEvery how often a node reads consent records written by other nodes (bounds cross-node staleness)
 * @param pollOverlap records this recent are read again at each poll, so that a transaction committing after a later
 *     one (sequence numbers are not committed in order) is still seen
 * @param phoneRegion the region assumed for phone numbers written without a country code
 * @param iab the CMP identity written into IAB TCF and GPP strings
 * @param expirySweepEvery how often a node looks for grants past their {@code validUntil} to record them as EXPIRED
 * @param preferenceLinkValidity how long a signed preference-page link stays valid
 * @param limits abuse limits of the anonymous consent writes (docs/abuse-limits.md)
 */
@ConfigurationProperties("gardien.consent")
record ConsentProperties(
        Path keyDirectory,
        @DefaultValue("250ms") Duration pollEvery,
        @DefaultValue("10s") Duration pollOverlap,
        @DefaultValue("CA") String phoneRegion,
        @DefaultValue Iab iab,
        @DefaultValue("1m") Duration expirySweepEvery,
        @DefaultValue("30d") Duration preferenceLinkValidity,
        @DefaultValue Limits limits) {

    /**
     * @param cmpId the CMP id registered with IAB Tech Lab (0 when none is registered)
     * @param cmpVersion the CMP version written into the strings
     * @param vendorListVersion the Global Vendor List version the strings refer to
     */
    record Iab(
            @DefaultValue("0") int cmpId,
            @DefaultValue("1") int cmpVersion,
            @DefaultValue("0") int vendorListVersion) {}

    /**
     * Writes without an account, counted per client address for the whole cluster ({@code <max>/<window>}). A visitor
     * id is chosen by the visitor's browser, so a limit per visitor id would stop nobody; a signed link acts only on
     * the one person it names.
     *
     * @param bannerPerAddress banner choices ({@code POST /consent/choices}) from one address
     * @param linkWritesPerAddress preference-page choices and one-click unsubscribes (signed links) from one address;
     *     higher, as mail providers post one-click unsubscribes for many people from few addresses
     */
    record Limits(
            @DefaultValue("60/1m") Quota bannerPerAddress,
            @DefaultValue("120/1m") Quota linkWritesPerAddress) {}
}
