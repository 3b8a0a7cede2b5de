package ca.gardien.shared;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@link ObjectNames} of objects a person knows by their title (an assessment, a training campaign): the title
 * between quotation marks in the page's language ({@code shared.named.titled}), from one query of the module's own
 * table for a whole page.
 *
 * @param select {@code SELECT id, title FROM table}: a constant of the module's code, never input
 * @param pages the console page that shows an object, by its id
 */
public record TitledNames(
        String objectType, String select, JdbcClient jdbc, MessageSource messages, Function<UUID, String> pages)
        implements ObjectNames {

    @Override
    public Map<UUID, String> names(Collection<UUID> ids, Locale locale) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return RowsById.of(
                jdbc,
                select,
                ids,
                (rs, n) -> messages.getMessage("shared.named.titled", new Object[] {rs.getString("title")}, locale));
    }

    @Override
    public String page(UUID id) {
        return pages.apply(id);
    }
}
