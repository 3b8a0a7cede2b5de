package ca.gardien.consent;

import ca.gardien.shared.InvalidInputException;
import com.iab.gpp.encoder.GppModel;
import com.iab.gpp.encoder.field.TcfCaV1Field;
import com.iab.gpp.encoder.section.TcfCaV1;
import com.iabtcf.decoder.TCString;
import com.iabtcf.encoder.TCStringEncoder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Encodes and decodes IAB Tech Lab consent strings with IAB's own libraries: the GPP string with its Canadian TCF
 * section ({@code tcfcav1}, express and implied consent per purpose) and the TCF v2.2 string (EU), in which only
 * express consent counts as consent.
 */
final class IabStrings {

    /** TCF v2.2 strings carry TCF policy version 4. */
    static final int TCF_POLICY_VERSION = 4;

    private static final int TCFCA_PURPOSES = 24;

    /** The strings for one subject. {@code gppSid}: the GPP section ids the GPP string holds. */
    record Encoded(String gpp, List<Integer> gppSid, String tcf) {}

    /** What a string says, per purpose; {@code section} is {@code tcfcav1} or {@code tcfeuv2}. */
    record Decoded(
            String section,
            int cmpId,
            String consentLanguage,
            Instant lastUpdated,
            SortedSet<Integer> purposesExpress,
            SortedSet<Integer> purposesImplied) {}

    private IabStrings() {}

    static Encoded encode(IabSignals signals, ConsentProperties.Iab cmp, Locale language, Instant now) {
        var lang = "en".equals(language.getLanguage()) ? "EN" : "FR";
        var gpp = new GppModel();
        var time = now.atZone(ZoneOffset.UTC);
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.CMP_ID, cmp.cmpId());
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.CMP_VERSION, cmp.cmpVersion());
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.VENDOR_LIST_VERSION, cmp.vendorListVersion());
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.CONSENT_LANGUAGE, lang);
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.CREATED, time);
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.LAST_UPDATED, time);
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.PURPOSES_EXPRESS_CONSENT, bits(signals.express()));
        gpp.setFieldValue(TcfCaV1.NAME, TcfCaV1Field.PURPOSES_IMPLIED_CONSENT, bits(signals.implied()));
        var tcf = TCStringEncoder.newBuilder()
                .version(2)
                .tcfPolicyVersion(TCF_POLICY_VERSION)
                .created(now)
                .lastUpdated(now)
                .cmpId(cmp.cmpId())
                .cmpVersion(cmp.cmpVersion())
                .vendorListVersion(cmp.vendorListVersion())
                .consentLanguage(lang)
                .publisherCC("CA");
        signals.express().forEach(tcf::addPurposesConsent);
        return new Encoded(gpp.encode(), List.of(TcfCaV1.ID), tcf.encode());
    }

    /** Decodes the Canadian section of a GPP string; {@code field} names the input in the error. */
    static Decoded decodeGpp(String text, String field) {
        try {
            var model = new GppModel(text.strip());
            if (!model.getSectionIds().contains(TcfCaV1.ID)) {
                throw new InvalidInputException(field, "holds no Canadian TCF section (tcfcav1)");
            }
            var ca = model.getTcfCaV1Section();
            return new Decoded(
                    TcfCaV1.NAME,
                    ca.getCmpId(),
                    ca.getConsentLanguage(),
                    ca.getLastUpdated().toInstant(),
                    ids(ca.getPurposesExpressConsent()),
                    ids(ca.getPurposesImpliedConsent()));
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) { // the library fails lazily and with many exception types on bad input
            throw new InvalidInputException(field, "is not a valid GPP string");
        }
    }

    /** Decodes a TCF v2 string. */
    static Decoded decodeTcf(String text, String field) {
        try {
            var tc = TCString.decode(text.strip());
            var express = new TreeSet<>(tc.getPurposesConsent().toSet());
            return new Decoded(
                    "tcfeuv2", tc.getCmpId(), tc.getConsentLanguage(), tc.getLastUpdated(), express, new TreeSet<>());
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "is not a valid TCF v2 string");
        }
    }

    private static List<Boolean> bits(SortedSet<Integer> ids) {
        var bits = new ArrayList<Boolean>(TCFCA_PURPOSES);
        for (int i = 1; i <= TCFCA_PURPOSES; i++) {
            bits.add(ids.contains(i));
        }
        return bits;
    }

    private static SortedSet<Integer> ids(List<Boolean> bits) {
        var ids = new TreeSet<Integer>();
        for (int i = 0; i < bits.size(); i++) {
            if (Boolean.TRUE.equals(bits.get(i))) {
                ids.add(i + 1);
            }
        }
        return ids;
    }
}
