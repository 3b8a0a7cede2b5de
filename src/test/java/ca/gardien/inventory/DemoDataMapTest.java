package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The demo organization's data map, built from the seed policy, is a valid document. */
class DemoDataMapTest {

    @Test
    void demoMapHasNoMistakes() {
        var errors = new ArrayList<MapError>();
        var map = DataMapYaml.read(DemoDataMap.document(), errors);
        if (map != null) {
            errors.addAll(DataMapRules.check(map));
        }
        assertThat(errors).isEmpty();
    }

    /** Every text of the demo that is not the English one is French, shown as is on the public privacy page. */
    @Test
    void demoFrenchTextsUseTheTypographicApostropheAndNarrowSpaces() {
        var texts = new ArrayList<String>();
        collectNonEnglish(new Load(LoadSettings.builder().build()).loadFromString(DemoDataMap.document()), texts);
        var badPunctuation = Pattern.compile("'|[^\u202F][;?!]");
        assertThat(texts).isNotEmpty();
        assertThat(texts).filteredOn(t -> badPunctuation.matcher(t).find()).isEmpty();
    }

    private static void collectNonEnglish(Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!"en".equals(key)) {
                    collectNonEnglish(value, into);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectNonEnglish(item, into));
        } else if (node instanceof String text) {
            into.add(text);
        }
    }
}
