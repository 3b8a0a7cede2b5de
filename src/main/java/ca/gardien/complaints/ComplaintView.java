package ca.gardien.complaints;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A complaint as its readers see it: the file, the days left and its urgency ({@code OVERDUE}, {@code DUE_SOON},
 * {@code ON_TRACK}, {@code STOPPED}, {@code DONE}); the timeline, documents and the incidents the complaint concerns
 * only on the file's own page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@org.springframework.modulith.NamedInterface("views")
public record ComplaintView(
        @JsonUnwrapped Complaint complaint,
        Long daysLeft,
        String urgency,
        List<ComplaintStep> timeline,
        List<ComplaintDocument> documents,
        List<java.util.UUID> incidents) {}
