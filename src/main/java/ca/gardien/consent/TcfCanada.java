package ca.gardien.consent;

import com.iab.gpp.encoder.bitstring.BitStringEncoder;
import com.iab.gpp.encoder.datatype.EncodableBoolean;
import com.iab.gpp.encoder.datatype.EncodableDatetime;
import com.iab.gpp.encoder.datatype.EncodableFixedBitfield;
import com.iab.gpp.encoder.datatype.EncodableFixedInteger;
import com.iab.gpp.encoder.datatype.EncodableFixedString;
import com.iab.gpp.encoder.datatype.EncodableOptimizedFibonacciRange;
import com.iab.gpp.encoder.field.EncodableBitStringFields;
import com.iab.gpp.encoder.field.TcfCaV1Field;
import com.iab.gpp.encoder.segment.TcfCaV1CoreSegment;
import com.iab.gpp.encoder.segment.TcfCaV1DisclosedVendorsSegment;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The Canadian TCF section's core and disclosed-vendors sub-sections read as the GPP specification encodes them: its
 * vendor lists are OptimizedRanges with Fibonacci-coded ranges. IAB's Java library 3.2 still reads them with
 * fixed-integer ranges, as its JavaScript library did before it was corrected, and so fails on strings that IAB's
 * current JavaScript library writes. Like that library, Gardien reads a sub-section the specification's way when this
 * reproduces its bits, and the older way otherwise. (Both ways agree on the strings Gardien writes, which list no
 * vendor.) Either way, every id is counted as it is read ({@link CountedFields}).
 */
final class TcfCanada {

    private static final BitStringEncoder BITS = BitStringEncoder.getInstance();

    private TcfCanada() {}

    static Map<String, Object> core(String encoded, IabDecoder.Budget budget) {
        var older = new EncodableBitStringFields();
        new TcfCaV1CoreSegment() {
            {
                older.reset(fields);
            }
        };
        return read(encoded, TcfCaV1Field.TCFCAV1_CORE_SEGMENT_FIELD_NAMES, specCore(), older, budget);
    }

    static Map<String, Object> disclosedVendors(String encoded, IabDecoder.Budget budget) {
        var older = new EncodableBitStringFields();
        new TcfCaV1DisclosedVendorsSegment() {
            {
                older.reset(fields);
            }
        };
        var names = TcfCaV1Field.TCFCAV1_DISCLOSED_VENDORS_SEGMENT_FIELD_NAMES;
        return read(encoded, names, specDisclosedVendors(), older, budget);
    }

    /**
     * The sub-section read the specification's way, its ids counted on a trial budget kept only if that way reproduces
     * its bits; else read the older way ({@code older}: the layout of IAB's Java library).
     */
    private static Map<String, Object> read(
            String encoded,
            List<String> names,
            EncodableBitStringFields spec,
            EncodableBitStringFields older,
            IabDecoder.Budget budget) {
        var bits = CountedFields.bits(encoded);
        var trial = budget.trial();
        try {
            var values = CountedFields.decode(bits, names, spec, trial);
            if (bits.startsWith(BITS.encode(spec, names))) { // the rest is base64 padding
                budget.spend(trial);
                return values;
            }
        } catch (RuntimeException e) {
            if (IabDecoder.tooManyIds(e)) {
                throw e; // too many the specification's way: never read again the older way
            }
            // not the specification's encoding: the older one below
        }
        return CountedFields.decode(bits, names, older, budget);
    }

    private static EncodableBitStringFields specDisclosedVendors() {
        var fields = new EncodableBitStringFields();
        fields.put(TcfCaV1Field.DISCLOSED_VENDORS_SEGMENT_TYPE, new EncodableFixedInteger(3, 1));
        fields.put(TcfCaV1Field.DISCLOSED_VENDORS, new EncodableOptimizedFibonacciRange(new ArrayList<>()));
        return fields;
    }

    private static EncodableBitStringFields specCore() {
        var epoch = ZonedDateTime.parse("1970-01-01T00:00:00Z");
        var fields = new EncodableBitStringFields();
        fields.put(TcfCaV1Field.VERSION, new EncodableFixedInteger(6, 1));
        fields.put(TcfCaV1Field.CREATED, new EncodableDatetime(epoch));
        fields.put(TcfCaV1Field.LAST_UPDATED, new EncodableDatetime(epoch));
        fields.put(TcfCaV1Field.CMP_ID, new EncodableFixedInteger(12, 0));
        fields.put(TcfCaV1Field.CMP_VERSION, new EncodableFixedInteger(12, 0));
        fields.put(TcfCaV1Field.CONSENT_SCREEN, new EncodableFixedInteger(6, 0));
        fields.put(TcfCaV1Field.CONSENT_LANGUAGE, new EncodableFixedString(2, "EN"));
        fields.put(TcfCaV1Field.VENDOR_LIST_VERSION, new EncodableFixedInteger(12, 0));
        fields.put(TcfCaV1Field.TCF_POLICY_VERSION, new EncodableFixedInteger(6, 2));
        fields.put(TcfCaV1Field.USE_NON_STANDARD_STACKS, new EncodableBoolean(false));
        fields.put(TcfCaV1Field.SPECIAL_FEATURE_EXPRESS_CONSENT, new EncodableFixedBitfield(falses(12)));
        fields.put(TcfCaV1Field.PURPOSES_EXPRESS_CONSENT, new EncodableFixedBitfield(falses(24)));
        fields.put(TcfCaV1Field.PURPOSES_IMPLIED_CONSENT, new EncodableFixedBitfield(falses(24)));
        fields.put(TcfCaV1Field.VENDOR_EXPRESS_CONSENT, new EncodableOptimizedFibonacciRange(new ArrayList<>()));
        fields.put(TcfCaV1Field.VENDOR_IMPLIED_CONSENT, new EncodableOptimizedFibonacciRange(new ArrayList<>()));
        fields.put(
                TcfCaV1Field.PUB_RESTRICTIONS,
                new CountedFields.Ranges(6, 2, () -> new EncodableOptimizedFibonacciRange(new ArrayList<>()), true));
        return fields;
    }

    private static List<Boolean> falses(int count) {
        return new ArrayList<>(Collections.nCopies(count, false));
    }
}
