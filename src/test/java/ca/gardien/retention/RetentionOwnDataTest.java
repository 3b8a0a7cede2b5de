package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * "Gardien's own data" on the retention page: every schedule on which Gardien destroys what it keeps about people, in
 * words, in French and in English, read from the settings as configured (here the consent keeping period and the
 * outbox's retention are changed from their defaults), with how often each is swept and this server's last sweep.
 */
@TestPropertySource(properties = {"gardien.consent.retention.keep-for=P2Y6M", "gardien.mail.retention=45d"})
class RetentionOwnDataTest extends WebTestSupport {

    @Autowired
    ApplicationContext context;

    private String page(MockHttpSession session, String lang) throws Exception {
        var response = mvc.perform(get("/console/retention").session(session).param("lang", lang))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        var html = response.getContentAsString(StandardCharsets.UTF_8);
        return html.substring(html.indexOf("id=\"own-data\""), html.indexOf("id=\"holds\""));
    }

    @Test
    void thePageListsEveryScheduleOfGardiensOwnDataInWordsInFrenchAndEnglish() throws Exception {
        var person = person(Role.AUDITOR);
        var auditor = login(person.username(), person.password());
        var french = page(auditor, "fr");
        assertThat(french)
                .contains("Données de Gardien")
                .contains("Demandes d’exercice de droits")
                .contains("1 an après la fin de la demande")
                .contains(
                        "Demandes transmises par les entreprises pour qui vous traitez des renseignements (OpenCompliance)")
                .contains("jusqu’à la purge de leur demande d’exercice de droits")
                .contains("Plaintes")
                .contains("1 an après la fermeture du dossier")
                .contains("Personnes visées par un incident")
                .contains("jusqu’à ce que leur avis parte par le serveur de courriel")
                .contains("Boîte d’envoi")
                .contains("45 jours après la mise en file du message")
                .contains("Paquets d’export des connecteurs")
                .contains("30 jours après la fin de leur exécution")
                .contains("Choix de consentement")
                .contains("2 ans et 6 mois après le dernier choix d’une personne pour une fin")
                .contains("gardien.consent.retention.keep-for")
                .contains("1 heure")
                .contains("aucun depuis le démarrage de ce serveur")
                .contains("aucun dossier détruit")
                .doesNotContain("own-data.", "P2Y6M", "PT1H");
        assertThat(french.split("class=\"card own-data\"", -1)).hasSize(8);

        var english = page(auditor, "en");
        assertThat(english)
                .contains("Gardien’s own data")
                .contains("Rights requests")
                .contains("1 year after the request ended")
                .contains("Requests sent by the businesses you process information for (OpenCompliance)")
                .contains("until their rights request is purged")
                .contains("1 year after the file was closed")
                .contains("until their notice leaves through the mail server")
                .contains("45 days after the message was queued")
                .contains("30 days after their run ended")
                .contains("2 years and 6 months after a person’s latest choice for a purpose")
                .contains("Swept every")
                .contains("none since this server started")
                .doesNotContain("own-data.", "P2Y6M", "PT1H");
        assertThat(english.split("class=\"card own-data\"", -1)).hasSize(8);
    }

    @Test
    void aSweepShowsAsThisServersLastSweepWithItsCount() throws Exception {
        ReflectionTestUtils.invokeMethod(context.getBean("consentRetention"), "sweep");
        var person = person(Role.PRIVACY_OFFICER);
        var officer = login(person.username(), person.password());
        var english = page(officer, "en");
        var consent = english.substring(english.indexOf("Consent choices"));
        assertThat(consent)
                .doesNotContain("none since this server started")
                .contains("record destroyed"); // "no record destroyed" or a count
        assertThat(consent).containsPattern("Last sweep on this server</dt><dd>[^<]*\\d{4}");
    }
}
