package ca.gardien.consent;

import com.iab.gpp.encoder.field.EncodableBitStringFields;
import com.iab.gpp.encoder.segment.EncodableSegment;
import com.iab.gpp.encoder.segment.TcfCaV1PublisherPurposesSegment;
import com.iab.gpp.encoder.segment.TcfEuV2CoreSegment;
import com.iab.gpp.encoder.segment.TcfEuV2PublisherPurposesSegment;
import com.iab.gpp.encoder.segment.TcfEuV2VendorsAllowedSegment;
import com.iab.gpp.encoder.segment.TcfEuV2VendorsDisclosedSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GPP sections that carry vendor ranges, the EU TCF ({@code tcfeuv2}) and the Canadian TCF ({@code tcfcav1}), read
 * sub-section by sub-section with IAB's library's layouts and every id counted as it is read ({@link CountedFields}).
 * The sub-section type is the value of the first 3 bits; the core comes first.
 */
final class TcfSections {

    private static final int TYPE_BITS = 3;

    private TcfSections() {}

    static boolean known(String name) {
        return "tcfeuv2".equals(name) || "tcfcav1".equals(name);
    }

    /** The section's sub-sections present in {@code encoded} (joined by dots), as JSON-ready maps. */
    static List<Map<String, Object>> describe(String name, String encoded, IabDecoder.Budget budget) {
        boolean canadian = "tcfcav1".equals(name);
        var parts = encoded.split("\\.", -1);
        var result = new ArrayList<Map<String, Object>>();
        result.add(canadian ? GppSections.json(TcfCanada.core(parts[0], budget)) : european(0, parts[0], budget));
        for (int i = 1; i < parts.length; i++) {
            int type = GppSections.type(parts[i], TYPE_BITS);
            var sub = type < 1 ? null : canadian ? canadian(type, parts[i], budget) : european(type, parts[i], budget);
            if (sub != null) {
                result.add(sub);
            }
        }
        return result;
    }

    private static Map<String, Object> canadian(int type, String part, IabDecoder.Budget budget) {
        var layout = new EncodableBitStringFields();
        return switch (type) {
            case 1 -> GppSections.json(TcfCanada.disclosedVendors(part, budget));
            case 3 ->
                read(
                        part,
                        new TcfCaV1PublisherPurposesSegment() {
                            {
                                layout.reset(fields);
                            }
                        },
                        layout,
                        budget);
            default -> null;
        };
    }

    /** {@code type} 0 is the core, the first sub-section (its first bits are its version). */
    private static Map<String, Object> european(int type, String part, IabDecoder.Budget budget) {
        var layout = new EncodableBitStringFields();
        EncodableSegment segment = switch (type) {
            case 0 ->
                new TcfEuV2CoreSegment() {
                    {
                        layout.reset(fields);
                    }
                };
            case 1 ->
                new TcfEuV2VendorsDisclosedSegment() {
                    {
                        layout.reset(fields);
                    }
                };
            case 2 ->
                new TcfEuV2VendorsAllowedSegment() {
                    {
                        layout.reset(fields);
                    }
                };
            case 3 ->
                new TcfEuV2PublisherPurposesSegment() {
                    {
                        layout.reset(fields);
                    }
                };
            default -> null;
        };
        return segment == null ? null : read(part, segment, layout, budget);
    }

    /** The sub-section's values, read with {@code layout}: the fields of {@code segment} (IAB's library). */
    private static Map<String, Object> read(
            String part, EncodableSegment segment, EncodableBitStringFields layout, IabDecoder.Budget budget) {
        var bits = CountedFields.bits(part);
        return GppSections.json(CountedFields.decode(bits, segment.getFieldNames(), layout, budget));
    }
}
