package ca.gardien.connectors;

import java.time.Duration;

/** The export package of a run was deleted once its retention period was over. */
public class PackageGoneException extends RuntimeException {

    PackageGoneException(Duration retention) {
        super("This export package was deleted " + retention.toDays() + " days after its run ended.");
    }
}
