package ca.gardien.consent;

import ca.gardien.shared.InvalidInputException;
import com.iab.gpp.encoder.field.HeaderV1Field;
import com.iab.gpp.encoder.section.Sections;
import com.iabtcf.decoder.TCString;
import com.iabtcf.utils.IntIterable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Decodes IAB consent strings with IAB Tech Lab's libraries and reports every field they carry: the TCF v2 string
 * under the names of IAB's JavaScript {@code TCModel}, and each GPP section that IAB's Java library knows as the GPP
 * CMP API's {@code getSection} gives it; sections it does not know are listed by id. A string the libraries cannot
 * read is refused naming the input.
 */
final class IabDecoder {

    /**
     * The most ids (vendors, purposes, restriction entries) a decoded string may hold: a real string holds a few
     * thousand at most; ranges let a short string declare millions, which would make an answer of hundreds of MB.
     */
    static final int MAX_IDS = 100_000;

    /**
     * A GPP string: its header, the sections decoded (by API prefix, one object per sub-section) and the ids of the
     * sections present that Gardien cannot decode.
     */
    record Gpp(
            int version,
            List<Integer> sectionIds,
            Map<String, List<Map<String, Object>>> sections,
            List<Integer> otherSectionIds) {}

    /** A vendor restriction of the publisher: 0 not allowed, 1 require consent, 2 require legitimate interest. */
    record Restriction(int purposeId, int restrictionType, SortedSet<Integer> vendorIds) {}

    /** Every field of a TCF v2 string, named as in IAB's JavaScript {@code TCModel}. */
    record Tcf(
            int version,
            Instant created,
            Instant lastUpdated,
            int cmpId,
            int cmpVersion,
            int consentScreen,
            String consentLanguage,
            int vendorListVersion,
            int policyVersion,
            boolean isServiceSpecific,
            boolean useNonStandardTexts,
            boolean purposeOneTreatment,
            String publisherCountryCode,
            SortedSet<Integer> specialFeatureOptins,
            SortedSet<Integer> purposeConsents,
            SortedSet<Integer> purposeLegitimateInterests,
            SortedSet<Integer> vendorConsents,
            SortedSet<Integer> vendorLegitimateInterests,
            List<Restriction> publisherRestrictions,
            SortedSet<Integer> vendorsDisclosed,
            SortedSet<Integer> vendorsAllowed,
            SortedSet<Integer> publisherConsents,
            SortedSet<Integer> publisherLegitimateInterests,
            SortedSet<Integer> publisherCustomConsents,
            SortedSet<Integer> publisherCustomLegitimateInterests) {}

    private IabDecoder() {}

    /**
     * Decodes a GPP string; {@code field} names the input in the error. Every id and list entry decoded is counted
     * against one {@link Budget} as it is decoded, so that a string whose ranges declare more ids than {@link #MAX_IDS}
     * is refused by that count, whatever its length (attacker's second pass: 1,120 restrictions of ids 1–8,193 in
     * 9,958 characters made IAB's library expand 9 million ids before Gardien counted them). The header and the
     * sections that carry ranges (the TCF ones) are read by Gardien, in a time linear in their length.
     */
    static Gpp gpp(String text, String field) {
        var budget = new Budget();
        try {
            var parts = text.strip().split("~", -1);
            var header = GppSections.header(parts[0], budget);
            @SuppressWarnings("unchecked")
            var ids = List.copyOf((List<Integer>) header.get(HeaderV1Field.SECTION_IDS));
            if (parts.length != ids.size() + 1) {
                throw new IllegalArgumentException("the header lists " + ids.size() + " sections");
            }
            var sections = new LinkedHashMap<String, List<Map<String, Object>>>();
            var others = new ArrayList<Integer>();
            for (int i = 0; i < ids.size(); i++) {
                var name = Sections.SECTION_ID_NAME_MAP.get(ids.get(i));
                if (GppSections.known(name)) {
                    sections.put(name, GppSections.describe(name, parts[i + 1], budget));
                } else {
                    others.add(ids.get(i));
                }
            }
            return new Gpp((Integer) header.get(HeaderV1Field.VERSION), ids, sections, others);
        } catch (GppSections.SectionTooLong e) {
            throw new InvalidInputException(field, "consent.field.gpp-section-too-long", GppSections.MAX_FIXED_SECTION);
        } catch (RuntimeException e) { // the library fails lazily and with many exception types on bad input
            throw refusal(e, field, "consent.field.gpp-invalid");
        }
    }

