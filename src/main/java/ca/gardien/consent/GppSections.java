package ca.gardien.consent;

import com.iab.gpp.encoder.datatype.RangeEntry;
import com.iab.gpp.encoder.field.EncodableBitStringFields;
import com.iab.gpp.encoder.field.HeaderV1Field;
import com.iab.gpp.encoder.field.UsCaField;
import com.iab.gpp.encoder.field.UsCoField;
import com.iab.gpp.encoder.field.UsCtField;
import com.iab.gpp.encoder.field.UsDeField;
import com.iab.gpp.encoder.field.UsFlField;
import com.iab.gpp.encoder.field.UsIaField;
import com.iab.gpp.encoder.field.UsMtField;
import com.iab.gpp.encoder.field.UsNatField;
import com.iab.gpp.encoder.field.UsNeField;
import com.iab.gpp.encoder.field.UsNhField;
import com.iab.gpp.encoder.field.UsNjField;
import com.iab.gpp.encoder.field.UsOrField;
import com.iab.gpp.encoder.field.UsTnField;
import com.iab.gpp.encoder.field.UsTxField;
import com.iab.gpp.encoder.field.UsUtField;
import com.iab.gpp.encoder.field.UsVaField;
import com.iab.gpp.encoder.field.UspV1Field;
import com.iab.gpp.encoder.section.EncodableSection;
import com.iab.gpp.encoder.section.UsCa;
import com.iab.gpp.encoder.section.UsCo;
import com.iab.gpp.encoder.section.UsCt;
import com.iab.gpp.encoder.section.UsDe;
import com.iab.gpp.encoder.section.UsFl;
import com.iab.gpp.encoder.section.UsIa;
import com.iab.gpp.encoder.section.UsMt;
import com.iab.gpp.encoder.section.UsNat;
import com.iab.gpp.encoder.section.UsNe;
import com.iab.gpp.encoder.section.UsNh;
import com.iab.gpp.encoder.section.UsNj;
import com.iab.gpp.encoder.section.UsOr;
import com.iab.gpp.encoder.section.UsTn;
import com.iab.gpp.encoder.section.UsTx;
import com.iab.gpp.encoder.section.UsUt;
import com.iab.gpp.encoder.section.UsVa;
import com.iab.gpp.encoder.section.UspV1;
import com.iab.gpp.encoder.segment.HeaderV1CoreSegment;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The GPP sections that IAB's Java library decodes, with the fields of each sub-section, so that a decoded section is
 * reported as the GPP CMP API's {@code getSection} gives it: an array with one object per sub-section present in the
 * string (core first), each object holding every field of that sub-section under its specification name. The TCF
 * sections, which carry ranges, are read by {@link TcfSections}; the others here.
 */
final class GppSections {

    /** An optional sub-section: the value of its type field (read from its first bits) and its fields. */
    private record Sub(int type, List<String> fields) {}

    /**
     * A section: IAB's library's reader, its core fields, how many bits the sub-section type takes, its optional
     * sub-sections.
     */
    private record Layout(Function<String, EncodableSection> reader, List<String> core, int typeBits, List<Sub> subs) {}

