package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

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
}
