package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Organization;
import ca.gardien.shared.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * What each notice lacks of the content the regulation requires, where it would otherwise print a placeholder
 * (officer's walk: the persons' notice was queued reading "À préciser avant l'envoi"): Reg. s. 5 for the persons, s. 3
 * for the Commission.
 */
class NoticeContentTest {

    private static NoticeContent content(boolean profile) {
        var organization = Mockito.mock(Organization.class);
        Mockito.when(organization.profile())
                .thenReturn(profile ? Optional.of(IncidentCalls.PROFILE) : Optional.empty());
        return new NoticeContent(organization);
    }

    private static Measure measure(MeasureKind kind) {
        return new Measure(UUID.randomUUID(), kind, "wipe", "IT", null, LocalDate.parse("2026-11-21"));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void theNoticeToThePersonsLacksItsContactItsRiskMeasuresAndItsAdviceUntilEachIsGiven() {
        var bare = PromptnessTest.incident(null, null, null, IncidentStatus.OPEN);
        assertThat(fields(content(false).missing(NoticeDocuments.Kind.PERSONS, bare, " ")))
                .containsExactly("profile", "measures", "advice");
        // a prevention measure is not printed in the persons' notice: it does not describe what reduces their risk
        var prevention = bare.withMeasures(List.of(measure(MeasureKind.PREVENTION)));
        assertThat(fields(content(true).missing(NoticeDocuments.Kind.PERSONS, prevention, "Watch your statements")))
                .containsExactly("measures");
        var complete = bare.withMeasures(List.of(measure(MeasureKind.MITIGATION)));
        assertThat(content(true).missing(NoticeDocuments.Kind.PERSONS, complete, "Watch your statements"))
                .isEmpty();
    }

    @Test
    void theNoticeToTheCommissionLacksWhatItWouldPrintAsUnknownOrNotAssessed() {
        var bare = PromptnessTest.incident(null, null, null, IncidentStatus.OPEN); // 10 persons, none said in Québec
        assertThat(fields(content(false).missing(NoticeDocuments.Kind.COMMISSION, bare, null)))
                .containsExactly("profile", "personsInQuebec", "assessment", "measures");
        var assessed = PromptnessTest.incident(PromptnessTest.serious(), null, null, IncidentStatus.ASSESSED)
                .withMeasures(List.of(measure(MeasureKind.PREVENTION)));
        assertThat(fields(content(true).missing(NoticeDocuments.Kind.COMMISSION, assessed, null)))
                .containsExactly("personsInQuebec");
    }
}
