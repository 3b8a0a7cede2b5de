package ca.gardien.consent;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.Purpose;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The banner's categories, from the data map: every purpose that names a cookie category makes that category appear,
 * with the purpose's name and description (FR/EN) under it. Strictly necessary cookies are always listed and cannot be
 * refused. While the data map names no optional category yet, the banner offers the three standard ones, so that a
 * site is never left without a way to refuse.
 */
final class BannerCategories {

    /** The banner's configuration in one language, with the CMP settings its IAB APIs ({@code cmpapi.js}) use. */
    record Config(String lang, List<Category> categories, Iab iab) {}

    /**
     * The CMP identity for the IAB CMP APIs; {@code reasons}: why no TCF string and no Canadian GPP section are
     * emitted (empty when they are).
     */
    record Iab(int cmpId, int cmpVersion, boolean gdprApplies, int tcfPolicyVersion, List<String> reasons) {

        static Iab of(ConsentProperties.Iab settings) {
            return new Iab(
                    settings.cmpId(),
                    settings.cmpVersion(),
                    settings.gdprApplies(),
                    settings.tcfPolicyVersion(),
                    settings.reasons());
        }
    }

    /** {@code optional}: false only for strictly necessary cookies. */
    record Category(String id, String label, boolean optional, List<Described> purposes) {}

    record Described(String name, String description) {}

    private BannerCategories() {}

    static Config of(DataMap map, Locale locale, MessageSource messages, ConsentProperties.Iab iab) {
        var categories = new ArrayList<Category>();
        for (var id : Purpose.COOKIE_CATEGORIES) {
            var purposes = map.purposes().stream()
                    .filter(p -> id.equals(p.cookieCategory()))
                    .map(p -> new Described(
                            p.name().in(locale),
                            p.description() == null ? null : p.description().in(locale)))
                    .toList();
            boolean necessary = "necessary".equals(id);
            if (necessary || !purposes.isEmpty()) {
                categories.add(new Category(id, label(id, locale, messages), !necessary, purposes));
            }
        }
        if (categories.size() == 1) {
            BannerController.CATEGORIES.forEach(
                    id -> categories.add(new Category(id, label(id, locale, messages), true, List.of())));
        }
        return new Config(locale.getLanguage(), categories, Iab.of(iab));
    }

    private static String label(String id, Locale locale, MessageSource messages) {
        return messages.getMessage("consent.banner.category." + id, null, id, locale);
    }
}
