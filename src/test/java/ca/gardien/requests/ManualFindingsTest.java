package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What staff found by hand in a system without a connector goes into the answer: a manual task completed as found with
 * rows of category, source, field and value gives the same records as a connector's export, so data.json (and for
 * portability data.csv) hold them; a found task with nothing recorded is named before the officer approves.
 */
class ManualFindingsTest extends RequestsTestSupport {

    static final Actor STAFF = new Actor(Actor.Kind.ACCOUNT, UUID.randomUUID().toString());

    @Autowired
    RequestWork work;

    @Autowired
    RequestTasks tasks;

    @Autowired
    Requests requests;

    @Autowired
    AccessPackage packages;

    @Autowired
    RequestViews views;

    static List<TaskFindings.Row> invoices() {
        return List.of(
                new TaskFindings.Row("factures", "person", "numéro", "F-2024-001, payée"),
                new TaskFindings.Row("", "", "montant", "120,00 $"),
                new TaskFindings.Row(null, null, null, null), // an empty row is ignored
                new TaskFindings.Row("notes internes", "organization", "cote", "B"));
    }

    /** Completes the crm task by hand with these rows as found, and the other tasks as not found. */
    void completeByHand(UUID id, List<TaskFindings.Row> crm) {
        for (var task : tasks.of(id)) {
            var found = "crm".equals(task.systemId());
            work.complete(
                    id,
                    task.id(),
                    found ? "FOUND" : "NOT_FOUND",
                    found ? "Dossier trouvé : factures 2024–2025" : null,
                    found ? crm : List.of(),
                    STAFF);
        }
    }

    /** The answer's files, as text, once the crm task is completed by hand with {@link #invoices()}. */
    java.util.Map<String, String> answered(UUID id) throws Exception {
        completeByHand(id, invoices());
        var draft = new ResponseDraft("FULFILLED", null, null, List.of(), null, null);
        var files = new java.util.HashMap<String, String>();
        RightsRequestEndToEndTest.unzip(packages.build(requests.get(id), draft))
                .forEach((name, bytes) -> files.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return files;
    }

    @Test
    void anAccessAnswerHoldsWhatWasFoundByHand() throws Exception {
        var id = inProgress("ACCESS", email());
        var files = answered(id);
        assertThat(files.get("data.json"))
                .contains("\"crm\"")
                .contains("F-2024-001, payée")
                .contains("120,00 $")
                .contains("notes internes");
        assertThat(files).doesNotContainKey("data.csv");

        var fact = awaitLedgerEntry(
                "requests.task-completed",
                e -> id.toString().equals(e.get("objectId"))
                        && String.valueOf(e.get("payload")).contains("\"crm\""));
        assertThat(String.valueOf(fact.get("payload")))
                .as("the ledger counts the records, never their values")
                .contains("\"records\":\"2\"")
                .contains("\"fields\":\"3\"") // as the task's card counts them
                .doesNotContain("F-2024")
                .doesNotContain("factures");

        var view = views.of(id, STAFF, Set.of(Role.STAFF));
        assertThat(view.found().get("crm")).hasSize(2);
        assertThat(view.emptyFound()).isEmpty();
    }

    @Test
    void aPortabilityAnswerHoldsInJsonAndCsvWhatWasCollectedFromThePerson() throws Exception {
        var files = answered(inProgress("PORTABILITY", email()));
        assertThat(files.get("data.csv"))
                .startsWith("system,category,field,value\r\n")
                .contains("crm,factures,numéro,\"F-2024-001, payée\"\r\n")
                .contains("crm,factures,montant,\"120,00 $\"\r\n")
                .doesNotContain("cote");
        assertThat(files.get("data.json")).contains("F-2024-001, payée").doesNotContain("notes internes");
    }

    @Test
    void aFoundTaskWithNothingForThePackageIsNamedBeforeApproval() throws Exception {
        var id = inProgress("PORTABILITY", email());
        completeByHand(id, List.of(new TaskFindings.Row("notes internes", "organization", "cote", "B")));

        assertThat(views.of(id, STAFF, Set.of(Role.STAFF)).emptyFound())
                .as("for portability, only what was collected from the person goes into the package")
                .containsExactly("crm");
        var access = inProgress("ACCESS", email());
        completeByHand(access, List.of());
        assertThat(views.of(access, STAFF, Set.of(Role.STAFF)).emptyFound()).containsExactly("crm");
        assertThat(views.of(access, STAFF, Set.of(Role.AUDITOR)).found())
                .as("what was found is shown to those who work requests only")
                .isEmpty();
    }

    @Test
    void badRowsAreRefusedEachByItsFieldAndTheTaskStaysOpen() throws Exception {
        var id = inProgress("ACCESS", email());
        var crm = tasks.of(id).stream()
                .filter(t -> "crm".equals(t.systemId()))
                .findFirst()
                .orElseThrow();
        var rows = List.of(
                new TaskFindings.Row(null, "person", "numéro", "F-1"),
                new TaskFindings.Row("factures", "person", "numéro", ""),
                new TaskFindings.Row("factures", "somewhere", "", "120"),
                new TaskFindings.Row("factures", "person", "n", "1"),
                new TaskFindings.Row("", "", "n", "2"),
                new TaskFindings.Row("x".repeat(201), "person", "f", "v".repeat(4001)));

        assertThatThrownBy(() -> work.complete(id, crm.id(), "FOUND", null, rows, STAFF))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().stream().map(FieldError::field))
                                .containsExactly(
                                        "category-1",
                                        "value-2",
                                        "source-3",
                                        "field-3",
                                        "field-5",
                                        "category-6",
                                        "value-6"));
        assertThatThrownBy(() -> work.complete(
                        id,
                        crm.id(),
                        "NOT_FOUND",
                        null,
                        List.of(new TaskFindings.Row("factures", "person", "n", "1")),
                        STAFF))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().getFirst().field()).isEqualTo("outcome"));
        var tooMany = new TaskFindings.Row[TaskFindings.MAX_ROWS + 1];
        Arrays.fill(tooMany, new TaskFindings.Row("c", "person", "f", "v"));
        assertThatThrownBy(() -> work.complete(id, crm.id(), "FOUND", null, List.of(tooMany), STAFF))
                .isInstanceOf(InvalidInputException.class);
        assertThat(tasks.of(id)).filteredOn(t -> t.id().equals(crm.id())).allMatch(t -> !t.done());
    }
}
