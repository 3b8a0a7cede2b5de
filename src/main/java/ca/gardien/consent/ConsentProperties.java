package ca.gardien.consent;

import ca.gardien.shared.RateLimits.Quota;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the consent module.
 *
 * @param keyDirectory where the HMAC key for identifiers lives (every node of a cluster needs the same key)
 * @param pollEvery how often a node reads consent records written by other nodes (bounds cross-node staleness)
 * @param gapPatience how long a poll keeps asking for a sequence number it skipped (a transaction not committed yet,
 *     sequence numbers being taken at insert; or one rolled back) before taking it as rolled back
 * @param phoneRegion the region assumed for phone numbers written without a country code
 * @param iab the CMP identity written into IAB TCF and GPP strings, and whether GDPR applies for the TCF API
 * @param expirySweepEvery how often a node looks for grants past their {@code validUntil} to record them as EXPIRED
 * @param preferenceLinkValidity how long a signed preference-page link stays valid
 * @param limits abuse limits of the anonymous consent writes (docs/abuse-limits.md)
 * @param retention how long a subject's choices for a purpose are kept once no longer in force
 */
@ConfigurationProperties("gardien.consent")
record ConsentProperties(
        Path keyDirectory,
        @DefaultValue("250ms") Duration pollEvery,
        @DefaultValue("10m") Duration gapPatience,
        @DefaultValue("CA") String phoneRegion,
        @DefaultValue Iab iab,
        @DefaultValue("1m") Duration expirySweepEvery,
        @DefaultValue("30d") Duration preferenceLinkValidity,
        @DefaultValue Limits limits,
        @DefaultValue Retention retention) {

    /**
     * The CMP identity written into the IAB strings. IAB Tech Lab's decoders refuse CMP ids 0 and 1 (reserved), so
     * until a registered CMP id and a Global Vendor List version are set Gardien emits no TCF string and no Canadian
     * TCF ({@code tcfcav1}) section, and says why ({@link #reasons()}).
     *
     * @param cmpId the CMP id registered with IAB Tech Lab (0 when none is registered)
     * @param cmpVersion the CMP version written into the strings
     * @param vendorListVersion the Global Vendor List version the strings refer to (0: none chosen)
     * @param tcfPolicyVersion the TCF policy version of that Global Vendor List (5 since TCF v2.3)
     * @param gdprApplies whether the TCF API tells vendors that the GDPR applies; when false, per the TCF CMP API, its
     *     TC data carries no string and no consent details
     */
    record Iab(
            @DefaultValue("0") int cmpId,
            @DefaultValue("1") int cmpVersion,
            @DefaultValue("0") int vendorListVersion,
            @DefaultValue("5") int tcfPolicyVersion,
            @DefaultValue("false") boolean gdprApplies) {

        /** Why no TCF string may be emitted yet: CMP id 0 or 1 is refused by IAB's decoders. */
        static final String CMP_ID_UNSET = "cmp-id-unset";

        /** Why no TCF string may be emitted yet: the strings must name a Global Vendor List version. */
        static final String VENDOR_LIST_VERSION_UNSET = "vendor-list-version-unset";

        Iab {
            check("cmp-id", cmpId, 4095);
            check("cmp-version", cmpVersion, 4095);
            check("vendor-list-version", vendorListVersion, 4095);
            check("tcf-policy-version", tcfPolicyVersion, 63);
        }

        /** The reasons why TCF strings and the {@code tcfcav1} section are not emitted; empty when they are. */
        List<String> reasons() {
            var reasons = new ArrayList<String>();
            if (cmpId < 2) {
                reasons.add(CMP_ID_UNSET);
            }
            if (vendorListVersion < 1) {
                reasons.add(VENDOR_LIST_VERSION_UNSET);
            }
            return List.copyOf(reasons);
        }

        /** Whether TCF strings and the {@code tcfcav1} section are emitted. */
        boolean registered() {
            return reasons().isEmpty();
        }

        private static void check(String name, int value, int max) { // the bits the strings give each field
            if (value < 0 || value > max) {
                throw new IllegalArgumentException("gardien.consent.iab." + name + " must be 0-" + max);
            }
        }
    }

    /**
     * Writes without an account, counted per client address for the whole cluster ({@code <max>/<window>}). A visitor
     * id is chosen by the visitor's browser, so a limit per visitor id would stop nobody; a signed link acts only on
     * the one person it names. And the IAB strings each node decodes at a time.
     *
     * @param bannerPerAddress banner choices ({@code POST /consent/choices}) from one address
     * @param linkWritesPerAddress preference-page choices and one-click unsubscribes (signed links) from one address;
     *     higher, as mail providers post one-click unsubscribes for many people from few addresses
     * @param iabDecodings decodings of IAB strings ({@code POST /api/v1/consent/iab/decode}) under way at once on one
     *     node; another caller meanwhile gets a 429 (each decoding may hold up to 100,000 ids)
     */
    record Limits(
            @DefaultValue("60/1m") Quota bannerPerAddress,
            @DefaultValue("120/1m") Quota linkWritesPerAddress,
            @DefaultValue("2") int iabDecodings) {

        Limits {
            if (iabDecodings < 1) {
                throw new IllegalArgumentException("gardien.consent.limits.iab-decodings must be at least 1");
            }
        }
    }

    /**
     * The keeping period of consent records (docs/modules/consent.md, "Keeping period"). A subject's history for a
     * purpose whose latest record is a refusal, a withdrawal or an expiry is destroyed {@code keepFor} after that record;
     * a history whose latest record is a grant is kept whole (it is the proof the organization relies on). The default
     * is an organizational choice, not a period the law sets.
     *
     * @param keepFor how long after the latest record of a history no longer in force it is kept (ISO-8601 period)
     * @param sweepEvery how often each node looks for histories past that period
     */
    record Retention(
            @DefaultValue("P3Y") java.time.Period keepFor,
            @DefaultValue("1h") Duration sweepEvery) {

        Retention {
            if (keepFor.isNegative() || keepFor.isZero()) {
                throw new IllegalArgumentException("gardien.consent.retention.keep-for must be a positive period");
            }
        }
    }
}
