package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.PayloadFields;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The consultations a ledger search may hide are defined once ({@link LedgerQuery#CONSULTATIONS}): each is an action
 * Gardien records, and every action recorded when someone is shown something ({@code …-viewed}, {@code …-read}) is
 * among them, so that a new kind of display does not stay in view once the officer hides them.
 */
class LedgerConsultationsDefinitionTest {

    @Test
    void everyDisplayRecordedIsAConsultationAndEveryConsultationIsRecorded() throws Exception {
        var labels = new java.util.Properties();
        try (var in = new java.io.FileReader("src/main/resources/i18n/ledger.properties", StandardCharsets.UTF_8)) {
            labels.load(in);
        }
        var appended = new java.util.TreeSet<>(LedgerLabelsTest.appendedActions());
        labels.stringPropertyNames().stream()
                .filter(k -> k.startsWith("ledger.action."))
                .map(k -> k.substring("ledger.action.".length()))
                .forEach(appended::add);
        assertThat(appended).as("actions Gardien records and names").containsAll(LedgerQuery.CONSULTATIONS);
        assertThat(LedgerQuery.CONSULTATIONS)
                .containsAll(appended.stream()
                        .filter(a -> a.endsWith("-viewed") || a.endsWith(".read") || a.endsWith("-read"))
                        .toList())
                .doesNotContain("complaints.read-refused");
    }

    @Test
    void thePayloadIsShownAsRecordedOnlyIndented() {
        assertThat(PayloadFields.indented("{\"kinds\":\"EMAIL\",\"amount\":1.50,\"n\":2}"))
                .matches("\\{\\n  \"kinds\" ?: \"EMAIL\",\\n  \"amount\" ?: 1\\.50,\\n  \"n\" ?: 2\\n}");
        assertThat(PayloadFields.indented("not json")).isEqualTo("not json");
        assertThat(PayloadFields.indented(null)).isEmpty();
    }
}
