package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.FieldError;
import java.util.ArrayList;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Answers as stored: a form's CR LF line ends read as the line ends of the pre-filled text they may repeat. */
class AnswerChecksTest {

    @Test
    void aTextAreasLinesSentByABrowserMatchThePrefilledText() {
        var template = TemplateYaml.read("t.yaml", TemplateYamlTest.VALID.replace("type: yes-no", "type: long-text"));
        var errors = new ArrayList<FieldError>();
        var stored = AnswerChecks.check(template, "q", "Système A\r\nSystème B\r\n", Locale.CANADA_FRENCH, errors);
        assertThat(errors).isEmpty();
        assertThat(stored).isEqualTo("Système A\nSystème B");
        assertThat(new Assessment.Answer("Système A\nSystème B", true, "System A\nSystem B").says(stored))
                .isTrue();
    }

    @Test
    void anAnswerWithAMarkThatReversesWhatItSaysIsRefusedNamingTheQuestion() {
        var template = TemplateYaml.read("t.yaml", TemplateYamlTest.VALID.replace("type: yes-no", "type: long-text"));
        var errors = new ArrayList<FieldError>();
        assertThat(AnswerChecks.check(template, "q", "Risque \u202efaible\u202c", Locale.CANADA_FRENCH, errors))
                .isNull();
        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e.key()).isEqualTo("shared.field.control-characters"));
        errors.clear();
        AnswerChecks.check(template, "q", "Colonne\tvaleur\r\nligne", Locale.CANADA_FRENCH, errors);
        assertThat(errors).as("tabs and a browser's line ends are text").isEmpty();
    }
}
