package ca.gardien.governance;

import ca.gardien.shared.Language;

/**
 * One section of a policy version: its key ({@code s13}), its heading and its template in both languages (text with
 * {@code {{variables}}}), and the text as frozen when the version went to review (null while a draft, which shows the
 * live values).
 */
public record PolicySection(
        String key,
        String headingFr,
        String headingEn,
        String templateFr,
        String templateEn,
        String textFr,
        String textEn) {

    public String heading(Language language) {
        return language.pick(headingFr, headingEn);
    }

    String template(Language language) {
        return language.pick(templateFr, templateEn);
    }

    /** The frozen text, or null while a draft. */
    String text(Language language) {
        return language.pick(textFr, textEn);
    }

    PolicySection withTemplates(String headingFr, String headingEn, String templateFr, String templateEn) {
        return new PolicySection(key, headingFr, headingEn, templateFr, templateEn, null, null);
    }

    PolicySection frozen(String textFr, String textEn) {
        return new PolicySection(key, headingFr, headingEn, templateFr, templateEn, textFr, textEn);
    }
}
