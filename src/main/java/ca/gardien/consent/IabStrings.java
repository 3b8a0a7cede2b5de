package ca.gardien.consent;

import com.iab.gpp.encoder.GppModel;
import com.iab.gpp.encoder.field.TcfCaV1Field;
import com.iab.gpp.encoder.section.TcfCaV1;
import com.iabtcf.encoder.TCStringEncoder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Encodes a subject's IAB consent strings with IAB Tech Lab's own libraries: the GPP string with its Canadian TCF
 * section ({@code tcfcav1}, express and implied consent per purpose) and the TCF v2.3 string (EU), in which only
 * express consent counts as consent. Both need a CMP id registered with IAB Tech Lab and a Global Vendor List version:
 * without them the GPP string holds no section and there is no TCF string, and the reasons say why.
 *
 * <p>As the specifications require, both strings are dated by the day (UTC) of the person's latest choice, Created and
 * LastUpdated alike, and carry the language that choice was made in. The TCF string is service-specific and carries the
 * Disclosed Vendors segment, mandatory since TCF v2.3 (empty: the banner discloses no vendor).
 */
final class IabStrings {

    /** The TCF Canada purposes bitfields are 24 bits; purpose 1 is not used in TCF Canada. */
    private static final int TCFCA_PURPOSES = 24;

    /** A Disclosed Vendors segment listing no vendor: segment type 1, MaxVendorId 0, bitfield encoding. */
    static final String EMPTY_DISCLOSED_VENDORS = "IAAA";

    /**
     * The strings for one subject. {@code gppSid}: the GPP section ids the GPP string holds; {@code tcf}: null when not
     * emitted; {@code reasons}: why the TCF string and the Canadian section are not emitted (empty when they are);
     * {@code sections} and {@code tcData}: the strings decoded, for the CMP APIs of the banner.
     */
    record Encoded(
            String gpp,
            List<Integer> gppSid,
            String tcf,
            List<String> reasons,
            Map<String, List<Map<String, Object>>> sections,
            IabDecoder.Tcf tcData) {}

    private IabStrings() {}

    /**
     * @param fallbackLanguage {@code fr} or {@code en}: the consent language when the choice recorded none
     * @param now the time of the request: dates the strings when the subject never chose
     */
    static Encoded encode(IabSignals signals, ConsentProperties.Iab cmp, String fallbackLanguage, Instant now) {
        var reasons = cmp.reasons();
        if (!reasons.isEmpty()) {
            var empty = new GppModel().encode();
            return new Encoded(empty, List.of(), null, reasons, Map.of(), null);
        }
        var choice = signals.choice();
        var day = (choice == null ? now : choice.at()).truncatedTo(ChronoUnit.DAYS);
        var spoken = choice == null || choice.language() == null ? fallbackLanguage : choice.language();
        var lang = spoken.toUpperCase(java.util.Locale.ROOT);
        var gpp = new GppModel();
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.CMP_ID, cmp.cmpId());
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.CMP_VERSION, cmp.cmpVersion());
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.VENDOR_LIST_VERSION, cmp.vendorListVersion());
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.CONSENT_LANGUAGE, lang);
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.PURPOSES_EXPRESS_CONSENT, canadian(signals.express()));
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.PURPOSES_IMPLIED_CONSENT, canadian(signals.implied()));
        // last: setting any other field stamps Created and LastUpdated with the current time
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.CREATED, day.atZone(ZoneOffset.UTC));
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.LAST_UPDATED, day.atZone(ZoneOffset.UTC));
        var tcf = TCStringEncoder.newBuilder()
                .version(2)
                .tcfPolicyVersion(cmp.tcfPolicyVersion())
                .created(day)
                .lastUpdated(day)
                .cmpId(cmp.cmpId())
                .cmpVersion(cmp.cmpVersion())
                .vendorListVersion(cmp.vendorListVersion())
                .consentLanguage(lang)
                .publisherCC("CA")
                .isServiceSpecific(true);
        signals.express().forEach(tcf::addPurposesConsent);
        var gppString = gpp.encode();
        var tcString = tcf.encode() + "." + EMPTY_DISCLOSED_VENDORS;
        return new Encoded(
                gppString,
                List.of(TcfCaV1.ID),
                tcString,
                reasons,
                IabDecoder.gpp(gppString, "gpp").sections(),
                IabDecoder.tcf(tcString, "tcf"));
    }

    /** The TCF Canada purposes bitfield: purpose 1 is not used in TCF Canada and stays 0. */
    private static List<Boolean> canadian(SortedSet<Integer> ids) {
        var bits = new ArrayList<Boolean>(TCFCA_PURPOSES);
        for (int i = 1; i <= TCFCA_PURPOSES; i++) {
            bits.add(i > 1 && ids.contains(i));
        }
        return bits;
    }

    /** The ids of the set bits of a bitfield (bit 0 is id 1). */
    static SortedSet<Integer> ids(List<Boolean> bits) {
        var ids = new TreeSet<Integer>();
        for (int i = 0; i < bits.size(); i++) {
            if (Boolean.TRUE.equals(bits.get(i))) {
                ids.add(i + 1);
            }
        }
        return ids;
    }
}
