package ca.gardien.incidents;

import java.time.LocalDate;
import java.util.UUID;

/** A measure taken or planned after the incident (register item 8), with who owns it and its dates. */
@org.springframework.modulith.NamedInterface("views")
@io.swagger.v3.oas.annotations.media.Schema(name = "IncidentMeasure") // one name per schema (OpenApiSchemaNamesTest)
public record Measure(UUID id, MeasureKind kind, String description, String owner, LocalDate dueOn, LocalDate doneOn) {

    /** Whether the measure is not done and its planned day is past ({@code today} as the organization counts days). */
    public boolean late(LocalDate today) {
        return doneOn == null && dueOn != null && dueOn.isBefore(today);
    }
}
