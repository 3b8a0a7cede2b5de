package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.shared.InvalidInputException;
import com.iab.gpp.encoder.GppModel;
import com.iab.gpp.encoder.datatype.RangeEntry;
import com.iab.gpp.encoder.field.HeaderV1Field;
import com.iab.gpp.encoder.section.HeaderV1;
import com.iabtcf.encoder.PublisherRestrictionEntry;
import com.iabtcf.encoder.TCStringEncoder;
import com.iabtcf.v2.RestrictionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every field of strings made by IAB's Java encoders comes back from Gardien's decoder. (IabConformanceTest does the
 * same with strings made by IAB's JavaScript encoders, when Node is installed.)
 */
class IabDecoderTest {

    @Test
    void reportsLegitimateInterestsSpecialFeaturesVendorsRestrictionsAndThePublisherSegmentOfATcfString() {
        var day = Instant.parse("2026-11-29T00:00:00Z");
        var tc = TCStringEncoder.newBuilder()
                .version(2)
                .created(Instant.parse("2026-11-20T00:00:00Z"))
                .lastUpdated(day)
                .cmpId(300)
                .cmpVersion(7)
                .consentScreen(3)
                .consentLanguage("FR")
                .vendorListVersion(48)
                .tcfPolicyVersion(5)
                .isServiceSpecific(true)
                .purposeOneTreatment(true)
                .publisherCC("CA")
                .addPurposesConsent(1)
                .addPurposesConsent(2)
                .addPurposesLITransparency(7)
                .addPurposesLITransparency(9)
                .addSpecialFeatureOptIns(1)
                .addSpecialFeatureOptIns(2)
                .addVendorConsent(2)
                .addVendorConsent(8)
                .addVendorLegitimateInterest(6)
                .addPublisherRestrictionEntry(PublisherRestrictionEntry.newBuilder()
                        .purposeId(2)
                        .restrictionType(RestrictionType.REQUIRE_CONSENT)
                        .addVendor(6)
                        .addVendor(7)
                        .build())
                .addDisclosedVendors(2)
                .addDisclosedVendors(6)
                .addPubPurposesConsent(3)
                .addPubPurposesLITransparency(7)
                .addCustomPurposesConsent(1)
                .addCustomPurposesLITransparency(2)
                .encode();

        var decoded = IabDecoder.tcf(tc, "tcf");
        assertThat(decoded.created()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(decoded.lastUpdated()).isEqualTo(day);
        assertThat(decoded.consentScreen()).isEqualTo(3);
        assertThat(decoded.purposeOneTreatment()).isTrue();
        assertThat(decoded.purposeConsents()).containsExactly(1, 2);
        assertThat(decoded.purposeLegitimateInterests()).containsExactly(7, 9);
        assertThat(decoded.specialFeatureOptins()).containsExactly(1, 2);
        assertThat(decoded.vendorConsents()).containsExactly(2, 8);
        assertThat(decoded.vendorLegitimateInterests()).containsExactly(6);
        assertThat(decoded.publisherRestrictions())
                .containsExactly(new IabDecoder.Restriction(2, 1, new java.util.TreeSet<>(List.of(6, 7))));
        assertThat(decoded.vendorsDisclosed()).containsExactly(2, 6);
        assertThat(decoded.publisherConsents()).containsExactly(3);
        assertThat(decoded.publisherLegitimateInterests()).containsExactly(7);
        assertThat(decoded.publisherCustomConsents()).containsExactly(1);
        assertThat(decoded.publisherCustomLegitimateInterests()).containsExactly(2);
    }

    @Test
    void decodesAGppStringThatHoldsOnlyAUsNationalSectionWithItsGpcSubsection() {
        var model = new GppModel();
        model.setFieldValue("usnat", "SaleOptOutNotice", 1);
        model.setFieldValue("usnat", "SaleOptOut", 2);
        model.setFieldValue("usnat", "MspaCoveredTransaction", 1);
        model.setFieldValue("usnat", "GpcSegmentIncluded", true);
        model.setFieldValue("usnat", "Gpc", true);

        var decoded = IabDecoder.gpp(model.encode(), "gpp");
        assertThat(decoded.sectionIds()).containsExactly(7);
        assertThat(decoded.otherSectionIds()).isEmpty();
        var usnat = decoded.sections().get("usnat");
        assertThat(usnat).hasSize(2);
        assertThat(usnat.get(0)).containsEntry("SaleOptOutNotice", 1).containsEntry("SaleOptOut", 2);
        assertThat(usnat.get(0)).containsKeys("SensitiveDataProcessing", "KnownChildSensitiveDataConsents");
        assertThat(usnat.get(1)).isEqualTo(Map.of("GpcSegmentType", 1, "Gpc", true));
    }

    @Test
    void listsBySectionIdTheSectionsItCannotDecode() {
        var usnat = new GppModel();
        usnat.setFieldValue("usnat", "SaleOptOut", 1);
        var part = usnat.encode().split("~")[1];
        var header = new HeaderV1();
        header.setFieldValue(HeaderV1Field.SECTION_IDS, List.of(4, 7, 30));
        var text = header.encode() + "~BAAA~" + part + "~QgAA";

        var decoded = IabDecoder.gpp(text, "gpp");
        assertThat(decoded.sectionIds()).containsExactly(4, 7, 30);
        assertThat(decoded.sections()).containsOnlyKeys("usnat");
        assertThat(decoded.sections().get("usnat").getFirst()).containsEntry("SaleOptOut", 1);
        assertThat(decoded.otherSectionIds()).containsExactly(4, 30);
    }

    /** Made by IAB's JavaScript library (@iabgpp/cmpapi 3.2.0): vendor lists as Fibonacci-coded ranges. */
    static final String JS_CANADIAN =
            "DBABDA~BQusMA-QusMA-EuAAAENAACAAAAAAAAAAABRAENZisAKYASaBgAhIAPQAs2gwA.YAAAAAAAAAA";

    @Test
    void readsTheCanadianVendorListsAndRestrictionsAsTheSpecificationAndIabsJavaScriptLibraryEncodeThem() {
        // IAB's Java library 3.2 reads these fields with fixed-integer ranges and fails on this string
        assertThatThrownBy(() -> new GppModel(JS_CANADIAN).getSection("tcfcav1").getFieldValue("CmpId"))
                .isInstanceOf(RuntimeException.class);

        var core = IabDecoder.gpp(JS_CANADIAN, "gpp").sections().get("tcfcav1").getFirst();
        assertThat(core).containsEntry("CmpId", 302);
        assertThat(core).containsEntry("VendorExpressConsent", List.of(2, 6, 8, 40));
        assertThat(core).containsEntry("VendorImpliedConsent", List.of(6, 41));
        assertThat(core)
                .containsEntry("PubRestrictions", List.of(Map.of("key", 2, "type", 1, "ids", List.of(6, 7, 8, 30))));
    }

    @Test
    void stillReadsCanadianSectionsThatIabsJavaLibraryWroteWithFixedIntegerRanges() {
        var model = new GppModel();
        model.setFieldValue("tcfcav1", "VendorExpressConsent", List.of(2, 3, 4, 5, 6, 7, 8, 9, 900));
        var text = model.encode();
        assertThat(new GppModel(text).getSection("tcfcav1").getFieldValue("VendorExpressConsent"))
                .isEqualTo(List.of(2, 3, 4, 5, 6, 7, 8, 9, 900)); // written as ranges, the Java library's way
        var core = IabDecoder.gpp(text, "gpp").sections().get("tcfcav1").getFirst();
        assertThat(core).containsEntry("VendorExpressConsent", List.of(2, 3, 4, 5, 6, 7, 8, 9, 900));
    }

    @Test
    void refusesAStringWhoseRangesDeclareMoreIdsThanAnyRealString() {
        var model = new GppModel();
        var restrictions = new java.util.ArrayList<com.iab.gpp.encoder.datatype.RangeEntry>();
        var many = java.util.stream.IntStream.rangeClosed(1, 8000).boxed().toList();
        for (int purpose = 1; purpose <= 13; purpose++) {
            restrictions.add(new com.iab.gpp.encoder.datatype.RangeEntry(purpose, 1, new java.util.ArrayList<>(many)));
        }
        model.setFieldValue("tcfcav1", "PubRestrictions", restrictions);
        var text = model.encode();
        assertThat(text.length()).isLessThan(1_000);
        refusedForTooManyIds(() -> IabDecoder.gpp(text, "gpp"));
    }

    /**
     * Attacker's review (2026-12-07): 400 publisher restrictions of vendors 1–65,535 in a 2.4 KB TCF string were each
     * expanded into a set before the count was checked, and the node ran out of memory; the ids are now counted as
     * they are taken, so a string that declares millions is refused having held at most the limit.
     */
    @Test
    void refusesATcfStringWhoseRestrictionsDeclareMillionsOfVendorsHoldingNoMoreThanTheLimit() {
        var encoder = TCStringEncoder.newBuilder()
                .version(2)
                .created(Instant.parse("2026-11-20T00:00:00Z"))
                .lastUpdated(Instant.parse("2026-11-20T00:00:00Z"))
                .cmpId(300)
                .consentLanguage("FR")
                .vendorListVersion(48)
                .tcfPolicyVersion(4)
                .publisherCC("CA");
        for (int purpose = 1; purpose <= 24; purpose++) {
            for (var type : List.of(
                    RestrictionType.NOT_ALLOWED,
                    RestrictionType.REQUIRE_CONSENT,
                    RestrictionType.REQUIRE_LEGITIMATE_INTEREST)) {
                var restriction = PublisherRestrictionEntry.newBuilder()
                        .purposeId(purpose)
                        .restrictionType(type);
                for (int vendor = 1; vendor <= 65_535; vendor++) {
                    restriction.addVendor(vendor);
                }
                encoder.addPublisherRestrictionEntry(restriction.build());
            }
        }
        var text = encoder.encode();
        assertThat(text.length())
                .as("72 restrictions of 65,535 vendors: a short string")
                .isLessThan(1_000);

        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        refusedForTooManyIds(() -> IabDecoder.tcf(text, "tcf"));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated)
                .as("bytes allocated decoding 4.7 million declared ids (each held would take about 500 MB)")
                .isLessThan(64L << 20);
    }

    /**
     * Attacker's second pass (2026-12-07): a GPP string whose EU TCF section lists 1,120 publisher restrictions of ids
     * 1–8,193 (9,958 characters) made IAB's library expand 9 million ids before Gardien could count them; eight at once
     * ran the node out of memory. Each restriction's ids are now counted as they are read, so the section is refused by
     * that count, having held no more than the limit; so is a Canadian section, read the specification's way or the
     * older way (fixed-integer ranges, as IAB's Java library writes them).
     */
    @ParameterizedTest
    @CsvSource({"tcfeuv2, PublisherRestrictions", "tcfcav1, PubRestrictions"})
    void refusesAGppSectionWhoseRestrictionsDeclareMillionsOfIdsHoldingNoMoreThanTheLimit(
            String section, String field) {
        var model = new GppModel();
        var restrictions = new ArrayList<RangeEntry>();
        var ids = IntStream.rangeClosed(1, 8193).boxed().toList();
        for (int i = 0; i < 1120; i++) {
            restrictions.add(new RangeEntry(i % 64, i % 3, new ArrayList<>(ids)));
        }
        model.setFieldValue(section, field, restrictions);
        var text = model.encode();
        assertThat(text.length()).isBetween(9_000, 10_000);

        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        refusedForTooManyIds(() -> IabDecoder.gpp(text, "gpp"));
        assertThat(threads.getCurrentThreadAllocatedBytes() - before)
                .as("9 million ids declared, at most 100,000 held, the section read in linear time")
                .isLessThan(32L << 20);
    }

    /**
     * The sections of a fixed layout are read by IAB's library, whose time grows with the square of a section's length
     * (a 10,000-character one took 0.6 s): one longer than any real one is refused.
     */
    @Test
    void refusesAUsSectionLongerThanItsFixedLayoutAllows() {
        var model = new GppModel();
        model.setFieldValue("usnat", "SaleOptOut", 1);
        var text = model.encode() + "A".repeat(GppSections.MAX_FIXED_SECTION);

        assertThatThrownBy(() -> IabDecoder.gpp(text, "gpp"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()
                                        .getFirst()
                                        .in(ca.gardien.shared.Bundles.messages(), java.util.Locale.CANADA)
                                        .message())
                                .isEqualTo("holds a section longer than 100 characters"));
    }

    /** A section longer than 2,000 characters (once refused for its length alone) is decoded when its ids are few. */
    @Test
    void decodesALongGppSectionWhoseIdsAreWithinTheLimit() {
        var model = new GppModel();
        var restrictions = new ArrayList<RangeEntry>();
        var scattered = IntStream.rangeClosed(1, 25).map(i -> i * 7).boxed().toList();
        for (int i = 0; i < 60; i++) {
            restrictions.add(new RangeEntry(1 + i / 3, i % 3, new ArrayList<>(scattered)));
        }
        model.setFieldValue("tcfeuv2", "PublisherRestrictions", restrictions);
        model.setFieldValue(
                "tcfeuv2",
                "VendorConsents",
                IntStream.rangeClosed(1, 5_000).boxed().toList());
        var text = model.encode();
        assertThat(text.length()).isGreaterThan(4_000);

        var core = IabDecoder.gpp(text, "gpp").sections().get("tcfeuv2").getFirst();
        assertThat((List<?>) core.get("PublisherRestrictions"))
                .hasSize(60)
                .first()
                .isEqualTo(Map.of("key", 1, "type", 0, "ids", scattered));
        assertThat((List<?>) core.get("VendorConsents")).hasSize(5_000);
    }

    @Test
    void reportsTheCanadianSectionsPublisherSubsectionOnlyWhenTheStringHasOne() {
        var model = new GppModel();
        model.setFieldValue("tcfcav1", "CmpId", 300);
        var withPublisher = IabDecoder.gpp(model.encode(), "gpp").sections().get("tcfcav1");
        assertThat(withPublisher).hasSize(2); // IAB's Java encoder always writes the publisher sub-section
        assertThat(withPublisher.get(1)).containsEntry("PubPurposesSegmentType", 3);
        var core = model.encode().split("~")[1].split("\\.")[0];
        var coreOnly = IabDecoder.gpp(model.encode().split("~")[0] + "~" + core, "gpp")
                .sections()
                .get("tcfcav1");
        assertThat(coreOnly).hasSize(1);
        assertThat(coreOnly.getFirst()).containsEntry("CmpId", 300);
    }

    private static void refusedForTooManyIds(org.assertj.core.api.ThrowableAssert.ThrowingCallable decoding) {
        assertThatThrownBy(decoding)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors()
                                        .getFirst()
                                        .in(ca.gardien.shared.Bundles.messages(), java.util.Locale.CANADA)
                                        .message())
                                .isEqualTo("holds more than 100000 ids"));
    }
}
