package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import ca.gardien.organization.Role;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The training figures of the dashboard open the training page filtered to exactly the campaigns they count (open,
 * late), the page saying so in words; a figure counting nothing links nowhere.
 */
class TrainingFiguresTest extends GovernanceTestSupport {

    @Test
    void theOpenAndLateFiguresLandOnTheCampaignsTheyCount() throws Exception {
        publishNext();
        person(Role.STAFF);
        clock.setDay("2033-03-01");
        mvc.perform(post("/console/governance/training")
                        .session(as(Role.PRIVACY_OFFICER))
                        .with(csrf())
                        .param("title", unique("Lecture"))
                        .param("policyId", "privacy-policy")
                        .param("roles", "STAFF")
                        .param("dueOn", "2033-03-20"))
                .andExpect(flash().attributeExists("done"));
        var officer = as(Role.PRIVACY_OFFICER);
        assertThat(figure(officer, "retard")).as("none late yet: no link").isNull();

        clock.setDay("2033-04-01"); // past its due day, nobody has acknowledged
        for (var show : new String[] {"open", "late"}) {
            var link = "/console/governance/training?show=" + show;
            var figure = figure(officer, show.equals("open") ? "ouvert" : "retard");
            assertThat(figure).as(show).isNotNull();
            assertThat(figure[0]).isEqualTo(link);
            var page = read(officer, link);
            assertThat(page)
                    .contains(show.equals("open") ? "Filtré : seules les campagnes ouvertes" : "échéance est passée");
            assertThat(figure[1]).startsWith(count(page, "data-campaign=") + " ");
        }
    }

    /** The link and label of the training figure whose label holds this word; null when it links nowhere. */
    private String[] figure(MockHttpSession session, String words) throws Exception {
        var html = read(session, "/console");
        for (var part : html.split("<a href=\"")) {
            var end = part.indexOf("\">");
            var close = part.indexOf("</a>");
            if (end > 0
                    && close > end
                    && part.substring(end + 2, close).contains(words)
                    && part.substring(end + 2, close).contains("campagne")) {
                return new String[] {part.substring(0, end).replace("&amp;", "&"), part.substring(end + 2, close)};
            }
        }
        return null;
    }

    private String read(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
    }

    private static int count(String html, String marker) {
        return html.split(marker, -1).length - 1;
    }
}