    private static final Map<String, Layout> KNOWN = Map.ofEntries(
            Map.entry("uspv1", us(UspV1::new, UspV1Field.USPV1_CORE_SEGMENT_FIELD_NAMES, null)),
            Map.entry(
                    "usnat",
                    us(
                            UsNat::new,
                            UsNatField.USNAT_CORE_SEGMENT_FIELD_NAMES,
                            UsNatField.USNAT_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry(
                    "usca",
                    us(UsCa::new, UsCaField.USCA_CORE_SEGMENT_FIELD_NAMES, UsCaField.USCA_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usva", us(UsVa::new, UsVaField.USVA_CORE_SEGMENT_FIELD_NAMES, null)),
            Map.entry(
                    "usco",
                    us(UsCo::new, UsCoField.USCO_CORE_SEGMENT_FIELD_NAMES, UsCoField.USCO_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usut", us(UsUt::new, UsUtField.USUT_CORE_SEGMENT_FIELD_NAMES, null)),
            Map.entry(
                    "usct",
                    us(UsCt::new, UsCtField.USCT_CORE_SEGMENT_FIELD_NAMES, UsCtField.USCT_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usfl", us(UsFl::new, UsFlField.USFL_CORE_SEGMENT_FIELD_NAMES, null)),
            Map.entry(
                    "usmt",
                    us(UsMt::new, UsMtField.USMT_CORE_SEGMENT_FIELD_NAMES, UsMtField.USMT_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry(
                    "usor",
                    us(UsOr::new, UsOrField.USOR_CORE_SEGMENT_FIELD_NAMES, UsOrField.USOR_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry(
                    "ustx",
                    us(UsTx::new, UsTxField.USTX_CORE_SEGMENT_FIELD_NAMES, UsTxField.USTX_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry(
                    "usde",
                    us(UsDe::new, UsDeField.USDE_CORE_SEGMENT_FIELD_NAMES, UsDeField.USDE_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry(
                    "usia",
                    us(UsIa::new, UsIaField.USIA_CORE_SEGMENT_FIELD_NAMES, UsIaField.USIA_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry(
                    "usne",
                    us(UsNe::new, UsNeField.USNE_CORE_SEGMENT_FIELD_NAMES, UsNeField.USNE_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry(
                    "usnh",
                    us(UsNh::new, UsNhField.USNH_CORE_SEGMENT_FIELD_NAMES, UsNhField.USNH_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry(
                    "usnj",
                    us(UsNj::new, UsNjField.USNJ_CORE_SEGMENT_FIELD_NAMES, UsNjField.USNJ_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry(
                    "ustn",
                    us(UsTn::new, UsTnField.USTN_CORE_SEGMENT_FIELD_NAMES, UsTnField.USTN_GPC_SEGMENT_FIELD_NAMES)));

    /** The longest section of a fixed layout read (the longest real one is 16 characters). */
    static final int MAX_FIXED_SECTION = 100;

    static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private GppSections() {}

    private static Layout us(Function<String, EncodableSection> reader, List<String> core, List<String> gpc) {
        return new Layout(reader, core, 2, gpc == null ? List.of() : List.of(new Sub(1, gpc)));
    }

    static boolean known(String name) {
        return name != null && (KNOWN.containsKey(name) || TcfSections.known(name));
    }

    /** The GPP header's fields (its section ids counted), read in linear time. */
    static Map<String, Object> header(String encoded, IabDecoder.Budget budget) {
        var layout = new EncodableBitStringFields();
        new HeaderV1CoreSegment() {
            {
                layout.reset(fields);
            }
        };
        var names = HeaderV1Field.HEADER_CORE_SEGMENT_FIELD_NAMES;
        return CountedFields.decode(CountedFields.bits(encoded), names, layout, budget);
    }

    /**
     * The section's sub-sections as JSON-ready maps. {@code encoded} is the section's own part of the GPP string (its
     * sub-sections joined by dots), which tells which optional sub-sections are present. The other sections than the
     * TCF ones have fixed layouts, without ranges: IAB's library reads them, and their lists are counted once read.
     * Their real encodings are at most 16 characters; as IAB's library takes a time that grows with the square of the
     * length (10,000 characters: 0.6 s), a longer one than {@link #MAX_FIXED_SECTION} is refused.
     */
    static List<Map<String, Object>> describe(String name, String encoded, IabDecoder.Budget budget) {
        if (TcfSections.known(name)) {
            return TcfSections.describe(name, encoded, budget);
        }
        if (encoded.length() > MAX_FIXED_SECTION) {
            throw new SectionTooLong();
        }
        var layout = KNOWN.get(name);
        var section = layout.reader().apply(encoded);
        var parts = encoded.split("\\.", -1);
        var result = new ArrayList<Map<String, Object>>();
        result.add(fields(section, layout.core(), budget));
        for (int i = 1; i < parts.length; i++) {
            int type = type(parts[i], layout.typeBits());
            layout.subs().stream()
                    .filter(sub -> sub.type() == type)
                    .findFirst()
                    .ifPresent(sub -> result.add(fields(section, sub.fields(), budget)));
        }
        return result;
    }

    static Map<String, Object> json(Map<String, Object> values) {
        var fields = new LinkedHashMap<String, Object>();
        values.forEach((field, value) -> fields.put(field, json(value)));
        return fields;
    }

    /** The value of the first {@code bits} bits of a base64url sub-section: its type; -1 when it has none. */
    static int type(String part, int bits) {
        int sextet = part.isEmpty() ? -1 : BASE64URL.indexOf(part.charAt(0));
        return sextet < 0 ? -1 : sextet >> (6 - bits);
    }

    private static Map<String, Object> fields(EncodableSection section, List<String> names, IabDecoder.Budget budget) {
        var fields = new LinkedHashMap<String, Object>();
        for (var name : names) {
            var value = section.getFieldValue(name);
            if (value instanceof List<?> list) {
                budget.take(list.size());
            }
            fields.put(name, json(value));
        }
        return fields;
    }

    /** Library values as JSON: datetimes as instants, ranges as objects, lists element by element. */
    private static Object json(Object value) {
        if (value instanceof ZonedDateTime time) {
            return time.toInstant();
        }
        if (value instanceof RangeEntry range) {
            return Map.of("key", range.getKey(), "type", range.getType(), "ids", range.getIds());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(GppSections::json).toList();
        }
        return value;
    }

    /** A section of a fixed layout longer than {@link #MAX_FIXED_SECTION}. */
    static final class SectionTooLong extends RuntimeException {
        SectionTooLong() {
            super("longer than " + MAX_FIXED_SECTION, null, false, false);
        }
    }
}
