package ca.gardien.connectors;

import ca.gardien.GardienApplication;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;

/**
 * Child process of {@link ErasureCrashTest}: starts Gardien, registers the CRM (first argument: its JDBC URL), starts an
 * erasure of Alice and prints {@code RUN <id>} then {@code AT <step index> <cursor>} while it runs, until killed.
 */
public final class ErasureBurst {

    private ErasureBurst() {}

    public static void main(String[] args) throws Exception {
        var context = SpringApplication.run(GardienApplication.class, Arrays.copyOfRange(args, 1, args.length));
        context.getBean(ConnectorCatalog.class)
                .register(new ConnectorRegistration("crm", "jdbc", args[0], "sa", "", null), Actor.SYSTEM);
        context.getBean(Inventory.class).apply(CrmDatabase.ANNOTATIONS.formatted("crm"), Actor.SYSTEM);
        var run = context.getBean(ConnectorRuns.class)
                .start("crm", new RunRequest(RunAction.ERASE, Map.of("email", CrmDatabase.ALICE), null), Actor.SYSTEM)
                .id();
        System.out.println("RUN " + run);
        var store = context.getBean(RunStore.class);
        while (true) {
            var state = store.find(run).orElseThrow();
            System.out.println("AT " + state.status() + " " + state.stepIndex() + " " + state.stepCursor());
            System.out.flush();
            Thread.sleep(5);
        }
    }

    static UUID parse(String line) {
        return UUID.fromString(line.substring(4));
    }
}
