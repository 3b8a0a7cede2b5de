package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.FieldError;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The words of a designation or a policy read as they are stored: no invisible mark may turn them around. */
class ActingOfficerTextTest {

    @Test
    void aTextWithAMarkThatReversesItIsRefusedNamingTheFieldAndLinesStayAllowed() {
        var errors = new ArrayList<FieldError>();
        GovernanceText.WORDS.line(errors, "name", "Marie \u202eeiram", 200, true);
        GovernanceText.WORDS.prose(errors, "part", "Première ligne\r\nDeuxième ligne", 2000, true);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("name"));
        // one line is one line; a text box's lines end with LF or CR LF, never a lone CR
        errors.clear();
        GovernanceText.WORDS.line(errors, "title", "Titre\n== Injecté", 200, true);
        GovernanceText.WORDS.prose(errors, "part", "Ligne\rFAUX", 2000, true);
        GovernanceText.WORDS.line(errors, "module", "\u00a0\u3000", 200, true);
        assertThat(errors).extracting(FieldError::field).containsExactly("title", "part", "module");
    }
}
