package ca.gardien.shared;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * How a module names its objects of one type for a person, in one look-up for a whole page: the ledger names an
 * assessment, a training campaign or a legal hold in words instead of its id. A module publishes a bean of this type
 * per object type; the console collects them, and never reads another module's tables.
 */
public interface ObjectNames {

    /** The ledger's object type these names are for ({@code assessment}, {@code campaign}, …). */
    String objectType();

    /** The objects among these ids that exist, in words in the page's language; never a person's identifier. */
    Map<UUID, String> names(Collection<UUID> ids, Locale locale);

    /** The console page that shows the object to the ledger's readers; null when none. */
    default String page(UUID id) {
        return null;
    }
}
