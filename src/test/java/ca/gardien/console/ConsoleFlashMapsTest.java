package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import ca.gardien.organization.Role;
import ca.gardien.shared.FormSteps;
import ca.gardien.support.WebTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * What a session keeps of refused forms whose redirect is never followed (attacker's probe: one staff session posting
 * refused 1 MB forms ran a node out of memory in 20 s): a few flash maps, each typed value cut to what a form shows.
 */
class ConsoleFlashMapsTest extends WebTestSupport {

    private static final String FLASH_MAPS = SessionFlashMapManager.class.getName() + ".FLASH_MAPS";

    @Test
    void aSessionKeepsAFewRefusedFormsEachCutToWhatAFormShows() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var huge = "x".repeat(200_000);
        for (int i = 0; i < 25; i++) {
            mvc.perform(post("/console/retention/holds")
                            .param("reason", huge)
                            .param("endsOn", "refused-" + i)
                            .session(session)
                            .with(csrf()))
                    .andExpect(redirectedUrl("/console/retention#holds")); // not followed
        }

        @SuppressWarnings("unchecked")
        var kept = (List<FlashMap>) session.getAttribute(FLASH_MAPS);
        assertThat(kept).hasSize(ConsoleFlashMaps.PER_SESSION);
        for (var flash : kept) {
            @SuppressWarnings("unchecked")
            var typed = (Map<String, String>) flash.get("holdForm");
            assertThat(typed.get("reason")).hasSize(FormSteps.MAX_TYPED);
        }
        assertThat(kept.getLast().get("holdForm"))
                .as("the newest refusal is the one kept last")
                .isEqualTo(Map.of(
                                "connector", "",
                                "table", "",
                                "subjectKind", "",
                                "incident", "",
                                "complaint", "",
                                "reason", huge.substring(0, FormSteps.MAX_TYPED),
                                "endsOn", "refused-24",
                                "subjectTyped", "")
                        .entrySet()
                        .stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        // a redirect followed gets a refusal kept with what was typed (the oldest kept: refused-21 of 0 to 24)
        var input = (Map<?, ?>) mvc.perform(get("/console/retention").session(session))
                .andReturn()
                .getRequest()
                .getAttribute(org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE);
        assertThat(input.get("holdForm"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("endsOn", "refused-" + (25 - ConsoleFlashMaps.PER_SESSION));
    }

    @Test
    void anAccountKeepsNoMoreThanItsBudgetWhateverItsSessionsAndGetsItBackOnceTheyHaveTimedOut() {
        var kept = new ConsoleFlashMaps.Kept();
        long minute = 1_000;
        long taken = 0;
        while (kept.take(40_000, minute, 30)) { // one session or many: the account's refused forms are counted
            taken += 40_000;
        }
        assertThat(taken).isLessThanOrEqualTo(ConsoleFlashMaps.PER_ACCOUNT).isGreaterThan(7_900_000);
        assertThat(kept.take(40_000, minute + 29, 30))
                .as("its sessions may still hold them")
                .isFalse();
        assertThat(kept.take(40_000, minute + 30, 30))
                .as("they have timed out since")
                .isTrue();
    }

    @Test
    void whatAFlashMapHoldsIsCountedInCharacters() {
        var flash = new FlashMap();
        flash.put("holdForm", Map.of("reason", "x".repeat(1_000), "endsOn", "2027-01-01"));
        flash.put("refused", "Motif : requis");
        flash.put("done", true);
        flash.put(
                "answerPreview",
                new ca.gardien.requests.AnswerLetter("fr", "x".repeat(500), List.of("letter.html"), List.of()));
        assertThat(ConsoleFlashMaps.chars(flash, 0))
                .isEqualTo("holdForm".length()
                        + "reason".length()
                        + 1_000
                        + "endsOn".length()
                        + 10
                        + "refused".length()
                        + "Motif : requis".length()
                        + "done".length()
                        + "answerPreview".length()
                        + "fr".length()
                        + 500
                        + "letter.html".length());
    }
}
