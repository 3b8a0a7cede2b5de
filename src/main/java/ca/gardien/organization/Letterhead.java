package ca.gardien.organization;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * What every letter the organization sends shares, whichever module writes it (complaints, rights requests): its date,
 * the organization's day in words in the letter's language, and its signature block, the person in charge of the
 * protection of personal information as the organization profile names them (name, title, organization, email, phone).
 * Texts from the bundle {@code i18n/messages} ({@code organization.letter.*}).
 */
@Component
@NamedInterface("views")
public class Letterhead {

    private final MessageSource texts;
    private final Supplier<LocalDate> today;
    private final Supplier<Optional<OrganizationProfile>> profile;

    @Autowired
    Letterhead(MessageSource texts, OrganizationTime time, Organization organization) {
        this(texts, time::today, organization::profile);
    }

    private Letterhead(
            MessageSource texts, Supplier<LocalDate> today, Supplier<Optional<OrganizationProfile>> profile) {
        this.texts = texts;
        this.today = today;
        this.profile = profile;
    }

    /** With the organization's day and profile given, outside the application context (plain unit tests). */
    public static Letterhead of(
            MessageSource texts, Supplier<LocalDate> today, Supplier<Optional<OrganizationProfile>> profile) {
        return new Letterhead(texts, today, profile);
    }

    /** The letter's date line: today, as the organization counts days, in words ("Le 1er avril 2027"). */
    public String dated(Locale locale) {
        return texts.getMessage("organization.letter.dated", new Object[] {day(today.get(), locale)}, locale);
    }

    /**
     * A day written out as a letter dates it, by the bundle's pattern: French writes the first of a month as an ordinal
     * ("1er décembre 2026"), so the first of a month has a pattern of its own.
     */
    public String day(LocalDate day, Locale locale) {
        var key = day.getDayOfMonth() == 1 ? "organization.letter.date.first" : "organization.letter.date";
        return day.format(DateTimeFormatter.ofPattern(texts.getMessage(key, null, locale), locale));
    }

    /**
     * The sender at the head of a letter, one line each: the organization's name and its postal address as the profile
     * gives it (street; city, province and postal code as the letter's language writes them; country). None without an
     * organization profile.
     */
    public List<String> sender(Locale locale) {
        return profile.get()
                .map(p -> {
                    var a = p.address();
                    return List.of(
                            p.legalName(),
                            a.street(),
                            texts.getMessage(
                                    "organization.letter.city",
                                    new Object[] {a.city(), a.province(), a.postalCode()},
                                    locale),
                            a.country());
                })
                .orElse(List.of());
    }

    /** The organization's name, which signs its messages to people; none without an organization profile. */
    public Optional<String> organization() {
        return profile.get().map(OrganizationProfile::legalName);
    }

    /**
     * The closing and the signatory, one line each: the person in charge, their title in the letter's language, the organization, their email
     * and phone (when there is one). Without an organization profile, the closing alone.
     */
    public List<String> signature(Locale locale) {
        var lines = new ArrayList<String>();
        lines.add(texts.getMessage("organization.letter.closing", null, locale));
        profile.get().ifPresent(p -> {
            var person = p.personInCharge();
            lines.addAll(List.of(person.name(), person.title(locale), p.legalName(), person.email()));
            if (person.phone() != null && !person.phone().isBlank()) {
                lines.add(person.phone());
            }
        });
        return lines;
    }
}
