package ca.gardien.assessments;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The questionnaires offered, in the reader's language. */
@Component
class TemplateViews {

    private final Templates templates;

    TemplateViews(Templates templates) {
        this.templates = templates;
    }

    record QuestionView(
            String id,
            String type,
            String label,
            List<AssessmentView.Choice> choices,
            String prefill,
            boolean required,
            String approveOnly) {}

    record SectionView(String id, String title, List<QuestionView> questions) {}

    record TemplateView(
            String id, int version, String title, String law, String appliesTo, List<SectionView> sections) {}

    List<TemplateView> all(Locale locale) {
        return templates.all().stream()
                .map(t -> new TemplateView(
                        t.id(),
                        t.version(),
                        t.title().in(locale),
                        t.law(),
                        t.appliesTo(),
                        t.sections().stream()
                                .map(s -> new SectionView(
                                        s.id(),
                                        s.title().in(locale),
                                        s.questions().stream()
                                                .map(q -> new QuestionView(
                                                        q.id(),
                                                        q.type(),
                                                        q.label().in(locale),
                                                        q.choices().stream()
                                                                .map(c -> new AssessmentView.Choice(
                                                                        c.id(),
                                                                        c.label()
                                                                                .in(locale)))
                                                                .toList(),
                                                        q.prefill(),
                                                        q.required(),
                                                        q.approveOnly()))
                                                .toList()))
                                .toList()))
                .toList();
    }
}
