package ca.gardien.incidents;

import java.time.LocalDate;

/** A measure to add to an entry: its kind, what it is, who owns it, when it is due and when it was done. */
@org.springframework.modulith.NamedInterface("views")
@io.swagger.v3.oas.annotations.media.Schema(name = "NewIncidentMeasure") // one name per schema (OpenApiSchemaNamesTest)
public record NewMeasure(MeasureKind kind, String description, String owner, LocalDate dueOn, LocalDate doneOn) {}
