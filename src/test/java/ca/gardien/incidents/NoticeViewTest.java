package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The preview warns that an incident's typed texts stay in French, the organization's language, on a notice in
 * another language only.
 */
class NoticeViewTest {

    private static NoticeView notice(String language) {
        return new NoticeView("Avis", "I-2026-0001", language, List.of());
    }

    @Test
    void onlyANoticeInAnotherLanguageThanTheOrganizationsWarnsOfItsTypedTexts() {
        assertThat(notice("en").typedTextsInTheirOwnLanguage()).isTrue();
        assertThat(notice("en-CA").typedTextsInTheirOwnLanguage()).isTrue();
        assertThat(notice("fr").typedTextsInTheirOwnLanguage()).isFalse();
        assertThat(notice("fr-CA").typedTextsInTheirOwnLanguage()).isFalse();
    }

    @Test
    void aNoticeOfNoLanguageIsInTheOrganizationsAndDoesNotWarn() {
        assertThat(notice(null).typedTextsInTheirOwnLanguage()).isFalse();
    }
}
