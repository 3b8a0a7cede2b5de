package ca.gardien.organization;

import ca.gardien.shared.Language;
import ca.gardien.shared.PlainLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * The organization and its person in charge of the protection of personal information (s. 3.1), whose title and
 * contact information are published. {@code acting} is who takes over when the person in charge is absent.
 */
@org.springframework.modulith.NamedInterface("views")
public record OrganizationProfile(
        @NotBlank @Size(max = 200) @PlainLine String legalName,

        @Pattern(regexp = "\\d{10}", message = "{organization.neq.invalid}")
        String neq,

        @NotNull @Valid Address address,
        @NotNull @Valid PersonInCharge personInCharge,
        @Valid PersonInCharge acting) {

    public record Address(
            @NotBlank @Size(max = 200) @PlainLine String street,
            @NotBlank @Size(max = 100) @PlainLine String city,
            @NotBlank @Size(max = 100) @PlainLine String province,
            @NotBlank @Size(max = 20) @PlainLine String postalCode,
            @NotBlank @Size(max = 100) @PlainLine String country) {}

    /**
     * Name, title and work contact information: business contact information, published by design. {@code title} is
     * the French title, {@code titleEn} the English one (optional: French pages and letters, and English ones without
     * it, print {@code title}).
     */
    public record PersonInCharge(
            @NotBlank @Size(max = 200) @PlainLine String name,
            @NotBlank @Size(max = 200) @PlainLine String title,
            @Size(max = 200) @PlainLine String titleEn,
            @NotBlank @Email @Size(max = 254) @PlainLine String email,

            @Pattern(regexp = "\\+?[0-9 ().-]{7,40}", message = "{organization.phone.invalid}")
            String phone) {

        /** A blank English title is no English title. */
        public PersonInCharge {
            titleEn = titleEn == null || titleEn.isBlank() ? null : titleEn;
        }

        /** The title in a page's or letter's language: the English title in English when there is one. */
        public String title(Locale locale) {
            return Language.of(locale).pick(title, titleEn);
        }
    }

    /** Accepts the NEQ with spaces, as it is often printed. */
    public OrganizationProfile {
        neq = neq == null || neq.isBlank() ? null : neq.replace(" ", "");
    }
}
