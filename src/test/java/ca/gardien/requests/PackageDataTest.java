package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.InformationSystem;
import ca.gardien.inventory.PiCategory;
import ca.gardien.inventory.Text;
import ca.gardien.shared.Bundles;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The package's data.json names each system, category, source and the request's type in the request's language. */
class PackageDataTest {

    static final DataMap MAP = new DataMap(
            null,
            List.of(new PiCategory("contact", new Text("Coordonnées", "Contact information"), false, null, null)),
            null,
            null,
            null,
            List.of(new InformationSystem(
                    "accounting", "Comptabilité Synthétique", "finance", "Montréal", "CA-QC", true, null, null)),
            null,
            null,
            null,
            null);

    static final Map<String, List<TaskResult.FoundRecord>> FOUND = Map.of(
            "accounting",
            List.of(
                    new TaskResult.FoundRecord("contact", "person", Map.of("email", "a@example.test")),
                    new TaskResult.FoundRecord("invoices", "organization", Map.of("total", "12"))));

    final PackageData data = new PackageData(Bundles.messages(), () -> MAP);

    String json(String language) {
        return JsonMapper.builder()
                .build()
                .writeValueAsString(data.of(UUID.randomUUID(), RequestType.ACCESS, language, FOUND));
    }

    @Test
    void inFrenchEveryIdHasItsFrenchWordsBesideIt() {
        assertThat(json("fr"))
                .contains("\"type\":\"ACCESS\"", "\"typeName\":\"Accès aux renseignements personnels\"")
                .contains("\"systemNames\":{\"accounting\":\"Comptabilité Synthétique\"}")
                .contains("\"systems\":{\"accounting\":[")
                .contains("\"category\":\"contact\",\"categoryName\":\"Coordonnées\"")
                .contains("\"source\":\"person\",\"sourceName\":\"Recueilli auprès de la personne\"")
                .contains("\"source\":\"organization\",\"sourceName\":\"Produit par l’organisation\"")
                // a category the data map does not know (a connector's table) keeps its id as its name
                .contains("\"category\":\"invoices\",\"categoryName\":\"invoices\"")
                .contains("\"language\":\"fr\"");
    }

    @Test
    void inEnglishEveryIdHasItsEnglishWordsBesideIt() {
        assertThat(json("en"))
                .contains("\"type\":\"ACCESS\"", "\"typeName\":\"Access to personal information\"")
                .contains("\"systemNames\":{\"accounting\":\"Comptabilité Synthétique\"}")
                .contains("\"category\":\"contact\",\"categoryName\":\"Contact information\"")
                .contains("\"source\":\"person\",\"sourceName\":\"Collected from the person\"")
                .contains("\"language\":\"en\"")
                .doesNotContain("Coordonnées", "Recueilli");
    }

    /** Code review: a request of no language, or of one Gardien does not speak, is written in French, the organization's. */
    @Test
    void aRequestOfNoLanguageOrOfAnotherIsWrittenInFrench() {
        for (var language : new String[] {null, "de"}) {
            assertThat(json(language))
                    .as(String.valueOf(language))
                    .contains("\"typeName\":\"Accès aux renseignements personnels\"")
                    .contains("\"category\":\"contact\",\"categoryName\":\"Coordonnées\"")
                    .contains("\"language\":\"fr\"");
        }
    }
}
