package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.shared.Actor;
import ca.gardien.shared.Bundles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The record of processing (CSV, JSON) and the data-flow picture (SVG) of the demo organization's map. */
@SpringBootTest
@AutoConfigureMockMvc
class RecordAndPictureTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Inventory inventory;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    TokenService tokens;

    String staff;

    @BeforeEach
    void demoMap() {
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
        staff = new ApiTokens(accounts, tokens).bearer(Role.STAFF);
    }

    @Test
    void recordOfProcessingCsvHasAFrenchHeaderAndOneRowPerActivity() throws Exception {
        var csv = body("/api/v1/inventory/record-of-processing.csv");
        var lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("code du traitement,traitement,personnes concernées");
        assertThat(lines).hasSize(1 + inventory.current().processingActivities().size());
        assertThat(csv).contains("website-cookies,Témoins et Google Analytics sur le site web");
        assertThat(csv).contains("États-Unis (Google LLC (Google Analytics))");
        // yes or no and the source in the reader's language, never the data map's raw words
        var cookies = java.util.Arrays.stream(lines)
                .filter(l -> l.startsWith("website-cookies,"))
                .findFirst()
                .orElseThrow();
        assertThat(cookies).containsPattern(",(oui|non),").doesNotContain(",true,", ",false,", ",person,");
        assertThat(csv).contains("Auprès de la personne concernée");
    }

    @Test
    void recordOfProcessingCsvIsInEnglishOnRequest() throws Exception {
        mvc.perform(get("/api/v1/inventory/record-of-processing.csv")
                        .param("lang", "en")
                        .header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(
                        content().string(org.hamcrest.Matchers.startsWith("processing code,processing,data subjects")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("From the person concerned")));
    }

    @Test
    void csvCellsAreQuotedAndFormulasNeutralized() {
        var map = Inventory.parse("""
                legalBases: [{id: b, kind: contract, name: {fr: "=HYPERLINK(x)", en: "a, \\"b\\""}}]
                processingActivities: [{id: a, name: {fr: A, en: A}, legalBasis: b, source: person}]
                """);
        assertThat(RecordOfProcessing.of(map, Locale.FRENCH, Bundles.messages()).csv(Bundles.messages(), Locale.FRENCH))
                .contains(",\"'=HYPERLINK(x)\",");
        // a tab or an invisible character before the sign does not reach the map at all any more: a name is one plain
        // line (DataMapYamlBoundsTest); the CSV guard against them is CsvFile's
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Inventory.parse("""
                        legalBases: [{id: b, kind: contract, name: {fr: B, en: "\\u200B=HYPERLINK(x)"}}]
                        """))
                .isInstanceOf(InvalidDataMapException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Inventory.parse("""
                        legalBases: [{id: b, kind: contract, name: {fr: "\\t=1+2", en: B}}]
                        """))
                .isInstanceOf(InvalidDataMapException.class);
        assertThat(RecordOfProcessing.of(map, Locale.ENGLISH, Bundles.messages())
                        .csv(Bundles.messages(), Locale.ENGLISH))
                .contains(",\"a, \"\"b\"\"\",");
    }

    @Test
    void recordOfProcessingJsonHasOneRowPerActivity() throws Exception {
        mvc.perform(get("/api/v1/inventory/record-of-processing").header("Authorization", staff))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$.rows",
                        hasSize(inventory.current().processingActivities().size())))
                .andExpect(
                        jsonPath("$.rows[?(@.id == 'recruitment')].sensitive").value(true));
    }

    @Test
    void pictureIsWellFormedSvgNamingEverySystemAndThirdParty() throws Exception {
        var svg = body("/api/v1/inventory/map.svg");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        var text = document.getDocumentElement().getTextContent();
        var map = inventory.current();
        map.systems().forEach(s -> assertThat(text).contains(s.name()));
        map.thirdParties().forEach(t -> assertThat(text).contains(t.name()));
        assertThat(svg).contains("stroke=\"#c62828\"").doesNotContain("<script");
    }

    @Test
    void rejectsAnUnknownLanguageForEveryExport() throws Exception {
        for (var url : new String[] {
            "/api/v1/inventory/record-of-processing.csv",
            "/api/v1/inventory/record-of-processing",
            "/api/v1/inventory/map.svg"
        }) {
            mvc.perform(get(url).param("lang", "de").header("Authorization", staff))
                    .andExpect(status().isBadRequest());
            mvc.perform(get(url)).andExpect(status().isUnauthorized());
        }
    }

    String body(String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
