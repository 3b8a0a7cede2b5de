package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Questionnaire templates are checked at load; a mistake is refused with its YAML path. */
class TemplateYamlTest {

    static final String VALID = """
            id: small
            version: 2
            law: "P-39.1, art. 3.3"
            appliesTo: manual
            title: {fr: Petit, en: Small}
            sections:
              - id: one
                title: {fr: Un, en: One}
                questions:
                  - id: q
                    type: yes-no
                    label: {fr: Question, en: Question}
            """;

    @Test
    void aValidTemplateIsReadWithItsVersionAndBothLanguages() {
        var t = TemplateYaml.read("small.yaml", VALID);
        assertThat(t.id()).isEqualTo("small");
        assertThat(t.version()).isEqualTo(2);
        assertThat(t.question("q")).isPresent();
        assertThat(t.title().en()).isEqualTo("Small");
    }

    @Test
    void anUnknownQuestionTypeIsRefusedWithItsPath() {
        assertThatThrownBy(() -> TemplateYaml.read("bad.yaml", VALID.replace("type: yes-no", "type: slider")))
                .isInstanceOfSatisfying(
                        InvalidTemplateException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .asString()
                                .startsWith("sections[0].questions[0].type: unknown question type"));
    }

    @Test
    void aMissingTranslationIsRefusedWithItsPath() {
        assertThatThrownBy(() -> TemplateYaml.read(
                        "bad.yaml", VALID.replace("label: {fr: Question, en: Question}", "label: {fr: Question}")))
                .isInstanceOfSatisfying(
                        InvalidTemplateException.class,
                        e -> assertThat(e.errors())
                                .containsExactly("sections[0].questions[0].label.en: missing translation"));
    }

    @Test
    void anUnknownPrefillSourceAndAChoiceWithoutChoicesAreRefused() {
        var yaml = VALID.replace("type: yes-no", "type: choice\n        prefill: horoscope");
        assertThatThrownBy(() -> TemplateYaml.read("bad.yaml", yaml))
                .isInstanceOfSatisfying(
                        InvalidTemplateException.class,
                        e -> assertThat(e.errors())
                                .anyMatch(s -> s.startsWith("sections[0].questions[0].choices:"))
                                .anyMatch(s -> s.startsWith("sections[0].questions[0].prefill:")));
    }

    @Test
    void anApprovalConditionThatIsNoAnswerOfTheQuestionAndARequiredThatIsNoBooleanAreRefused() {
        var yaml = VALID.replace("type: yes-no", "type: yes-no\n        approveOnly: maybe\n        required: often");
        assertThatThrownBy(() -> TemplateYaml.read("bad.yaml", yaml))
                .isInstanceOfSatisfying(
                        InvalidTemplateException.class,
                        e -> assertThat(e.errors())
                                .containsExactlyInAnyOrder(
                                        "sections[0].questions[0].required: true or false",
                                        "sections[0].questions[0].approveOnly: yes or no for a yes-no question, a"
                                                + " choice's id for a choice question"));
        var t = TemplateYaml.read("good.yaml", VALID.replace("type: yes-no", "type: yes-no\n        approveOnly: yes"));
        assertThat(t.question("q").orElseThrow())
                .satisfies(q -> assertThat(q.required()).isTrue())
                .satisfies(q -> assertThat(q.approveOnly()).isEqualTo("yes"));
    }

    @Test
    void theShippedS17TemplateApprovesOnlyWithAdequateProtection() {
        var t = new Templates(new AssessmentsProperties(null, null, null, null, null, null)).get("qc-transfer");
        assertThat(t.question("adequate").orElseThrow().approveOnly()).isEqualTo("yes");
        assertThat(t.questions().stream().filter(Template.Question::required))
                .extracting(Template.Question::id)
                .contains("destination", "legal-framework", "written-agreement");
    }

    @Test
    void theShippedTemplatesLoadAndTheGdprDpiaIsOfferedByConfiguration() {
        var shipped = new Templates(new AssessmentsProperties(null, null, null, null, null, null));
        assertThat(shipped.all()).extracting(Template::id).containsExactly("qc-system", "qc-transfer");
        var configured = new Templates(new AssessmentsProperties(
                List.of("classpath:assessments/optional/gdpr-dpia.yaml"), null, null, null, null, null));
        assertThat(configured.all()).extracting(Template::id).contains("gdpr-dpia");
    }

    @Test
    void theQuebecSystemTemplateCoversWhatSection4OfThePolicyNames() {
        var t = new Templates(new AssessmentsProperties(null, null, null, null, null, null)).get("qc-system");
        assertThat(t.sections())
                .extracting(Template.Section::id)
                .contains("sensitivity", "purposes", "quantity", "medium", "protection");
        var transfer = new Templates(new AssessmentsProperties(null, null, null, null, null, null)).get("qc-transfer");
        assertThat(transfer.question("legal-framework")).isPresent();
        assertThat(transfer.question("adequate")).isPresent();
        assertThat(transfer.question("written-agreement")).isPresent();
    }
}
