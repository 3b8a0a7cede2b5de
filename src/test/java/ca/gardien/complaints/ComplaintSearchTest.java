package ca.gardien.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The complaints queue's search, run on opened files: accents, case, email, phone digits, references as typed. */
class ComplaintSearchTest {

    private static final Complaint FILE = new Complaint(
            UUID.randomUUID(),
            "C-2026-00002",
            ComplaintStatus.OPEN,
            Complaint.Channel.PORTAL,
            "fr",
            "Hélène Lefrançois",
            "helene.lefrancois@example.test",
            "+1 514 555 0199",
            null,
            "Refus d'accès à mon dossier",
            "Ma demande a été refusée.",
            LocalDate.parse("2026-12-04"),
            Instant.parse("2026-12-04T15:00:00Z"),
            LocalDate.parse("2027-01-04"),
            null,
            null,
            null,
            null,
            false,
            null,
            0);

    @Test
    void aNameTypedWithoutAccentsOrCaseFindsTheFile() {
        assertThat(ComplaintSearch.of("lefrancois").test(FILE)).isTrue();
        assertThat(ComplaintSearch.of("HELENE").test(FILE)).isTrue();
        assertThat(ComplaintSearch.of("refus d'acces").test(FILE)).isTrue();
    }

    @Test
    void anEmailOrThePhonesDigitsFindTheFileAndTheReferenceAsTyped() {
        assertThat(ComplaintSearch.of("helene.lefrancois@example.test").test(FILE))
                .isTrue();
        assertThat(ComplaintSearch.of("514 555-0199").test(FILE)).isTrue();
        assertThat(ComplaintSearch.of("c-2026-2").test(FILE)).isTrue();
        assertThat(ComplaintSearch.of("Dupont").test(FILE)).isFalse();
        assertThat(ComplaintSearch.of("999 888").test(FILE)).isFalse();
    }
}
