package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filling a policy template: values, defaults, and lines left out when all their values are missing. */
class PolicyValuesTest {

    @Test
    void aLineWhoseOnlyVariableIsEmptyIsLeftOutAndADefaultStandsInForAMissingValue() {
        var text = PolicyValues.render(
                "Name: {{officer.name}}\nTel : {{officer.phone}}\nThe {{acting.title|President}} acts.\nPlain line",
                Map.of("officer.name", "Alex"));
        assertThat(text).isEqualTo("Name: Alex\nThe President acts.\nPlain line");
    }

    @Test
    void aListValueSpreadsOverLinesAndDollarSignsStayLiteral() {
        var text = PolicyValues.render(
                "- seed item;\n{{dataMap.purposes}}\n\nNext", Map.of("dataMap.purposes", "- A $1;\n- B;"));
        assertThat(text).isEqualTo("- seed item;\n- A $1;\n- B;\n\nNext");
    }

    /** Its §3 list ends the seed's own list: no data-map purpose names appended to it, capitalized, after a ";". */
    @Test
    void theShippedSeedsPurposesListEndsWithItsOwnLastItem() {
        var s3 = PolicySeed.sections(PolicySeed.PRIVACY_POLICY).get(3);
        assertThat(s3.key()).isEqualTo("s3");
        assertThat(s3.templateFr())
                .doesNotContain("{{dataMap.purposes}}")
                .contains("à laquelle vous avez consenti.\n\n");
        assertThat(s3.templateEn()).doesNotContain("{{dataMap.purposes}}").contains("to which you have consented.\n\n");
    }

    @Test
    void theShippedSeedHasTheSameSectionsInBothLanguagesAndItsContactBlocksAreVariables() {
        var sections = PolicySeed.sections(PolicySeed.PRIVACY_POLICY);
        assertThat(sections).hasSize(16);
        assertThat(sections.get(13).templateEn()).contains("{{officer.name}}").doesNotContain("Marcoux");
        assertThat(sections.get(12).templateFr()).contains("{{requests.responseDays}}", "{{complaints.responseDays}}");
        assertThat(PolicyBlocks.of("a\nb\n\n- x\n- y"))
                .extracting(PolicyBlocks.Block::kind)
                .containsExactly("p", "list");
    }

    @Test
    void everyDoubleBraceLeftOnceTheKnownVariablesAreTakenOutIsRefusedAndAHeadingTakesNone() {
        // attacker's reviews: these were published as typed, braces and all
        for (var template : new String[] {
            "{{ officer.name }}",
            "{{officer_name}}",
            "{{officer.name2}}",
            "{{}}",
            "{{x|{{officer.name}}}}",
            "{{officername|{x}}",
            "{{officer.name|a}b}}",
            "Avant {{officer.name"
        }) {
            var errors = new java.util.ArrayList<ca.gardien.shared.FieldError>();
            PolicyValues.known(errors, "fr", template);
            assertThat(errors)
                    .as(template)
                    .singleElement()
                    .satisfies(e -> assertThat(e.field()).isEqualTo("fr"));
        }
        var fine = new java.util.ArrayList<ca.gardien.shared.FieldError>();
        PolicyValues.known(fine, "fr", "Contact : {{officer.name}} — {{officer.phone|non publié}} {a}");
        PolicyValues.none(fine, "headingFr", "1. Qui nous joindre");
        assertThat(fine).isEmpty();
        PolicyValues.none(fine, "headingFr", "1. {{officer.name}}");
        assertThat(fine).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("headingFr"));
    }
}
