package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's form of a manual task records what was found (rows of category, source, field and value): the page
 * shows it, a refused save comes back with what was typed and each error next to its row's field, and a task completed
 * as found with nothing recorded is named before the response is approved.
 */
class TaskFindingsPageTest extends RequestConsoleSupport {

    /** The form's fields as posted: found, a note, then rows of category, source, field and value. */
    static String[] found(String... rows) {
        var params = new java.util.ArrayList<>(List.of("outcome", "FOUND", "note", "Dossier trouvé"));
        for (int i = 0; i < rows.length; i++) {
            params.add(List.of("category", "source", "field", "value").get(i % 4));
            params.add(rows[i]);
        }
        return params.toArray(String[]::new);
    }

    @Test
    void whatWasFoundIsRecordedAndShownAndABadRowComesBackAsTyped() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        var task = tasks.of(id).getFirst();
        var path = "/tasks/" + task.id() + "/complete";
        assertThat(page("/console/requests/" + id, staff))
                .contains("id=\"category-" + task.id() + "-1\"")
                .contains("id=\"category-" + task.id() + "-" + RequestPage.FOUND_ROWS + "\"")
                .doesNotContain("id=\"category-" + task.id() + "-" + (RequestPage.FOUND_ROWS + 1) + "\"");
        assertThat(page("/console/requests/" + id + "?rows=15", staff))
                .contains("id=\"category-" + task.id() + "-15\"");

        var refused = refusedPage(
                staff, id, path, found("factures", "person", "numéro", "F-2024-001, payée", "", "", "", "120,00 $"));
        assertThat(refused)
                .contains("Champ, ligne 2")
                .contains("id=\"field-" + task.id() + "-2-error\"")
                // the summary's link goes to that task's field (officer's re-walk: "#field-2" went nowhere)
                .contains("<a href=\"#field-" + task.id() + "-2\">")
                .contains("id=\"field-" + task.id() + "-2\"")
                .contains("value=\"F-2024-001, payée\"")
                .contains("value=\"120,00 $\"")
                .contains("value=\"Dossier trouvé\"");
        assertThat(tasks.of(id).getFirst().done()).isFalse();

        act(
                staff,
                id,
                path,
                found(
                        "factures",
                        "person",
                        "numéro",
                        "F-2024-001, payée",
                        "",
                        "",
                        "montant",
                        "120,00 $",
                        "",
                        "",
                        "",
                        ""));
        var page = page("/console/requests/" + id, staff);
        assertThat(page)
                .contains("2 renseignements consignés")
                .contains(">F-2024-001, payée</td>")
                .contains(">montant</td>")
                .contains("Recueilli auprès de la personne");
        assertThat(page("/console/requests/" + id, session(Role.AUDITOR))).doesNotContain("F-2024-001");
        // the first row's source is chosen, never taken by default as "collected from the person" (officer's walk:
        // invoice rows went in as collected from the person, and into a portability package)
        var open = page("/console/requests/" + inProgress("ACCESS", staff), staff);
        var firstSource = open.substring(
                open.indexOf("<select id=\"source-"), open.indexOf("</select>", open.indexOf("<select id=\"source-")));
        assertThat(firstSource)
                .contains(
                        "<option value=\"\">— Choisir : recueilli auprès de la personne ou produit par l’organisation —</option>")
                .doesNotContain("selected");
    }

    @Test
    void aFoundTaskWithNothingRecordedIsNamedBeforeApproval() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", found());
        }
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Voici vos renseignements.");
        var officer = page("/console/requests/" + id, session(Role.PRIVACY_OFFICER));
        assertThat(officer)
                .contains("id=\"empty-found\"")
                .contains("ne contiendra rien de ces systèmes")
                .contains("data-confirm=\"Le paquet ne contiendra rien");
        assertThat(page("/console/requests/" + id + "?lang=en", staff))
                .contains("will hold nothing from these systems");
    }

    /** The officer's walk: "Plus de lignes" was a link that reloaded the page, and every row typed was lost. */
    @Test
    void moreRowsBringsTheFormBackWithMoreRowsAndEverythingTyped() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        var task = tasks.of(id).getFirst();
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/console/requests/" + id + "/tasks/" + task.id() + "/rows")
                .session(staff)
                .with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf());
        var params = found("factures", "person", "numéro", "F-2024-001", "", "", "montant", "120,00 $");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        var flash = mvc.perform(request)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/console/requests/" + id + "#task-" + task.id()))
                .andReturn()
                .getFlashMap();
        staff.removeAttribute(
                org.springframework.web.servlet.support.SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
        var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/console/requests/" + id)
                        .session(staff)
                        .flashAttrs(flash))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"category-" + task.id() + "-" + (RequestPage.FOUND_ROWS + TaskRowsAction.MORE) + "\"")
                .doesNotContain(
                        "id=\"category-" + task.id() + "-" + (RequestPage.FOUND_ROWS + TaskRowsAction.MORE + 1) + "\"")
                .contains("value=\"F-2024-001\"")
                .contains("value=\"120,00 $\"")
                .contains("value=\"Dossier trouvé\"")
                .doesNotContain("id=\"refused\"");
        assertThat(tasks.of(id).getFirst().done()).as("nothing completed").isFalse();
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/console/requests/" + id + "/tasks/" + task.id() + "/rows")
                                .session(session(Role.AUDITOR))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isForbidden());
    }
}
