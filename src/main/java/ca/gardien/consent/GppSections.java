package ca.gardien.consent;

import com.iab.gpp.encoder.datatype.RangeEntry;
import com.iab.gpp.encoder.field.TcfCaV1Field;
import com.iab.gpp.encoder.field.TcfEuV2Field;
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
import com.iab.gpp.encoder.segment.TcfCaV1PublisherPurposesSegment;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GPP sections that IAB's Java library decodes, with the fields of each sub-section, so that a decoded section is
 * reported as the GPP CMP API's {@code getSection} gives it: an array with one object per sub-section present in the
 * string (core first), each object holding every field of that sub-section under its specification name.
 */
final class GppSections {

    /** An optional sub-section: the value of its type field (read from its first bits) and its fields. */
    private record Sub(int type, List<String> fields) {}

    /** A section: its core fields, how many bits the sub-section type takes, its optional sub-sections. */
    private record Layout(List<String> core, int typeBits, List<Sub> subs) {}

    private static final Map<String, Layout> KNOWN = Map.ofEntries(
            Map.entry(
                    "tcfeuv2",
                    tcf(
                            TcfEuV2Field.TCFEUV2_CORE_SEGMENT_FIELD_NAMES,
                            new Sub(1, TcfEuV2Field.TCFEUV2_VENDORS_DISCLOSED_SEGMENT_FIELD_NAMES),
                            new Sub(2, TcfEuV2Field.TCFEUV2_VENDORS_ALLOWED_SEGMENT_FIELD_NAMES),
                            new Sub(3, TcfEuV2Field.TCFEUV2_PUBLISHER_PURPOSES_SEGMENT_FIELD_NAMES))),
            Map.entry(
                    "tcfcav1",
                    tcf(
                            TcfCaV1Field.TCFCAV1_CORE_SEGMENT_FIELD_NAMES,
                            new Sub(1, TcfCaV1Field.TCFCAV1_DISCLOSED_VENDORS_SEGMENT_FIELD_NAMES),
                            new Sub(3, TcfCaV1Field.TCFCAV1_PUBLISHER_PURPOSES_SEGMENT_FIELD_NAMES))),
            Map.entry("uspv1", us(UspV1Field.USPV1_CORE_SEGMENT_FIELD_NAMES, null)),
            Map.entry("usnat", us(UsNatField.USNAT_CORE_SEGMENT_FIELD_NAMES, UsNatField.USNAT_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usca", us(UsCaField.USCA_CORE_SEGMENT_FIELD_NAMES, UsCaField.USCA_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usva", us(UsVaField.USVA_CORE_SEGMENT_FIELD_NAMES, null)),
            Map.entry("usco", us(UsCoField.USCO_CORE_SEGMENT_FIELD_NAMES, UsCoField.USCO_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usut", us(UsUtField.USUT_CORE_SEGMENT_FIELD_NAMES, null)),
            Map.entry("usct", us(UsCtField.USCT_CORE_SEGMENT_FIELD_NAMES, UsCtField.USCT_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usfl", us(UsFlField.USFL_CORE_SEGMENT_FIELD_NAMES, null)),
            Map.entry("usmt", us(UsMtField.USMT_CORE_SEGMENT_FIELD_NAMES, UsMtField.USMT_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usor", us(UsOrField.USOR_CORE_SEGMENT_FIELD_NAMES, UsOrField.USOR_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("ustx", us(UsTxField.USTX_CORE_SEGMENT_FIELD_NAMES, UsTxField.USTX_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usde", us(UsDeField.USDE_CORE_SEGMENT_FIELD_NAMES, UsDeField.USDE_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usia", us(UsIaField.USIA_CORE_SEGMENT_FIELD_NAMES, UsIaField.USIA_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usne", us(UsNeField.USNE_CORE_SEGMENT_FIELD_NAMES, UsNeField.USNE_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usnh", us(UsNhField.USNH_CORE_SEGMENT_FIELD_NAMES, UsNhField.USNH_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("usnj", us(UsNjField.USNJ_CORE_SEGMENT_FIELD_NAMES, UsNjField.USNJ_GPC_SEGMENT_FIELD_NAMES)),
            Map.entry("ustn", us(UsTnField.USTN_CORE_SEGMENT_FIELD_NAMES, UsTnField.USTN_GPC_SEGMENT_FIELD_NAMES)));

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private GppSections() {}

    private static Layout tcf(List<String> core, Sub... subs) {
        return new Layout(core, 3, List.of(subs));
    }

    private static Layout us(List<String> core, List<String> gpc) {
        return new Layout(core, 2, gpc == null ? List.of() : List.of(new Sub(1, gpc)));
    }

    static boolean known(String name) {
        return name != null && KNOWN.containsKey(name);
    }

    /**
     * The section's sub-sections as JSON-ready maps. {@code encoded} is the section's own part of the GPP string (its
     * sub-sections joined by dots), which tells which optional sub-sections are present.
     */
    static List<Map<String, Object>> describe(String name, EncodableSection section, String encoded) {
        var layout = KNOWN.get(name);
        var parts = encoded.split("\\.", -1);
        boolean canadian = "tcfcav1".equals(name); // read sub-section by sub-section: see TcfCanada
        var result = new ArrayList<Map<String, Object>>();
        result.add(canadian ? json(TcfCanada.core(parts[0])) : fields(section, layout.core()));
        for (int i = 1; i < parts.length; i++) {
            int type = type(parts[i], layout.typeBits());
            var part = parts[i];
            layout.subs().stream()
                    .filter(sub -> sub.type() == type)
                    .findFirst()
                    .ifPresent(
                            sub -> result.add(canadian ? json(canadian(type, part)) : fields(section, sub.fields())));
        }
        return result;
    }

    private static Map<String, Object> canadian(int type, String part) {
        if (type == 1) {
            return TcfCanada.disclosedVendors(part);
        }
        var publisher = new TcfCaV1PublisherPurposesSegment(part);
        var values = new LinkedHashMap<String, Object>();
        publisher.getFieldNames().forEach(field -> values.put(field, publisher.getFieldValue(field)));
        return values;
    }

    private static Map<String, Object> json(Map<String, Object> values) {
        var fields = new LinkedHashMap<String, Object>();
        values.forEach((field, value) -> fields.put(field, json(value)));
        return fields;
    }

    private static int type(String part, int bits) {
        int sextet = part.isEmpty() ? -1 : BASE64URL.indexOf(part.charAt(0));
        return sextet < 0 ? -1 : sextet >> (6 - bits);
    }

    private static Map<String, Object> fields(EncodableSection section, List<String> names) {
        var fields = new LinkedHashMap<String, Object>();
        names.forEach(name -> fields.put(name, json(section.getFieldValue(name))));
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
}
