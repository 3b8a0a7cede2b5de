package ca.gardien.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The walk's language check reads words, not ids or hashes. */
class PageAuditTest {

    @Test
    void findsASentenceInTheOtherLanguageButNotInIdsAndHashes() {
        assertThat(PageAudit.otherLanguage("The request was sent to the person", "fr"))
                .isEqualTo("English");
        assertThat(PageAudit.otherLanguage("Compte d168e91d-2128-4a77-a2be-057f0477be33\t7c0c61f8d58f0fac…", "fr"))
                .isNull();
    }

    @Test
    void findsFrenchColonsOnEnglishPagesAndDoubledPeriods() {
        assertThat(PageAudit.wordingProblems("Review of the proof of identity : to do", "en", java.util.Set.of()))
                .singleElement()
                .asString()
                .contains("colon");
        assertThat(PageAudit.wordingProblems("Revue de la preuve d’identité : à faire", "fr", java.util.Set.of()))
                .isEmpty();
        assertThat(PageAudit.wordingProblems("Email: a•••@example.test", "en", java.util.Set.of()))
                .isEmpty();
        assertThat(PageAudit.wordingProblems("Responsable de Groupe Exemple inc..", "fr", java.util.Set.of()))
                .singleElement()
                .asString()
                .contains("two periods");
        assertThat(PageAudit.wordingProblems("Chargement…", "fr", java.util.Set.of()))
                .isEmpty();
    }

    @Test
    void findsIdentifiersReadAsTextButNotWords() {
        assertThat(PageAudit.rawIds("Personne d168e91d-2128-4a77-a2be-057f0477be33\tConsentement donné"))
                .singleElement()
                .asString()
                .contains("raw id d168e91d-2128-4a77-a2be-057f0477be33");
        assertThat(PageAudit.rawIds("personne (historique de consentement)\texécution du 2026-11-20 de « crm »"))
                .isEmpty();
    }
}
