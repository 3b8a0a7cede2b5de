package ca.gardien.consent;

import com.iab.gpp.encoder.base64.CompressedBase64UrlEncoder;
import com.iab.gpp.encoder.bitstring.BitStringEncoder;
import com.iab.gpp.encoder.datatype.AbstractEncodableBitStringDataType;
import com.iab.gpp.encoder.datatype.EncodableBoolean;
import com.iab.gpp.encoder.datatype.EncodableDatetime;
import com.iab.gpp.encoder.datatype.EncodableFixedBitfield;
import com.iab.gpp.encoder.datatype.EncodableFixedInteger;
import com.iab.gpp.encoder.datatype.EncodableFixedString;
import com.iab.gpp.encoder.datatype.EncodableOptimizedFibonacciRange;
import com.iab.gpp.encoder.datatype.RangeEntry;
import com.iab.gpp.encoder.datatype.SubstringException;
import com.iab.gpp.encoder.datatype.encoder.FixedIntegerEncoder;
import com.iab.gpp.encoder.error.DecodingException;
import com.iab.gpp.encoder.field.EncodableBitStringFields;
import com.iab.gpp.encoder.field.TcfCaV1Field;
import com.iab.gpp.encoder.segment.EncodableSegment;
import com.iab.gpp.encoder.segment.TcfCaV1CoreSegment;
import com.iab.gpp.encoder.segment.TcfCaV1DisclosedVendorsSegment;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Canadian TCF section's core and disclosed-vendors sub-sections read as the GPP specification encodes them: its
 * vendor lists are OptimizedRanges with Fibonacci-coded ranges. IAB's Java library 3.2 still reads them with
 * fixed-integer ranges, as its JavaScript library did before it was corrected, and so fails on strings that IAB's
 * current JavaScript library writes. Like that library, Gardien reads a sub-section the specification's way when this
 * reproduces its bits, and the older way otherwise. (Both ways agree on the strings Gardien writes, which list no
 * vendor.)
 */
final class TcfCanada {

    private static final BitStringEncoder BITS = BitStringEncoder.getInstance();

    private TcfCanada() {}

    static Map<String, Object> core(String encoded) {
        var names = TcfCaV1Field.TCFCAV1_CORE_SEGMENT_FIELD_NAMES;
        return read(encoded, names, specCore(), new TcfCaV1CoreSegment(encoded));
    }

    static Map<String, Object> disclosedVendors(String encoded) {
        var fields = new EncodableBitStringFields();
        fields.put(TcfCaV1Field.DISCLOSED_VENDORS_SEGMENT_TYPE, new EncodableFixedInteger(3, 1));
        fields.put(TcfCaV1Field.DISCLOSED_VENDORS, new EncodableOptimizedFibonacciRange(new ArrayList<>()));
        var names = TcfCaV1Field.TCFCAV1_DISCLOSED_VENDORS_SEGMENT_FIELD_NAMES;
        return read(encoded, names, fields, new TcfCaV1DisclosedVendorsSegment(encoded));
    }

    private static Map<String, Object> read(
            String encoded, List<String> names, EncodableBitStringFields spec, EncodableSegment older) {
        var values = new LinkedHashMap<String, Object>();
        var bits = CompressedBase64UrlEncoder.getInstance().decode(encoded);
        try {
            BITS.decode(bits, names, spec);
            if (bits.startsWith(BITS.encode(spec, names))) { // the rest is base64 padding
                names.forEach(name -> values.put(name, spec.get(name).getValue()));
                return values;
            }
        } catch (RuntimeException e) {
            if (IabDecoder.tooManyIds(e)) {
                throw e; // too many the specification's way: never read again the older way, which counts nothing
            }
            // not the specification's encoding: the older one below
        }
        names.forEach(name -> values.put(name, older.getFieldValue(name)));
        return values;
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
        fields.put(TcfCaV1Field.PUB_RESTRICTIONS, new FibonacciRanges(6, 2));
        return fields;
    }

    private static List<Boolean> falses(int count) {
        return new ArrayList<>(Collections.nCopies(count, false));
    }

    /**
     * An N-ArrayOfRanges(key, type) whose ids are OptimizedRanges (Fibonacci coded), as the GPP specification defines
     * it: a 12-bit count, then per entry its key, its type and its ids.
     */
    static final class FibonacciRanges extends AbstractEncodableBitStringDataType<List<RangeEntry>> {

        private final int keyBits;
        private final int typeBits;

        FibonacciRanges(int keyBits, int typeBits) {
            super(true);
            this.keyBits = keyBits;
            this.typeBits = typeBits;
            this.value = new ArrayList<>();
        }

        @Override
        public String encode() {
            var out = new StringBuilder(FixedIntegerEncoder.encode(value.size(), 12));
            for (var entry : value) {
                out.append(FixedIntegerEncoder.encode(entry.getKey(), keyBits));
                out.append(FixedIntegerEncoder.encode(entry.getType(), typeBits));
                out.append(new EncodableOptimizedFibonacciRange(entry.getIds()).encode());
            }
            return out.toString();
        }

        @Override
        public void decode(String bits) {
            try {
                var entries = new ArrayList<RangeEntry>();
                int size = FixedIntegerEncoder.decode(bits.substring(0, 12));
                int index = 12;
                long ids = 0; // counted as decoded: 8,192 ids an entry, 4,095 entries in 10 KB (attacker's probe)
                for (int i = 0; i < size; i++) {
                    int key = FixedIntegerEncoder.decode(bits.substring(index, index + keyBits));
                    index += keyBits;
                    int type = FixedIntegerEncoder.decode(bits.substring(index, index + typeBits));
                    index += typeBits;
                    var range = new EncodableOptimizedFibonacciRange(new ArrayList<>());
                    var part = range.substring(bits, index);
                    range.decode(part);
                    index += part.length();
                    ids += range.getValue().size();
                    if (ids > IabDecoder.MAX_IDS) {
                        throw new IabDecoder.TooManyIds();
                    }
                    entries.add(new RangeEntry(key, type, range.getValue()));
                }
                value = entries;
            } catch (IabDecoder.TooManyIds e) {
                throw e;
            } catch (SubstringException | RuntimeException e) {
                throw new DecodingException(e);
            }
        }

        @Override
        public String substring(String bits, int from) throws SubstringException {
            try {
                int size = FixedIntegerEncoder.decode(bits.substring(from, from + 12));
                int index = from + 12;
                for (int i = 0; i < size; i++) {
                    index += keyBits + typeBits;
                    index += new EncodableOptimizedFibonacciRange(new ArrayList<>())
                            .substring(bits, index)
                            .length();
                }
                return bits.substring(from, index);
            } catch (RuntimeException e) {
                throw new SubstringException(e);
            }
        }
    }
}
