package ca.gardien.assessments;

import ca.gardien.shared.ChangedMeanwhile;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Answers saved by the console and the API. Two saves at once (a double click; the page's save-as-you-go on leaving a
 * field, then its button) make the later one find the row moved on ({@link ChangedMeanwhile}): when what it carries is
 * what is now saved, it is done, and the ledger says it once; otherwise it is refused as changed meanwhile (a 409, the
 * form again with what was typed), never a 500 (officer's review: a 500 on "Enregistrer les réponses").
 */
@Service
class AnswerSaves {

    private final AssessmentWork work;
    private final Assessments assessments;

    AnswerSaves(AssessmentWork work, Assessments assessments) {
        this.work = work;
        this.assessments = assessments;
    }

    /** Saves the answers, each in its own transaction: the one that failed has ended before the second look. */
    Assessment save(UUID id, Map<String, Object> answers, AssessmentCaller caller, Locale locale) {
        try {
            return work.answer(id, answers, caller, locale);
        } catch (ChangedMeanwhile changed) {
            if (work.says(id, answers, caller, locale)) {
                return assessments.get(id, caller);
            }
            throw changed;
        }
    }
}
