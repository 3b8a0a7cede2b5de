package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.inventory.Text;
import ca.gardien.shared.FrenchTypography;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The questionnaires' French is set as the bundles' is ({@link FrenchTypography}, the rules of {@code MessageBundlesTest}):
 * the shipped templates asked « … renseignements sensibles? » without the narrow no-break space and wrote « Finalités
 * de l'utilisation » with the typewriter apostrophe, beside bundle text that did neither (officer's walk).
 */
class TemplateTypographyTest {

    @Test
    void everyFrenchTextOfTheShippedQuestionnairesIsSetAsTheBundlesAre() throws Exception {
        var resources = new PathMatchingResourcePatternResolver().getResources("classpath*:assessments/**/*.yaml");
        assertThat(resources).hasSizeGreaterThanOrEqualTo(3); // qc-system, qc-transfer, the optional GDPR DPIA
        var faults = new TreeSet<String>();
        for (var resource : resources) {
            var name = String.valueOf(resource.getFilename());
            var t = TemplateYaml.read(name, resource.getContentAsString(StandardCharsets.UTF_8));
            check(faults, name + " title", t.title());
            for (int s = 0; s < t.sections().size(); s++) {
                var section = t.sections().get(s);
                var at = name + " sections[" + s + "]";
                check(faults, at + ".title", section.title());
                for (int q = 0; q < section.questions().size(); q++) {
                    var question = section.questions().get(q);
                    check(faults, at + ".questions[" + q + "].label", question.label());
                    for (int c = 0; c < question.choices().size(); c++) {
                        check(
                                faults,
                                at + ".questions[" + q + "].choices[" + c + "].label",
                                question.choices().get(c).label());
                    }
                }
            }
        }
        assertThat(faults).isEmpty();
    }

    @Test
    void theRulesAreTheBundlesRules() {
        assertThat(FrenchTypography.faults("Le projet touche-t-il des renseignements sensibles?"))
                .containsExactly("no narrow no-break space before ; ? !");
        assertThat(FrenchTypography.faults("Finalités de l'utilisation")).containsExactly("typewriter apostrophe");
        assertThat(FrenchTypography.faults("Finalités de l’utilisation : « ainsi » ?"))
                .contains("a line may break before :", "guillemets without narrow no-break spaces");
        assertThat(FrenchTypography.faults("Le projet touche-t-il des renseignements sensibles\u202F?"))
                .isEmpty();
    }

    private static void check(TreeSet<String> faults, String where, Text text) {
        FrenchTypography.faults(text.fr()).forEach(f -> faults.add(where + ": " + f + " — " + text.fr()));
    }
}
