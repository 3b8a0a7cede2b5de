package ca.gardien.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Compares what IAB's JavaScript decoders read (IabConformanceTest) with what Gardien reports, field by field. */
final class IabFields {

    private IabFields() {}

    /**
     * IAB's JavaScript library flattens a section into one object and gives the fields of an optional sub-section the
     * string does not hold their default values; Gardien, like the GPP CMP API's getSection, lists only the
     * sub-sections present. Such fields must then hold only their defaults, and are left out of the comparison.
     */
    static void absentSubsection(SoftAssertions softly, String name, String section, ObjectNode want, JsonNode got) {
        if (section.equals("tcfcav1") && got.path("DisclosedVendorsSegmentType").isMissingNode()) {
            softly.assertThat(want.remove("DisclosedVendorsSegmentType").asInt())
                    .as(name)
                    .isEqualTo(1);
            softly.assertThat(want.remove("DisclosedVendors").isEmpty())
                    .as(name)
                    .isTrue();
        }
    }

    /** Every field IAB's decoder read is in Gardien's answer with the same value. */
    static void compare(SoftAssertions softly, String name, JsonNode expected, JsonNode actual) {
        for (var field : expected.propertyNames()) {
            var want = expected.path(field);
            var got = actual.path(field);
            softly.assertThat(got.isMissingNode())
                    .as(name + ": Gardien reports " + field)
                    .isFalse();
            if (field.equals("created")
                    || field.equals("lastUpdated")
                    || field.equals("Created")
                    || field.equals("LastUpdated")) {
                softly.assertThat(instant(got)).as(name + " " + field).isEqualTo(instant(want));
            } else if (field.equals("publisherRestrictions")) { // IAB's encoder orders them its own way
                softly.assertThat(sorted(got)).as(name + " " + field).isEqualTo(sorted(want));
            } else {
                softly.assertThat(got).as(name + " " + field).isEqualTo(want);
            }
        }
    }

    static List<String> sorted(JsonNode restrictions) {
        var all = new ArrayList<String>();
        restrictions.forEach(r -> all.add(r.path("purposeId").asInt() + "/"
                + r.path("restrictionType").asInt() + "/" + ints(r.path("vendorIds"))));
        all.sort(null);
        return all;
    }

    static Instant day(Instant at) {
        return at.truncatedTo(ChronoUnit.DAYS);
    }

    static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }

    static List<Integer> ints(JsonNode array) {
        var ids = new ArrayList<Integer>();
        array.forEach(n -> ids.add(n.asInt()));
        return ids;
    }

    static List<Integer> bitIds(JsonNode bits) {
        var ids = new TreeSet<Integer>();
        for (int i = 0; i < bits.size(); i++) {
            if (bits.get(i).asBoolean()) {
                ids.add(i + 1);
            }
        }
        return List.copyOf(ids);
    }
}
