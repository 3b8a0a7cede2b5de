package ca.gardien.inventory;

import java.util.List;
import java.util.Locale;

/**
 * Gaps another module finds outside the data map (for instance a product setting whose default is not the most
 * private, s. 9.1). They appear in the gap list and the dashboard with the data map's own; their decision is taken in
 * the module that raised them.
 */
public interface GapSource {

    List<Gap> gaps(Locale locale);
}
