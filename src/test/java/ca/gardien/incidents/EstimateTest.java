package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.inventory.DataMap;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The data map's first estimate of an incident, on the demo organization's data map. */
class EstimateTest {

    static DataMap demo() throws IOException {
        try (var in = new ClassPathResource("demo/ingeno.yaml").getInputStream()) {
            return YAMLMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build()
                    .readValue(in, DataMap.class);
        }
    }

    @Test
    void choosingTheDemoCrmAndItsCategoriesPrefillsSensitivityAndAPopulationEstimate() throws IOException {
        var map = demo();
        var crm = Estimate.from(map, List.of("crm"), List.of("contact"));

        assertThat(crm.subjects()).contains("customer", "prospect");
        assertThat(crm.persons())
                .as("the sum of the approximate counts of the categories of persons the activities concern")
                .isEqualTo(map.subjectCategories().stream()
                        .filter(s -> crm.subjects().contains(s.id()))
                        .mapToLong(s -> s.approximateCount())
                        .sum())
                .isPositive();
        assertThat(crm.subjectsWithoutCount()).isEmpty();

        var sensitive = map.piCategories().stream()
                .filter(c -> c.sensitive())
                .findFirst()
                .orElseThrow();
        var withSensitive = Estimate.from(map, List.of(), List.of(sensitive.id()));
        assertThat(withSensitive.sensitive()).isTrue();
        assertThat(withSensitive.sensitiveCategories()).containsExactly(sensitive.id());
        assertThat(withSensitive.persons()).isNotNull();
    }

    @Test
    void nothingChosenGivesNoEstimate() throws IOException {
        var none = Estimate.from(demo(), List.of(), List.of());

        assertThat(none.persons()).isNull();
        assertThat(none.sensitive()).isFalse();
        assertThat(none.activities()).isEmpty();
    }
}
