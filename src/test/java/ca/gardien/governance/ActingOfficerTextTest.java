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
        ActingOfficer.text(errors, "name", "Marie \u202eeiram", 200, true);
        ActingOfficer.text(errors, "part", "Première ligne\nDeuxième ligne", 2000, true);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("name"));
    }
}
