package ca.gardien.consent;

import com.iab.gpp.encoder.bitstring.BitStringEncoder;
import com.iab.gpp.encoder.datatype.AbstractEncodableBitStringDataType;
import com.iab.gpp.encoder.datatype.EncodableArrayOfFixedIntegerRanges;
import com.iab.gpp.encoder.datatype.EncodableFixedIntegerRange;
import com.iab.gpp.encoder.datatype.RangeEntry;
import com.iab.gpp.encoder.datatype.SubstringException;
import com.iab.gpp.encoder.datatype.encoder.FixedIntegerEncoder;
import com.iab.gpp.encoder.error.DecodingException;
import com.iab.gpp.encoder.field.EncodableBitStringFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fields of a GPP sub-section, as IAB's library lays them out, with every id and list entry counted against an
 * {@link IabDecoder.Budget} as it is decoded. IAB's library caps a single range at 8,193 ids but not an array of
 * ranges (up to 4,095 of them in a field), so arrays are read here range by range.
 */
final class CountedFields {

    private static final BitStringEncoder BITS = BitStringEncoder.getInstance();

    private CountedFields() {}

    /**
     * The values of a sub-section given as bits, decoded with the fields of {@code layout} (replaced by counting ones).
     */
    static Map<String, Object> decode(
            String bits, List<String> names, EncodableBitStringFields layout, IabDecoder.Budget budget) {
        layout.getAll().forEach((name, field) -> layout.put(name, counted(field, budget)));
        BITS.decode(bits, names, layout);
        var values = new LinkedHashMap<String, Object>();
        names.forEach(name -> values.put(name, layout.get(name).getValue()));
        return values;
    }

    /**
     * The bits of a base64url text, in linear time (IAB's library appends each character's bits to a new string, so a
     * 10,000-character text made it allocate 300 MB).
     */
    static String bits(String base64url) {
        var bits = new StringBuilder(base64url.length() * 6);
        for (int i = 0; i < base64url.length(); i++) {
            int sextet = GppSections.BASE64URL.indexOf(base64url.charAt(i));
            if (sextet < 0) {
                throw new DecodingException("not base64url");
            }
            for (int bit = 5; bit >= 0; bit--) {
                bits.append((char) ('0' + (sextet >> bit & 1)));
            }
        }
        return bits.toString();
    }

    private static AbstractEncodableBitStringDataType<?> counted(
            AbstractEncodableBitStringDataType<?> field, IabDecoder.Budget budget) {
        return switch (field) {
            // both TCF sections' publisher restrictions: a 6-bit purpose, a 2-bit restriction type
            case EncodableArrayOfFixedIntegerRanges array ->
                new Ranges(6, 2, () -> new EncodableFixedIntegerRange(new ArrayList<>()), array.getHardFailIfMissing())
                        .countedOn(budget);
            case Ranges ranges -> ranges.countedOn(budget);
            default -> new Counted(field, budget);
        };
    }

    /** A field of IAB's library whose value, when a list, is counted once decoded. */
    private static final class Counted extends AbstractEncodableBitStringDataType<Object> {

        private final AbstractEncodableBitStringDataType<?> field;
        private final IabDecoder.Budget budget;

        Counted(AbstractEncodableBitStringDataType<?> field, IabDecoder.Budget budget) {
            super(field.getHardFailIfMissing());
            this.field = field;
            this.budget = budget;
        }

        @Override
        public String encode() {
            return field.encode();
        }

        @Override
        public void decode(String bits) {
            field.decode(bits);
            if (field.getValue() instanceof Collection<?> values) {
                budget.take(values.size());
            }
        }

        @Override
        public String substring(String bits, int from) throws SubstringException {
            return field.substring(bits, from);
        }

        @Override
        public boolean hasValue() {
            return field.hasValue();
        }

        @Override
        public Object getValue() {
            return field.getValue();
        }

        @Override
        public void setValue(Object value) {
            field.setValue(value);
        }
    }

    /**
     * An N-ArrayOfRanges(key, type): a 12-bit count, then per entry its key, its type and its ids, whose encoding
     * ({@code ids}) is fixed-integer ranges in IAB's Java library and Fibonacci-coded OptimizedRanges in the GPP
     * specification's Canadian section. Each entry's ids are counted as soon as read.
     */
    static final class Ranges extends AbstractEncodableBitStringDataType<List<RangeEntry>> {

        private final int keyBits;
        private final int typeBits;
        private final Supplier<AbstractEncodableBitStringDataType<List<Integer>>> ids;
        private IabDecoder.Budget budget;

        Ranges(
                int keyBits,
                int typeBits,
                Supplier<AbstractEncodableBitStringDataType<List<Integer>>> ids,
                boolean hardFailIfMissing) {
            super(hardFailIfMissing);
            this.keyBits = keyBits;
            this.typeBits = typeBits;
            this.ids = ids;
            this.value = new ArrayList<>();
        }

        private Ranges countedOn(IabDecoder.Budget budget) {
            this.budget = budget;
            return this;
        }

        @Override
        public String encode() {
            var out = new StringBuilder(FixedIntegerEncoder.encode(value.size(), 12));
            for (var entry : value) {
                out.append(FixedIntegerEncoder.encode(entry.getKey(), keyBits));
                out.append(FixedIntegerEncoder.encode(entry.getType(), typeBits));
                var range = ids.get();
                range.setValue(new ArrayList<>(entry.getIds()));
                out.append(range.encode());
            }
            return out.toString();
        }

        @Override
        public void decode(String bits) {
            try {
                var entries = new ArrayList<RangeEntry>();
                int size = FixedIntegerEncoder.decode(bits.substring(0, 12));
                int index = 12;
                for (int i = 0; i < size; i++) {
                    int key = FixedIntegerEncoder.decode(bits.substring(index, index + keyBits));
                    index += keyBits;
                    int type = FixedIntegerEncoder.decode(bits.substring(index, index + typeBits));
                    index += typeBits;
                    var range = ids.get();
                    var part = range.substring(bits, index);
                    range.decode(part);
                    index += part.length();
                    var taken = range.getValue();
                    budget.take(taken.size());
                    entries.add(new RangeEntry(key, type, taken));
                }
                value = entries;
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
                    index += ids.get().substring(bits, index).length();
                }
                return bits.substring(from, index);
            } catch (RuntimeException e) {
                throw new SubstringException(e);
            }
        }
    }
}
