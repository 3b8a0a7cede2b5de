package ca.gardien.inventory;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** The names of the data map's purposes in a language, by purpose id: what pages show next to a purpose id. */
@Service
@NamedInterface("views")
public class PurposeNames {

    private final Inventory inventory;

    PurposeNames(Inventory inventory) {
        this.inventory = inventory;
    }

    public Map<String, String> in(Locale locale) {
        return inventory.current().purposes().stream()
                .collect(Collectors.toMap(Purpose::id, p -> p.name().in(locale), (a, b) -> a));
    }
}
