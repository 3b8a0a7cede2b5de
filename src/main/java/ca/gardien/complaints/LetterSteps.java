package ca.gardien.complaints;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The steps that file a letter as PDF — the reasoned answer, the delay notice, the request for information sent by post
 * — in two transactions around its rendering: the first opens the file and composes the letter (the step's own checks,
 * a refusal recorded as for any step), the PDF is rendered with no transaction open, and the second takes the step and
 * files that PDF when it composes the same letter (else, the file changed meanwhile, it renders the letter it reads).
 * No rendering holds the file, and none waits for a turn: readers' downloads ({@code PdfDownloads}) never make a step
 * wait or fail (code review: a step waited up to 10 s for a PDF's turn, its transaction open, then failed with 503).
 * Called with no transaction open: the console's and the API's entry points open none around these steps.
 */
@Component
class LetterSteps {

    private final ComplaintAnswers answers;
    private final ComplaintSteps steps;
    private final ComplaintLetters letters;

    LetterSteps(ComplaintAnswers answers, ComplaintSteps steps, ComplaintLetters letters) {
        this.answers = answers;
        this.steps = steps;
        this.letters = letters;
    }

    ComplaintView answer(UUID id, String reasons, ComplaintCaller caller) {
        var before = letters.rendered(answers.answerLetter(id, reasons, caller));
        return answers.answer(id, reasons, caller, before);
    }

    ComplaintView delayNotice(UUID id, String reasons, String status, String newDueOn, ComplaintCaller caller) {
        var before = letters.rendered(steps.delayLetter(id, reasons, status, newDueOn, caller));
        return steps.delayNotice(id, reasons, status, newDueOn, caller, before);
    }

    ComplaintView requestInformation(UUID id, String details, ComplaintCaller caller) {
        var before = letters.rendered(steps.informationLetter(id, details, caller));
        return steps.requestInformation(id, details, caller, before);
    }
}
