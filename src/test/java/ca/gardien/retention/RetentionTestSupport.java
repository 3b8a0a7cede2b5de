package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Registers a shop as a connector, merges its retention annotations into the data map and follows runs, via the API. */
abstract class RetentionTestSupport extends WebTestSupport {

    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    private final List<String> placed = new ArrayList<>();

    String call(RequestBuilder request, int expected) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        var body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(expected);
        return body;
    }

    void register(String id, String url) throws Exception {
        call(
                post("/api/v1/connectors")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"%s\",\"type\":\"jdbc\",\"url\":\"%s\"}".formatted(id, url)),
                201);
    }

    /** Adds (or replaces, by id) the categories, rules and datasets of {@code yaml}, keeping the rest of the map. */
    void annotate(String yaml) throws Exception {
        var officer = officerBearer();
        var current = call(get("/api/v1/inventory/export").header("Authorization", officer), 200);
        var map = current.isBlank() ? YAML.createObjectNode() : (ObjectNode) YAML.readTree(current);
        if (map == null) map = YAML.createObjectNode();
        var added = (ObjectNode) YAML.readTree(yaml);
        for (var section : new String[] {"piCategories", "retentionRules", "datasets"}) {
            var list = map.has(section) ? (ArrayNode) map.get(section) : map.putArray(section);
            for (JsonNode item : added.get(section)) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    if (list.get(i).get("id").asString().equals(item.get("id").asString())) list.remove(i);
                }
                list.add(item);
            }
        }
        call(
                post("/api/v1/inventory/apply")
                        .header("Authorization", officer)
                        .contentType("application/yaml")
                        .content(YAML.writeValueAsString(map)),
                200);
    }

    /** Takes the connector's dataset out of the data map: its rules would otherwise sweep a database now gone. */
    void forget(String connector) throws Exception {
        var officer = officerBearer();
        var map =
                (ObjectNode) YAML.readTree(call(get("/api/v1/inventory/export").header("Authorization", officer), 200));
        var list = (ArrayNode) map.get("datasets");
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).get("id").asString().equals(connector)) list.remove(i);
        }
        call(
                post("/api/v1/inventory/apply")
                        .header("Authorization", officer)
                        .contentType("application/yaml")
                        .content(YAML.writeValueAsString(map)),
                200);
    }

    String hold(String bearer, Map<String, String> body) throws Exception {
        var created = call(
                post("/api/v1/retention/holds")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(body)),
                201);
        String id = JsonPath.read(created, "$.id");
        placed.add(id);
        return id;
    }

    /** Holds outlive a test in the shared context: each test releases its own. */
    void releaseHolds() throws Exception {
        for (var id : placed) {
            call(post("/api/v1/retention/holds/" + id + "/release").header("Authorization", officerBearer()), 200);
        }
        placed.clear();
    }

    String startRun(String bearer, String rule, boolean dryRun) throws Exception {
        var started = call(
                post("/api/v1/retention/runs")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rule\":\"%s\",\"dryRun\":%s}".formatted(rule, dryRun)),
                202);
        return JsonPath.read(started, "$.id");
    }

    /** The run once it has ended; fails on a failed run, with its reason. */
    String awaitRun(String bearer, String id) throws Exception {
        var last = new String[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = call(get("/api/v1/retention/runs/" + id).header("Authorization", bearer), 200);
                    String s = JsonPath.read(last[0], "$.status");
                    return s.equals("COMPLETED") || s.equals("FAILED");
                });
        assertThat((String) JsonPath.read(last[0], "$.status")).as(last[0]).isEqualTo("COMPLETED");
        return last[0];
    }
}
