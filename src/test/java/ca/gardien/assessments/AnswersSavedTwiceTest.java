package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Two saves of one assessment at once (officer's review: "Enregistrer les réponses" answered 500 with "assessment
 * changed meanwhile", and the ledger held two saves of the same second): the later one finds the row moved on between
 * its read and its write, and is never a 500. Carrying what is now saved, it is done and the ledger says it once;
 * carrying something else, the page comes back with what was typed and says that the assessment changed meanwhile
 * (the API: a 409 problem); the other save's answers are those kept.
 */
class AnswersSavedTwiceTest extends AssessmentTestSupport {

    private static final String CHANGED =
            "Cette évaluation a été modifiée entre-temps\u202F: vérifiez et enregistrez" + " de nouveau.";

    /** While the next save is between its read and its write, {@code other} saves and commits (another thread). */
    private void meanwhile(Callable<?> other) {
        var first = new AtomicBoolean(true);
        doAnswer(call -> {
                    if (first.getAndSet(false)) {
                        var thread = Executors.newSingleThreadExecutor();
                        try {
                            thread.submit(other).get(30, TimeUnit.SECONDS);
                        } finally {
                            thread.shutdown();
                        }
                    }
                    return call.callRealMethod();
                })
                .when(store)
                .update(any());
    }

    /** A new assessment whose next save meets another, over the API, of {@code kind} and {@code description}. */
    private String racedBy(String kind, String description) throws Exception {
        var id = start();
        meanwhile(() -> overApi(id, kind, description).andExpect(status().isOk()));
        return id;
    }

    private ResultActions overApi(String id, String kind, String description) throws Exception {
        return send("PUT", officerBearer(), "/api/v1/assessments/" + id + "/answers", """
                {"answers":{"project-type":"%s","description":"%s"}}""".formatted(kind, description));
    }

    private ResultActions inConsole(String id, MockHttpSession session, boolean htmx, String kind, String description)
            throws Exception {
        var request = post("/console/assessments/" + id + "/answers")
                .param("q.project-type", kind)
                .param("q.description", description)
                .session(session)
                .with(csrf());
        return mvc.perform(htmx ? request.header("HX-Request", "true") : request);
    }

    private String saved(String id, String question) throws Exception {
        var body = read(officerBearer(), "/api/v1/assessments/" + id)
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.<java.util.List<String>>read(
                        body, "$.sections[*].questions[?(@.id == '" + question + "')].answer")
                .getFirst();
    }

    private MockHttpSession officer() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        return login(officer.username(), officer.password());
    }

    @Test
    void aSaveThatMeetsAnotherComesBackWithWhatWasTypedAndSaysTheAssessmentChangedMeanwhile() throws Exception {
        var id = racedBy("develop", "Projet de l’autre onglet");
        var session = officer();

        var refused = inConsole(id, session, false, "acquire", "Achat d’un logiciel de paie")
                .andExpect(redirectedUrl("/console/assessments/" + id))
                .andExpect(flash().attribute("refused", CHANGED))
                .andReturn();
        mvc.perform(get("/console/assessments/" + id).session(session).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(CHANGED)))
                .andExpect(content().string(containsString("Achat d’un logiciel de paie</textarea>")));
        // one of the two: the other's, whole, not a mix
        assertThat(saved(id, "project-type")).isEqualTo("develop");
        assertThat(saved(id, "description")).isEqualTo("Projet de l’autre onglet");
    }

    @Test
    void aSecondSaveOfTheSameAnswersIsDoneAndTheLedgerSaysItOnce() throws Exception {
        var id = racedBy("acquire", "Achat d’un logiciel de paie");
        var session = officer();

        inConsole(id, session, false, "acquire", "Achat d’un logiciel de paie")
                .andExpect(redirectedUrl("/console/assessments/" + id))
                .andExpect(flash().attributeCount(1))
                .andExpect(flash().attribute("done", "Réponses enregistrées."));
        assertThat(saved(id, "project-type")).isEqualTo("acquire");
        awaitLedgerEntry("assessments.answered", id);
        // a later step's fact recorded too: by then a second save would have been recorded as well
        send("POST", officerBearer(), "/api/v1/assessments/" + id + "/consultation", """
                {"consultedOn":"%s","note":"Consultée."}""".formatted(time.today()))
                .andExpect(status().isOk());
        awaitLedgerEntry("assessments.consulted", id);
        assertThat(ledgerEntries(officerBearer()).stream()
                        .filter(e -> "assessments.answered".equals(e.get("action")) && id.equals(e.get("objectId"))))
                .hasSize(1);
    }

    @Test
    void saveAsYouGoSaysItInItsStatusLine() throws Exception {
        var id = racedBy("develop", "Projet de l’autre onglet");
        var session = officer();

        inConsole(id, session, true, "acquire", "Achat d’un logiciel de paie")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(CHANGED)));
    }

    @Test
    void theApiAnswers409NamingTheAssessment() throws Exception {
        var id = racedBy("develop", "Projet de l’autre onglet");

        send("PUT", officerBearer(), "/api/v1/assessments/" + id + "/answers", """
                        {"answers":{"project-type":"acquire"}}""")
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value(CHANGED));
        assertThat(saved(id, "project-type")).isEqualTo("develop");
    }

    @Test
    void aLockNotHadIsAChangeMeanwhileOnEveryFormAndPageAndOnTheApi() throws Exception {
        var id = start();
        var session = officer();
        doThrow(new CannotAcquireLockException("lock wait timeout")).when(store).update(any());
        var generic = "Ce que vous enregistriez a été modifié entre-temps\u202F: vérifiez et enregistrez de nouveau.";

        mvc.perform(post("/console/assessments/" + id + "/consultation")
                        .param("consultedOn", time.today().toString())
                        .param("note", "Consultée.")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/assessments/" + id))
                .andExpect(flash().attribute("refused", generic))
                .andExpect(flash().attribute(
                                "consultForm",
                                java.util.Map.of("consultedOn", time.today().toString(), "note", "Consultée.")));
        inConsole(id, session, true, "acquire", "Achat").andExpect(content().string(containsString(generic)));
        send("POST", officerBearer(), "/api/v1/assessments/" + id + "/consultation", """
                        {"consultedOn":"%s","note":"Consultée."}""".formatted(time.today()))
                .andExpect(problem(409, "conflict"));
        // a page that does not catch it itself: the error page says it, with the way back, as a 409
        doThrow(new CannotAcquireLockException("lock wait timeout")).when(store).find(any());
        mvc.perform(get("/console/assessments/" + id).session(session).header(HttpHeaders.ACCEPT, "text/html"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString(generic)))
                .andExpect(content().string(containsString("id=\"error-back\"")));
    }
}
