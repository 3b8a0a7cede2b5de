package ca.gardien.incidents;

import ca.gardien.organization.Organization;
import ca.gardien.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a notice still lacks of the content the regulation requires, each named by the field or section of the entry
 * that gives it: the notice prints a placeholder there ("À préciser avant l'envoi", "Inconnu", "Pas encore évalué"),
 * which must never reach a person (officer's walk: the persons' notice was queued with "Mesures que nous vous
 * suggérons de prendre — À préciser avant l'envoi"). The persons' notice (Reg. s. 5) needs the information concerned
 * or why it cannot be described, the measures taken or planned to reduce the risk (containment or mitigation: the
 * notice does not print prevention), the measures suggested to the persons and a contact (the organization profile);
 * its circumstances and dates are always recorded. The notice to the Commission (Reg. s. 3) needs the profile, the
 * information concerned, both numbers of persons (or an approximation), the assessment and a measure. The enterprise
 * number is asked only if the organization has one: its absence is warned about apart.
 */
@Component
class NoticeContent {

    private final Organization organization;

    NoticeContent(Organization organization) {
        this.organization = organization;
    }

    /** What the notice lacks, in the order the notice gives it; empty when it can go. */
    List<FieldError> missing(NoticeDocuments.Kind kind, Incident i, String advice) {
        var missing = new ArrayList<FieldError>();
        if (organization.profile().isEmpty()) {
            missing.add(FieldError.of("profile", "incidents.missing.profile"));
        }
        if (i.piDescription() == null && i.piUnknownReason() == null) {
            missing.add(FieldError.of("piDescription", "incidents.missing.pi-description"));
        }
        if (kind == NoticeDocuments.Kind.PERSONS) {
            if (i.measures().stream().allMatch(m -> m.kind() == MeasureKind.PREVENTION)) {
                missing.add(FieldError.of("measures", "incidents.missing.persons-measures"));
            }
            if (advice == null || advice.isBlank()) {
                missing.add(FieldError.of("advice", "incidents.missing.advice"));
            }
            return missing;
        }
        if (i.personsCount() == null) {
            missing.add(FieldError.of("personsCount", "incidents.missing.persons-count"));
        }
        if (i.personsInQuebec() == null) {
            missing.add(FieldError.of("personsInQuebec", "incidents.missing.persons-in-quebec"));
        }
        if (i.assessment() == null) {
            missing.add(FieldError.of("assessment", "incidents.missing.assessment"));
        }
        if (i.measures().isEmpty()) {
            missing.add(FieldError.of("measures", "incidents.missing.measures"));
        }
        return missing;
    }
}
