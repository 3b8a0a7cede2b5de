package ca.gardien.console;

import ca.gardien.organization.OrganizationProfile;
import ca.gardien.organization.OrganizationProfile.Address;
import ca.gardien.organization.OrganizationProfile.PersonInCharge;

/**
 * The organization profile flattened into form fields; blank optional fields become absent values, the others lose
 * their surrounding blanks only.
 */
record ProfileForm(
        String legalName,
        String neq,
        String street,
        String city,
        String province,
        String postalCode,
        String country,
        String officerName,
        String officerTitle,
        String officerTitleEn,
        String officerEmail,
        String officerPhone,
        String actingName,
        String actingTitle,
        String actingTitleEn,
        String actingEmail,
        String actingPhone) {

    static ProfileForm empty() {
        return new ProfileForm("", "", "", "", "Québec", "", "Canada", "", "", "", "", "", "", "", "", "", "");
    }

    static ProfileForm of(OrganizationProfile p) {
        var a = p.address();
        var o = p.personInCharge();
        var x = p.acting();
        return new ProfileForm(
                p.legalName(),
                p.neq(),
                a.street(),
                a.city(),
                a.province(),
                a.postalCode(),
                a.country(),
                o.name(),
                o.title(),
                o.titleEn() == null ? "" : o.titleEn(),
                o.email(),
                o.phone(),
                x == null ? "" : x.name(),
                x == null ? "" : x.title(),
                x == null || x.titleEn() == null ? "" : x.titleEn(),
                x == null ? "" : x.email(),
                x == null ? "" : x.phone());
    }

    OrganizationProfile toProfile() {
        var acting = blank(actingName)
                ? null
                : new PersonInCharge(actingName, actingTitle, orNull(actingTitleEn), actingEmail, orNull(actingPhone));
        return new OrganizationProfile(
                legalName,
                orNull(neq),
                new Address(street, city, province, postalCode, country),
                new PersonInCharge(
                        officerName, officerTitle, orNull(officerTitleEn), officerEmail, orNull(officerPhone)),
                acting);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        // strip, not trim: trim() also cut control characters off the ends (a bell, an escape), which were then saved
        // unsaid instead of being refused with the field (attacker's probe)
        return blank(s) ? null : s.strip();
    }
}
