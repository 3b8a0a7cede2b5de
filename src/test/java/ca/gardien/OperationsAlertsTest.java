package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert rules and the Grafana dashboard shipped under deploy/ name metrics Gardien exports: a renamed gauge would
 * otherwise silence an alert without anyone noticing.
 */
class OperationsAlertsTest extends WebTestSupport {

    private static final Path RULES = Path.of("deploy/prometheus/gardien-alerts.yml");
    private static final Path DASHBOARD = Path.of("deploy/grafana/gardien-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\b(?:gardien|jvm|hikaricp|process|http_server)_[a-z0-9_]+");

    @Test
    void everyAlertNamesAMetricThatGardienExports() throws Exception {
        var exported = exported();
        var rules = rules();
        assertThat(rules).isNotEmpty();
        for (var rule : rules) {
            var expr = (String) rule.get("expr");
            var names = metrics(expr);
            assertThat(names).as(rule.get("alert") + " names no metric").isNotEmpty();
            assertThat(exported).as(rule.get("alert") + ": " + expr).containsAll(names);
            assertThat(((Map<?, ?>) rule.get("labels")).get("severity"))
                    .as(rule.get("alert") + " severity")
                    .isNotNull();
            assertThat(((Map<?, ?>) rule.get("annotations")).get("summary"))
                    .as(rule.get("alert") + " summary")
                    .isNotNull();
        }
        assertThat(rules.stream().map(r -> (String) r.get("expr")).flatMap(e -> metrics(e).stream()))
                .as(
                        "deadline breaches, failed runs, ledger signing alarms, the outbox backlog and the SMS budget spent are"
                                + " alerted on")
                .contains(
                        "gardien_requests_overdue",
                        "gardien_requests_deemed_refused_recent",
                        "gardien_connectors_runs_failed_recent",
                        "gardien_ledger_signing_alarm",
                        "gardien_mail_outbox_waiting",
                        "gardien_rate_limits_refused_total");
    }

    @Test
    void everyDashboardPanelQueriesAMetricThatGardienExports() throws Exception {
        var exported = exported();
        var dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        var panels = dashboard.get("panels");
        assertThat(panels.size()).isPositive();
        for (var panel : panels) {
            for (var target : panel.get("targets")) {
                var names = metrics(target.get("expr").asString());
                assertThat(names).as(panel.get("title").asString()).isNotEmpty();
                assertThat(exported).as(panel.get("title").asString()).containsAll(names);
            }
        }
    }

    @Test
    void theProgramGaugesReadTheDatabase() throws Exception {
        var scrape = scrape();
        for (var gauge : List.of(
                "gardien_requests_overdue",
                "gardien_requests_due_soon",
                "gardien_requests_deemed_refused_recent",
                "gardien_connectors_runs_failed_recent",
                "gardien_ledger_signing_alarm",
                "gardien_mail_outbox_waiting",
                "gardien_mail_sender_configured",
                "gardien_events_incomplete")) {
            var line = scrape.lines().filter(l -> l.startsWith(gauge + " ")).findFirst();
            assertThat(line).as(gauge).isPresent();
            assertThat(Double.parseDouble(line.get().split(" ")[1]))
                    .as(gauge)
                    .isNotNaN()
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(RULES));
        var rules = new ArrayList<Map<String, Object>>();
        for (var group : (List<Map<String, Object>>) document.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    private static Set<String> metrics(String expr) {
        var names = new TreeSet<String>();
        var m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").header("Authorization", bearer(Role.AUDITOR)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private Set<String> exported() throws Exception {
        var scrape = scrape();
        var names = new TreeSet<String>();
        for (var line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
