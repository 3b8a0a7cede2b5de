package ca.gardien.connectors.packages;

import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.runs.RunPackageMarks;
import ca.gardien.shared.OwnDataSchedule;
import org.springframework.stereotype.Component;

/** The schedule of export packages, for the retention page ({@link PackageRetention}). */
@Component
class PackageKeeping implements OwnDataSchedule {

    private final PackageRetention retention;
    private final ConnectorsProperties properties;
    private final RunPackageMarks marks;

    PackageKeeping(PackageRetention retention, ConnectorsProperties properties, RunPackageMarks marks) {
        this.retention = retention;
        this.properties = properties;
        this.marks = marks;
    }

    @Override
    public Schedule schedule() {
        return new Schedule(
                500,
                "connectors.own-data",
                properties.packageRetention(),
                "gardien.connectors.package-retention",
                properties.packageSweepEvery(),
                retention.lastSweep(),
                marks.deleted());
    }
}
