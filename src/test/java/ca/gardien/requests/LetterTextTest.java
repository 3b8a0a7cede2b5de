package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Bundles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A refusal letter names the remedy of the request's own jurisdiction, never Québec's body for another profile. */
class LetterTextTest {

    private final LetterText letters = new LetterText(Bundles.messages(), j -> java.time.ZoneId.of("America/Toronto"));

    private static RightsRequest request(String jurisdiction, String language) {
        return request(RequestType.ACCESS, jurisdiction, language);
    }

    private static RightsRequest request(RequestType type, String jurisdiction, String language) {
        return request(type, jurisdiction, language, Instant.parse("2026-11-02T14:00:00Z"));
    }

    private static RightsRequest request(RequestType type, String jurisdiction, String language, Instant receivedAt) {
        return new RightsRequest(
                UUID.randomUUID(),
                "R-2026-00001",
                type,
                RequestStatus.RESPONSE_DRAFTED,
                jurisdiction,
                RightsRequest.Channel.API,
                language,
                "customer",
                null,
                null,
                null,
                null,
                receivedAt,
                LocalDate.parse("2026-12-02"),
                null,
                null,
                List.of(),
                null,
                null,
                0);
    }

    private static final ResponseDraft REFUSAL =
            new ResponseDraft("REFUSAL", null, "Synthetic reasons", List.of("Art. 1"), "Synthetic remedy", 30);

    @Test
    void theLetterNamesTheRequestByItsReferenceAndItsReceiptDayInTheJurisdiction() {
        // 04:43 UTC on 5 December is 23:43 on 4 December in Québec (officer review: the letter said the 5th and the id)
        var request = request(RequestType.ACCESS, "QC", "fr", Instant.parse("2026-12-05T04:43:00Z"));
        var html = letters.html(request, REFUSAL, Map.of());

        assertThat(html)
                .contains("Demande R-2026-00001 (", "reçue le 2026-12-04")
                .doesNotContain(request.id().toString());
    }

    @Test
    void aQuebecRefusalNamesTheCommissionAndItsThirtyDays() {
        var html = letters.html(request("QC", "fr"), REFUSAL, Map.of());

        assertThat(html).contains("Commission d&#39;accès à l&#39;information dans les 30 jours");
    }

    @Test
    void aGdprRefusalNamesASupervisoryAuthorityAndNotTheCommission() {
        var fr = letters.html(request("GDPR", "fr"), REFUSAL, Map.of());
        var en = letters.html(request("GDPR", "en"), REFUSAL, Map.of());

        assertThat(fr).doesNotContain("Commission").contains("autorité de contrôle");
        assertThat(en)
                .doesNotContain("Commission")
                .contains("supervisory authority")
                .contains("within 30 days");
    }

    @Test
    void aProfileWithoutItsOwnSentenceGetsTheGeneralOne() {
        var html = letters.html(request("CCPA", "en"), REFUSAL, Map.of());

        assertThat(html).doesNotContain("Commission").contains("You may exercise this remedy within 30 days");
    }

    @Test
    void aFrenchLetterShowsSingleApostrophes() {
        var refusal = letters.html(request("QC", "fr"), REFUSAL, Map.of());

        assertThat(refusal)
                .contains("Dispositions de la loi sur lesquelles le refus s&#39;appuie")
                .doesNotContain("&#39;&#39;");
    }

    @Test
    void theTypeOfRequestIsEscapedOnceInTheLetter() {
        var html = letters.html(request(RequestType.AUTOMATED_DECISION_EXPLANATION, "QC", "fr"), REFUSAL, Map.of());

        assertThat(html).contains("(explication d&#39;une décision automatisée)");
    }
}
