package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.inventory.Inventory;
import ca.gardien.requests.NewRequest;
import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.RequestTask;
import ca.gardien.requests.RequestTasks;
import ca.gardien.requests.StaffProofs;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cross-module flow checked with the connectors module and its dependencies only: requests opens a task for a
 * system that a JDBC connector serves, the connector's run exports the person's rows, and the task is completed.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "ratelimits")
class TaskRunScenarioTest {

    @Autowired
    ConnectorCatalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    RequestIntake intake;

    @Autowired
    StaffProofs proofs;

    @Autowired
    RequestTasks tasks;

    @Test
    void aTaskOpenedForAConnectedSystemIsCompletedByTheConnectorsRun(Scenario scenario) throws Exception {
        var connector = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        var crm = new CrmDatabase("jdbc:h2:mem:" + connector + ";DB_CLOSE_DELAY=-1", "sa", "");
        crm.create();
        crm.plant();
        catalog.register(new ConnectorRegistration(connector, "jdbc", crm.url(), "sa", "", null), Actor.SYSTEM);
        var map = (ObjectNode) ConnectorTestSupport.YAML.readTree(RequestTaskRunsTest.MAP.formatted(connector));
        map.setAll((ObjectNode) ConnectorTestSupport.YAML.readTree(CrmDatabase.ANNOTATIONS.formatted(connector)));
        inventory.apply(ConnectorTestSupport.YAML.writeValueAsString(map), Actor.SYSTEM);
        var request = intake.submit(
                new NewRequest(
                        "ACCESS",
                        new NewRequest.Subject(null, null, "C-0001"),
                        "QC",
                        "API",
                        "fr",
                        null,
                        "customer",
                        null,
                        null),
                Actor.SYSTEM);

        scenario.stimulate(() -> proofs.confirm(
                        request.id(),
                        IdentifierKind.CUSTOMER,
                        "CUSTOMER_RECORD_MATCH",
                        "customer number checked against the shop's record",
                        Actor.SYSTEM))
                // a bound, not a speed: the run starts at the connectors' next tick, later on a loaded machine.
                // The task's state is awaited, not the TaskCompleted event: Scenario sees only the events of threads
                // descended from the test's (an inheritable thread-local), and a run retried or resumed under load
                // ends on a scheduler's thread, whose events it never sees.
                .andWaitAtMost(Duration.ofSeconds(120))
                .andWaitForStateChange(
                        () -> tasks.of(request.id()), all -> all.stream().anyMatch(RequestTask::done))
                .andVerify(all -> assertThat(all).singleElement().satisfies(task -> {
                    assertThat(task.systemId()).isEqualTo(connector);
                    assertThat(task.done()).isTrue();
                    assertThat(task.outcome()).isNotBlank();
                }));
    }
}
