package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A purpose may name its cookie-banner category and its IAB TCF purposes; both are checked and round-trip. */
class PurposeConsentAttributesTest {

    static final String MAP = """
            purposes:
              - id: site-statistics
                name: {fr: Statistiques, en: Statistics}
                kind: secondary
                cookieCategory: %s
                iabPurposes: %s
            """;

    static List<MapError> errors(String yaml) {
        var errors = new ArrayList<MapError>();
        var map = DataMapYaml.read(yaml, errors);
        if (map != null) {
            errors.addAll(DataMapRules.check(map));
        }
        return errors;
    }

    @Test
    void acceptsACookieCategoryAndIabPurposesAndWritesThemBack() {
        var yaml = MAP.formatted("statistics", "[8, 9]");
        assertThat(errors(yaml)).isEmpty();
        var map = DataMapYaml.read(yaml, new ArrayList<>());
        assertThat(map.purposes().getFirst().cookieCategory()).isEqualTo("statistics");
        assertThat(map.purposes().getFirst().iabPurposeIds()).containsExactly(8, 9);
        assertThat(DataMapYaml.write(map))
                .contains("cookieCategory: statistics")
                .contains("iabPurposes:")
                .doesNotContain("iabPurposeIds");
    }

    @Test
    void rejectsAnUnknownCookieCategoryAndIabPurposesOutOfRange() {
        assertThat(errors(MAP.formatted("tracking", "[0, 12]")))
                .extracting(MapError::path)
                .containsExactlyInAnyOrder("purposes[0].cookieCategory", "purposes[0].iabPurposes");
    }

    @Test
    void aPurposeWithoutTheAttributesHasNoIabPurposes() {
        var map = DataMapYaml.read("purposes:\n  - {id: p, name: {fr: P, en: P}, kind: primary}\n", new ArrayList<>());
        assertThat(map.purposes().getFirst().cookieCategory()).isNull();
        assertThat(map.purposes().getFirst().iabPurposeIds()).isEmpty();
        assertThat(DataMapYaml.write(map)).doesNotContain("cookieCategory").doesNotContain("iabPurposes");
    }
}
