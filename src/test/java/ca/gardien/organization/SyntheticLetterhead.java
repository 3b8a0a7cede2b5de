package ca.gardien.organization;

import ca.gardien.shared.Bundles;
import java.time.LocalDate;
import java.util.Optional;

/** A letterhead for plain unit tests of letters: a synthetic organization and person in charge, on a given day. */
public final class SyntheticLetterhead {

    public static final OrganizationProfile PROFILE = new OrganizationProfile(
            "Synthetic Organization Inc.",
            null,
            new OrganizationProfile.Address("1 Synthetic Street", "Montréal", "QC", "H0H 0H0", "Canada"),
            new OrganizationProfile.PersonInCharge(
                    "Officer Synthetic", "Privacy officer", null, "privacy@example.test", "+1 555 010 0199"),
            null);

    private SyntheticLetterhead() {}

    /** Letters dated {@code day} (YYYY-MM-DD) and signed for {@link #PROFILE}. */
    public static Letterhead on(String day) {
        return Letterhead.of(Bundles.messages(), () -> LocalDate.parse(day), () -> Optional.of(PROFILE));
    }
}
