package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.connectors.runs.RunStore;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Registers connectors, merges dataset annotations into the data map and follows runs, all through the REST API. */
abstract class ConnectorTestSupport extends WebTestSupport {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    String register(String id, String url, String user, String password) throws Exception {
        var body = RunStore.JSON.writeValueAsString(new ConnectorRegistration(id, "jdbc", url, user, password, null));
        mvc.perform(post("/api/v1/connectors")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        return id;
    }

    /** Adds (or replaces) the dataset and its categories in the current data map, keeping everything else. */
    void annotate(String annotationsYaml) throws Exception {
        var officer = officerBearer();
        var current = mvc.perform(get("/api/v1/inventory/export").header("Authorization", officer))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var map = current.isBlank() ? YAML.createObjectNode() : (ObjectNode) YAML.readTree(current);
        if (map == null) map = YAML.createObjectNode();
        var added = (ObjectNode) YAML.readTree(annotationsYaml);
        for (var section : new String[] {"piCategories", "datasets"}) {
            var list = map.has(section) ? (ArrayNode) map.get(section) : map.putArray(section);
            for (JsonNode item : added.get(section)) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    if (list.get(i).get("id").asString().equals(item.get("id").asString())) list.remove(i);
                }
                list.add(item);
            }
        }
        mvc.perform(post("/api/v1/inventory/apply")
                        .header("Authorization", officer)
                        .contentType("application/yaml")
                        .content(YAML.writeValueAsString(map)))
                .andExpect(status().isOk());
    }

    String postJson(String path, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    String startRun(String connector, String json) throws Exception {
        var body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/connectors/" + connector + "/runs")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    String awaitRun(String runId, String expected) {
        var officer = officerBearer();
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> mvc.perform(
                                        get("/api/v1/connectors/runs/" + runId).header("Authorization", officer))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        body -> {
                            String status = JsonPath.read(body, "$.status");
                            assertThat(status)
                                    .as(body)
                                    .isNotEqualTo("FAILED".equals(expected) ? "COMPLETED" : "FAILED");
                            return expected.equals(status);
                        });
    }
}
