package ca.gardien.connectors;

import ca.gardien.GardienApplication;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Child process of {@link LeaseFencingTest}: node 1. Starts Gardien, registers the CRM (first argument: its JDBC URL,
 * user and password in it), starts an erasure of Alice and prints {@code RUN <id>}, then
 * {@code AT <status> <step index> <cursor>} as the run's record moves, until stopped.
 */
public final class LeaseFencingNode {

    private LeaseFencingNode() {}

    public static void main(String[] args) throws Exception {
        var context = SpringApplication.run(GardienApplication.class, Arrays.copyOfRange(args, 1, args.length));
        context.getBean(ConnectorCatalog.class)
                .register(new ConnectorRegistration("crm", "jdbc", args[0], null, null, null), Actor.SYSTEM);
        context.getBean(Inventory.class).apply(CrmDatabase.ANNOTATIONS.formatted("crm"), Actor.SYSTEM);
        var run = context.getBean(ConnectorRuns.class)
                .start("crm", new RunRequest(RunAction.ERASE, Map.of("email", CrmDatabase.ALICE), null), Actor.SYSTEM)
                .id();
        System.out.println("RUN " + run);
        var jdbc = context.getBean(JdbcTemplate.class);
        String last = null;
        while (true) {
            var at = jdbc.queryForObject(
                    "SELECT status || ' ' || step_index || ' ' || step_cursor FROM connectors_run WHERE id = ?",
                    String.class,
                    run.toString());
            if (!at.equals(last)) {
                System.out.println("AT " + at);
                System.out.flush();
                last = at;
            }
            Thread.sleep(5);
        }
    }
}
