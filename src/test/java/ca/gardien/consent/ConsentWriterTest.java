package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ca.gardien.consent.ConsentBatch.Drafted;
import ca.gardien.consent.ConsentBatch.Pending;
import ca.gardien.consent.ConsentTerms.Channel;
import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.SubjectIdentifier;
import ca.gardien.support.WebTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consent writer's group commit: what one group does with writes that break a rule, name two subjects or share a
 * new person, and when it sends its writes back to be made alone.
 */
class ConsentWriterTest extends WebTestSupport {

    private static final ConsentRecord.Proof PROOF = new ConsentRecord.Proof("test", null, null, "fr", false);

    @Autowired
    Inventory inventory;

    @Autowired
    ConsentBatch batch;

    @Autowired
    ConsentWriter writer;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    Subjects subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void map() {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
    }

    @Test
    void aGroupRefusesTheWritesThatBreakARuleOrNameTwoSubjectsAndWritesTheOthers() {
        var first = email();
        var second = email();
        var valid = pending(List.of(email()), "newsletter");
        var unknownPurpose = pending(List.of(email()), "no-such-purpose");
        var twoSubjects = pending(List.of(first, second), "newsletter");
        written(pending(List.of(first), "newsletter"));
        written(pending(List.of(second), "newsletter"));
        long subjectsBefore = count("consent_subject");

        var outcomes = inTransaction(List.of(valid, unknownPurpose, twoSubjects));

        assertThat(outcomes.get(0).refused()).isNull();
        assertThat(outcomes.get(0).written())
                .singleElement()
                .satisfies(w -> assertThat(w.seq()).isPositive());
        assertThat(outcomes.get(1).refused()).isInstanceOf(InvalidInputException.class);
        assertThat(outcomes.get(2).refused()).isInstanceOf(ConflictException.class);
        assertThat(outcomes.get(1).written()).isEmpty();
        assertThat(outcomes.get(2).written()).isEmpty();
        assertThat(count("consent_subject"))
                .as("a subject for the valid write only")
                .isEqualTo(subjectsBefore + 1);
    }

    @Test
    void writesOfOneNewPersonInOneGroupShareTheSubjectTheFirstCreatedAndLinkEveryIdentifier() {
        var email = email();
        var phone = new SubjectIdentifier(ca.gardien.shared.IdentifierKind.CUSTOMER, "C-" + UUID.randomUUID());
        var a = pending(List.of(email), "newsletter");
        var b = pending(List.of(email), "newsletter");
        var c = pending(List.of(email, phone), "newsletter");

        var outcomes = inTransaction(List.of(a, b, c));

        var subject = outcomes.get(0).written().getFirst().record().subjectId();
        assertThat(outcomes.subList(1, 3))
                .allSatisfy(o ->
                        assertThat(o.written().getFirst().record().subjectId()).isEqualTo(subject));
        assertThat(subjects.findAgain(phone)).contains(subject);
        assertThat(subjects.findAgain(email)).contains(subject);
    }

    @Test
    void aSubjectDestroyedSinceThisNodeCachedItSendsTheGroupBackToBeWrittenAloneAndIsForgotten() {
        var email = email();
        var subject = written(pending(List.of(email), "newsletter"))
                .getFirst()
                .record()
                .subjectId();
        assertThat(subjects.find(email)).contains(subject); // cached by this node now
        destroy(subject); // as another node's keeping sweep would

        assertThatThrownBy(() -> inTransaction(List.of(pending(List.of(email), "newsletter"))))
                .isInstanceOf(ConsentBatch.WriteAlone.class);
        assertThat(subjects.cached(email)).isEmpty();
        var again = ledger.recordBannerChoice(email, java.util.Map.of("statistics", true), PROOF);
        assertThat(again.getFirst().subjectId()).isNotEqualTo(subject);
    }

    @Test
    void aGroupThatRollsBackIsSentBackToBeWrittenAloneWithNothingWritten() {
        var email = email();
        var tooLong = "v".repeat(101); // the notice version column holds 100: the insert fails, the group rolls back
        ConsentBatch.Draft draft = map -> subject -> List.of(new Drafted(
                new ConsentRecord(
                        UUID.randomUUID(),
                        subject,
                        "newsletter",
                        State.GRANTED,
                        ConsentTerms.Kind.EXPRESS,
                        ConsentTerms.GivenBy.PERSON,
                        Channel.API,
                        tooLong,
                        null,
                        PROOF,
                        Instant.now(),
                        null),
                Actor.SYSTEM));

        long sentBack = writer.sentBack();
        assertThat(writer.write(new Pending(subjects.keyed(List.of(email)), draft)))
                .isEmpty();
        assertThat(writer.sentBack())
                .as("counted (gardien_consent_writer_sent_back_total)")
                .isEqualTo(sentBack + 1);
        assertThat(subjects.findAgain(email))
                .as("the new subject rolled back with the group")
                .isEmpty();
    }

    @Test
    void everyRecordOfAGroupGetsItsOwnLedgerEntry() {
        var group = List.of(
                pending(List.of(email()), "newsletter"),
                pending(List.of(email()), "newsletter"),
                pending(List.of(email()), "newsletter"));

        var ids = inTransaction(group).stream()
                .map(o -> o.written().getFirst().record().id())
                .toList();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ids)
                        .allSatisfy(
                                id -> assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry e JOIN consent_record r"
                                                        + " ON r.ledger_event_id = e.event_id WHERE r.id = ?"
                                                        + " AND e.action = 'consent.recorded'")
                                                .param(id)
                                                .query(Long.class)
                                                .single())
                                        .isEqualTo(1)));
    }

    /** On H2 the event of a full group outgrew its publication column: every group rolled back to writes made alone. */
    @Test
    void aFullGroupIsWrittenInOneTransactionWithItsOneEvent() {
        var group = java.util.stream.IntStream.range(0, 64)
                .mapToObj(i -> pending(List.of(email()), "newsletter"))
                .toList();

        var outcomes = inTransaction(group);

        assertThat(outcomes).hasSize(64).allSatisfy(o -> assertThat(o.refused()).isNull());
        assertThat(outcomes).allSatisfy(o -> assertThat(o.written()).hasSize(1));
    }

    private static SubjectIdentifier email() {
        return new SubjectIdentifier(
                ca.gardien.shared.IdentifierKind.EMAIL,
                "w-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
    }

    private Pending pending(List<SubjectIdentifier> identifiers, String purpose) {
        ConsentBatch.Draft draft = map -> {
            ConsentRules.PurposeTerms.in(map, purpose); // refuses a purpose the map does not know
            return subject -> List.of(new Drafted(
                    ConsentRecord.byPerson(subject, purpose, State.GRANTED, Channel.API, PROOF, Instant.now()),
                    Actor.SYSTEM));
        };
        return new Pending(subjects.keyed(identifiers), draft);
    }

    private List<ConsentBatch.Written> written(Pending pending) {
        var outcome = inTransaction(List.of(pending)).getFirst();
        assertThat(outcome.refused()).isNull();
        return outcome.written();
    }

    private List<ConsentBatch.Outcome> inTransaction(List<Pending> group) {
        return new TransactionTemplate(transactionManager).execute(status -> batch.write(group));
    }

    private void destroy(UUID subject) {
        jdbc.sql("DELETE FROM consent_record WHERE subject_id = ?")
                .param(subject)
                .update();
        jdbc.sql("DELETE FROM consent_identifier WHERE subject_id = ?")
                .param(subject)
                .update();
        jdbc.sql("DELETE FROM consent_subject WHERE id = ?").param(subject).update();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
