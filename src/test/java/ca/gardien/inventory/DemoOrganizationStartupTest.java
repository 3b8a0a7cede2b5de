package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Organization;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * With the demo on, an empty installation starts with the demo organization's data map, and its profile with one
 * title per language (never "Directeur des opérations / Director of Operations" in both).
 */
@SpringBootTest(properties = "gardien.demo.enabled=true")
class DemoOrganizationStartupTest {

    @Autowired
    Inventory inventory;

    @Autowired
    Organization organization;

    @Test
    void theDemoProfileHasATitlePerLanguage() {
        var profile = organization.profile().orElseThrow();
        assertThat(profile.personInCharge().title(Locale.CANADA_FRENCH)).isEqualTo("Directeur des opérations");
        assertThat(profile.personInCharge().title(Locale.ENGLISH)).isEqualTo("Director of Operations");
        assertThat(profile.acting().title(Locale.CANADA_FRENCH)).isEqualTo("Président");
        assertThat(profile.acting().title(Locale.ENGLISH)).isEqualTo("President");
    }

    @Test
    void loadsTheDemoMapOnAnEmptyDatabase() {
        var map = inventory.current();
        assertThat(map.systems()).extracting(InformationSystem::id).contains("website", "google-analytics");
        assertThat(map.thirdParties()).extracting(ThirdParty::id).contains("google", "recruitment-agency");
        assertThat(map.transfers()).isNotEmpty();
        assertThat(inventory.export()).isEqualTo(DataMapYaml.write(Inventory.parse(DemoDataMap.document())));
    }
}
