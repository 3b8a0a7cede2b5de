package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** With the demo on, an empty installation starts with the demo organization's data map. */
@SpringBootTest(properties = "gardien.demo.enabled=true")
class DemoOrganizationStartupTest {

    @Autowired
    Inventory inventory;

    @Test
    void loadsTheDemoMapOnAnEmptyDatabase() {
        var map = inventory.current();
        assertThat(map.systems()).extracting(InformationSystem::id).contains("website", "google-analytics");
        assertThat(map.thirdParties()).extracting(ThirdParty::id).contains("google", "recruitment-agency");
        assertThat(map.transfers()).isNotEmpty();
        assertThat(inventory.export()).isEqualTo(DataMapYaml.write(Inventory.parse(DemoDataMap.document())));
    }
}
