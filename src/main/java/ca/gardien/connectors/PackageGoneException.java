package ca.gardien.connectors;

import java.time.Duration;

/** The export package of a run was deleted once its retention period was over. */
public class PackageGoneException extends RuntimeException {

    private final long retentionDays;

    public PackageGoneException(Duration retention) {
        super("export package deleted after " + retention.toDays() + " days");
        this.retentionDays = retention.toDays();
    }

    /** The retention period after which the package was deleted, in days. */
    public long retentionDays() {
        return retentionDays;
    }
}
