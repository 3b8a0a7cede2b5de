package ca.gardien.consent;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The banner's categories and their labels come from the data map's purposes. */
class BannerConfigTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

    @Test
    void offersTheCategoriesTheDataMapNamesWithTheirPurposesInFrenchAndEnglish() throws Exception {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
        mvc.perform(get("/consent/banner/config.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.lang").value("fr"))
                .andExpect(jsonPath("$.categories[*].id").value(contains("necessary", "statistics", "marketing")))
                .andExpect(jsonPath("$.categories[0].optional").value(false))
                .andExpect(jsonPath("$.categories[1].label").value("Statistiques"))
                .andExpect(jsonPath("$.categories[1].purposes[0].name").value("Statistiques"))
                .andExpect(jsonPath("$.categories[1].purposes[0].description").value("Mesure d'audience du site"))
                .andExpect(jsonPath("$.categories[2].purposes[0].name").value("Publicité ciblée"));
        mvc.perform(get("/consent/banner/config.json").param("lang", "en"))
                .andExpect(jsonPath("$.categories[0].label").value("Strictly necessary (always on)"))
                .andExpect(jsonPath("$.categories[1].purposes[0].description").value("Site audience measurement"))
                .andExpect(jsonPath("$.categories[2].purposes[0].name").value("Targeted advertising"));
    }

    @Test
    void offersTheThreeStandardCategoriesWhileTheDataMapNamesNone() throws Exception {
        inventory.apply("purposes:\n  - {id: p, name: {fr: P, en: P}, kind: primary}\n", Actor.SYSTEM);
        mvc.perform(get("/consent/banner/config.json").param("lang", "en"))
                .andExpect(jsonPath("$.categories[*].id")
                        .value(contains("necessary", "preferences", "statistics", "marketing")));
    }

    @Test
    void rejectsAnUnknownLanguage() throws Exception {
        mvc.perform(get("/consent/banner/config.json").param("lang", "de"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
    }
}