    /** Decodes a TCF v2 string; {@code field} names the input in the error. */
    static Tcf tcf(String text, String field) {
        var budget = new Budget();
        try {
            var tc = TCString.decode(text.strip());
            if (tc.getVersion() != 2) {
                throw new IllegalArgumentException("not version 2");
            }
            var restrictions = tc.getPublisherRestrictions().stream()
                    .map(r -> new Restriction(
                            r.getPurposeId(), r.getRestrictionType().ordinal(), budget.ids(r.getVendorIds())))
                    .toList();
            var decoded = new Tcf(
                    tc.getVersion(),
                    tc.getCreated(),
                    tc.getLastUpdated(),
                    tc.getCmpId(),
                    tc.getCmpVersion(),
                    tc.getConsentScreen(),
                    tc.getConsentLanguage(),
                    tc.getVendorListVersion(),
                    tc.getTcfPolicyVersion(),
                    tc.isServiceSpecific(),
                    tc.getUseNonStandardStacks(),
                    tc.getPurposeOneTreatment(),
                    tc.getPublisherCC(),
                    budget.ids(tc.getSpecialFeatureOptIns()),
                    budget.ids(tc.getPurposesConsent()),
                    budget.ids(tc.getPurposesLITransparency()),
                    budget.ids(tc.getVendorConsent()),
                    budget.ids(tc.getVendorLegitimateInterest()),
                    restrictions,
                    budget.ids(tc.getDisclosedVendors()),
                    budget.ids(tc.getAllowedVendors()),
                    budget.ids(tc.getPubPurposesConsent()),
                    budget.ids(tc.getPubPurposesLITransparency()),
                    budget.ids(tc.getCustomPurposesConsent()),
                    budget.ids(tc.getCustomPurposesLITransparency()));
            return decoded;
        } catch (RuntimeException e) {
            throw refusal(e, field, "consent.field.tcf-invalid");
        }
    }

    private static InvalidInputException refusal(RuntimeException e, String field, String code) {
        if (e instanceof InvalidInputException invalid) {
            return invalid;
        }
        return tooManyIds(e)
                ? new InvalidInputException(field, "consent.field.iab-too-many-ids", MAX_IDS)
                : new InvalidInputException(field, code);
    }

    /**
     * The ids and list entries of one string, counted as they are decoded: past {@link #MAX_IDS} the string is refused
     * ({@link TooManyIds}) before more are held (an attacker's probe: 400 publisher restrictions of vendors 1–65,535 in
     * a 2.4 KB TCF string were each expanded into a set of 65,535 before the count was checked, and the node ran out of
     * memory). In a GPP string IAB's library expands one range into at most 8,193 ids before they are counted, so a
     * refused string has held at most that many more.
     */
    static final class Budget {

        private long left = MAX_IDS;

        /** Counts {@code count} more ids or entries. */
        void take(long count) {
            left -= count;
            if (left < 0) {
                throw new TooManyIds();
            }
        }

        SortedSet<Integer> ids(IntIterable ids) {
            var taken = new TreeSet<Integer>();
            for (var it = ids.intIterator(); it.hasNext(); ) {
                take(1);
                taken.add(it.nextInt());
            }
            return taken;
        }

        /** A budget spending from what is left of this one, for a decoding that may be thrown away. */
        Budget trial() {
            var trial = new Budget();
            trial.left = left;
            return trial;
        }

        /** Keeps what a trial decoding spent. */
        void spend(Budget trial) {
            left = trial.left;
        }
    }

    /** Whether decoding stopped because the string declares more ids than {@link #MAX_IDS} (a cause among others). */
    static boolean tooManyIds(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooManyIds) {
                return true;
            }
        }
        return false;
    }

    /** Thrown when a string declares more ids than {@link #MAX_IDS}, also from inside IAB's GPP library's decoding. */
    static final class TooManyIds extends RuntimeException {
        TooManyIds() {
            super("more than " + MAX_IDS + " ids", null, false, false);
        }
    }
}
