package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.inventory.Inventory;
import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.shared.Actor;
import ca.gardien.shared.SubjectIdentifier;
import ca.gardien.support.MovableClock;
import ca.gardien.support.MovableClocks;
import ca.gardien.support.WebTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keeping period of consent records ({@code gardien.consent.retention.keep-for}, P3Y by default), with an injected
 * clock: a history whose latest record is no longer in force is destroyed once that record is older than the period,
 * and counted; a grant of the same age, or a history whose latest withdrawal is younger, is kept whole; a subject left
 * with nothing loses its identifiers; decisions, receipts and links then answer as for an unknown person.
 */
@Import(MovableClocks.class)
class ConsentRetentionTest extends WebTestSupport {

    static final String RECORDED = "2027-01-10";
    static final String PAST_THE_PERIOD = "2030-01-11"; // three years and a day later

    @Autowired
    MovableClock clock;

    @Autowired
    Inventory inventory;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    ConsentRetention retention;

    @Autowired
    ConsentReceipts receipts;

    @Autowired
    UnsubscribeLinks unsubscribeLinks;

    @Autowired
    Subjects subjects;

    @Autowired
    PreferenceLinks preferenceLinks;

    @Autowired
    EvidenceLedger evidence;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void map() {
        clock.reset();
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static String email() {
        return "kept-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    ConsentRecord choose(String email, String purpose, State state) {
        return ledger.record(
                new ConsentRequest(
                        new ConsentRequest.SubjectIds(email, null, null, null),
                        purpose,
                        state,
                        ConsentTerms.Kind.EXPRESS,
                        null,
                        ConsentTerms.Channel.API,
                        null,
                        null,
                        null,
                        null,
                        null),
                Actor.SYSTEM);
    }

    long records(UUID subject, String purpose) {
        return jdbc.sql("SELECT COUNT(*) FROM consent_record WHERE subject_id = ? AND purpose_id = ?")
                .params(subject, purpose)
                .query(Long.class)
                .single();
    }

    long identifiers(UUID subject) {
        return jdbc.sql("SELECT COUNT(*) FROM consent_identifier WHERE subject_id = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    long subjectRows(UUID subject) {
        return jdbc.sql("SELECT COUNT(*) FROM consent_subject WHERE id = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    List<Long> counted(String purpose, String state, int year) {
        return jdbc.sql("SELECT histories, records FROM consent_count WHERE purpose_id = ? AND final_state = ?"
                        + " AND recorded_year = ?")
                .params(purpose, state, year)
                .query((rs, n) -> List.of(rs.getLong("histories"), rs.getLong("records")))
                .optional()
                .orElse(List.of(0L, 0L));
    }

    @Test
    void aWithdrawnHistoryPastTheKeepingPeriodIsDestroyedWholeAndCountedWithOneLedgerFact() {
        clock.setDay(RECORDED);
        var email = email();
        var grant = choose(email, "newsletter", State.GRANTED);
        var withdrawal = choose(email, "newsletter", State.WITHDRAWN);
        var before = counted("newsletter", "WITHDRAWN", 2027);

        clock.setDay("2030-01-09"); // the withdrawal is not yet three years old
        retention.sweep();
        assertThat(records(grant.subjectId(), "newsletter")).isEqualTo(2);

        clock.setDay(PAST_THE_PERIOD);
        assertThat(retention.sweep()).isGreaterThanOrEqualTo(2);
        assertThat(records(grant.subjectId(), "newsletter")).isZero();
        var after = counted("newsletter", "WITHDRAWN", 2027);
        assertThat(after.get(0) - before.get(0)).isEqualTo(1);
        assertThat(after.get(1) - before.get(1)).isEqualTo(2);
        assertThat(retention.sweep()).isZero();
        assertThat(counted("newsletter", "WITHDRAWN", 2027)).isEqualTo(after);

        var fact = awaitLedgerEntry("consent.records.destroyed", e -> true);
        assertThat(String.valueOf(fact.get("payload")))
                .contains("histories", "records", "keepFor", "P3Y")
                .doesNotContain(email, grant.subjectId().toString());
        // the ledger's entries of the destroyed records stay, and the ledger still verifies
        awaitLedgerEntry("consent.recorded", grant.id());
        awaitLedgerEntry("consent.recorded", withdrawal.id());
        clock.reset();
        assertThat(evidence.verify().valid()).isTrue();
    }

    @Test
    void aGrantOfTheSameAgeAndAHistoryWhoseWithdrawalIsYoungerAreKeptWhole() {
        clock.setDay(RECORDED);
        var granted = email();
        var grant = choose(granted, "newsletter", State.GRANTED);
        var withdrawnLater = email();
        var early = choose(withdrawnLater, "newsletter", State.GRANTED);
        clock.setDay("2029-06-01");
        choose(withdrawnLater, "newsletter", State.WITHDRAWN);

        clock.setDay(PAST_THE_PERIOD);
        retention.sweep();

        assertThat(records(grant.subjectId(), "newsletter")).isEqualTo(1);
        assertThat(decisions.decide("email:" + granted, "newsletter").decision())
                .isEqualTo(Decision.ALLOW);
        assertThat(records(early.subjectId(), "newsletter")).isEqualTo(2);
        assertThat(decisions.decide("email:" + withdrawnLater, "newsletter").reason())
                .isEqualTo("withdrawn");
        assertThat(identifiers(grant.subjectId())).isEqualTo(1);
    }

    @Test
    void aSubjectLeftWithNothingLosesItsIdentifiersAndOneWithAKeptPurposeKeepsThem() {
        clock.setDay(RECORDED);
        var gone = email();
        var refusal = choose(gone, "newsletter", State.REFUSED);
        var kept = email();
        var withdrawn = choose(kept, "newsletter", State.WITHDRAWN);
        choose(kept, "care", State.GRANTED);

        clock.setDay(PAST_THE_PERIOD);
        retention.sweep();

        assertThat(identifiers(refusal.subjectId())).isZero();
        assertThat(subjectRows(refusal.subjectId())).isZero();
        assertThat(subjects.find(SubjectIdentifier.parse("email:" + gone, "CA")))
                .isEmpty();
        assertThat(records(withdrawn.subjectId(), "newsletter")).isZero();
        assertThat(records(withdrawn.subjectId(), "care")).isEqualTo(1);
        assertThat(identifiers(withdrawn.subjectId())).isEqualTo(1);
    }

    @Test
    void decisionsAfterThePurgeAnswerAsForAnUnknownSubjectAndANewChoiceStartsAfresh() {
        clock.setDay(RECORDED);
        var email = email();
        choose(email, "newsletter", State.WITHDRAWN);
        var other = email();
        choose(other, "newsletter", State.REFUSED);
        choose(other, "care", State.GRANTED);
        clock.setDay("2028-01-10");
        assertThat(decisions.decide("email:" + email, "newsletter").reason()).isEqualTo("withdrawn");

        clock.setDay(PAST_THE_PERIOD);
        retention.sweep();

        var unknown = decisions.decide("email:" + email(), "newsletter");
        assertThat(unknown).isEqualTo(new Decision(Decision.DENY, "no-consent", null));
        assertThat(decisions.decide("email:" + email, "newsletter")).isEqualTo(unknown);
        assertThat(decisions.decide("email:" + other, "newsletter")).isEqualTo(unknown);
        assertThat(decisions.decide("email:" + other, "care").allowed()).isTrue();

        var again = choose(email, "newsletter", State.GRANTED);
        assertThat(subjectRows(again.subjectId())).isEqualTo(1);
        assertThat(decisions.decide("email:" + email, "newsletter"))
                .isEqualTo(new Decision(Decision.ALLOW, "granted", again.id()));
    }

    @Autowired
    ConsentRecords consentRecords;

    @Autowired
    ConsentProperties properties;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier(ConsentConfiguration.KEY)
    ca.gardien.shared.KeyedDigest key;

    @Test
    void anotherNodeThatCachedADestroyedSubjectFindsThePersonsNewSubject() {
        var otherNode =
                new ConsentDecisions(consentRecords, new Subjects(jdbc, jdbcTemplate, key, clock), properties, clock);
        clock.setDay(RECORDED);
        var email = email();
        choose(email, "newsletter", State.WITHDRAWN);
        otherNode.poll();
        assertThat(otherNode.decide("email:" + email, "newsletter").reason()).isEqualTo("withdrawn"); // now cached

        clock.setDay(PAST_THE_PERIOD);
        retention.sweep(); // on this node: the other keeps its cache until its own sweep
        var again = choose(email, "newsletter", State.GRANTED);
        otherNode.poll();

        assertThat(otherNode.decide("email:" + email, "newsletter"))
                .isEqualTo(new Decision(Decision.ALLOW, "granted", again.id()));
    }

    @Test
    void anExpiredGrantIsDestroyedWithItsExpiryOnceThePeriodHasRunFromTheExpiry() {
        clock.setDay(RECORDED);
        var email = email();
        var grant = ledger.record(
                new ConsentRequest(
                        new ConsentRequest.SubjectIds(email, null, null, null),
                        "newsletter",
                        State.GRANTED,
                        ConsentTerms.Kind.EXPRESS,
                        null,
                        ConsentTerms.Channel.API,
                        null,
                        null,
                        null,
                        null,
                        clock.instant().plus(Duration.ofDays(30))),
                Actor.SYSTEM);
        clock.setDay("2027-03-01");
        new ConsentExpiry(jdbc, ledger, transactions, clock).sweep();
        assertThat(records(grant.subjectId(), "newsletter")).isEqualTo(2);

        clock.setDay("2030-02-27"); // the grant is older than three years, its expiry is not
        retention.sweep();
        assertThat(records(grant.subjectId(), "newsletter")).isEqualTo(2);

        clock.setDay("2030-03-02");
        retention.sweep();
        assertThat(records(grant.subjectId(), "newsletter")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_expiry WHERE grant_id = ?")
                        .param(grant.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aReceiptLinkOfADestroyedRecordIsGoneInTheReadersLanguageAndTheApiAnswersNotFound() throws Exception {
        clock.setDay(RECORDED);
        var refusal = choose(email(), "newsletter", State.REFUSED);
        var path = ConsentReceipts.PATH + receipts.token(refusal.id());
        mvc.perform(get(path)).andExpect(status().isOk());

        clock.setDay(PAST_THE_PERIOD);
        retention.sweep();

        mvc.perform(get(path).header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(problem(410, "consent-receipt-gone"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("durée de conservation")));
        mvc.perform(get(path).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(problem(410, "consent-receipt-gone"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("keeping period")));
        mvc.perform(get("/api/v1/consents/" + refusal.id() + "/receipt")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void anUnsubscribeLinkThatOutlivedItsPersonRecordsNothingAndSaysSo() throws Exception {
        clock.setDay(RECORDED);
        var withdrawal = choose(email(), "newsletter", State.WITHDRAWN);
        var path = UnsubscribeLinks.PATH + unsubscribeLinks.token(withdrawal.subjectId(), "newsletter");

        clock.setDay(PAST_THE_PERIOD);
        retention.sweep();

        // the link itself says so, without offering to unsubscribe (attacker review: it answered 200 with the button)
        mvc.perform(get(path))
                .andExpect(status().isGone())
                .andExpect(content().string(Matchers.containsString("Aucun consentement n’est conservé")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<form"))));
        mvc.perform(post(path).param("List-Unsubscribe", "One-Click"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Aucun consentement n’est conservé")));
        mvc.perform(post(path).param("List-Unsubscribe", "One-Click").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No consent of yours is kept")));
        assertThat(subjectRows(withdrawal.subjectId())).isZero();
        assertThat(records(withdrawal.subjectId(), "newsletter")).isZero();
    }

    @Test
    void aPreferenceLinkThatOutlivedItsPersonIsGoneAndRecordsNothing() throws Exception {
        clock.setDay(RECORDED);
        var refusal = choose(email(), "newsletter", State.REFUSED);
        var path = PreferenceLinks.PATH
                + preferenceLinks.token(refusal.subjectId(), clock.instant().plus(Duration.ofDays(5 * 365)));

        clock.setDay(PAST_THE_PERIOD);
        retention.sweep();

        mvc.perform(get(path)).andExpect(status().isGone());
        mvc.perform(post(path).param("purpose", "newsletter").param("choice", "grant"))
                .andExpect(status().isGone());
        assertThat(subjectRows(refusal.subjectId())).isZero();
        assertThat(records(refusal.subjectId(), "newsletter")).isZero();
    }

    @Test
    void twoSweepsAtOnceDestroyAndCountEachHistoryOnce() throws Exception {
        clock.setDay("2026-02-10");
        var histories = new java.util.ArrayList<ConsentRecord>();
        for (int i = 0; i < 6; i++) {
            var email = email();
            choose(email, "care", State.GRANTED);
            histories.add(choose(email, "care", State.WITHDRAWN));
        }
        var before = counted("care", "WITHDRAWN", 2026);
        clock.setDay("2029-02-11");
        Callable<Integer> sweep = () -> retention.sweep();
        int destroyed;
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(sweep);
            var b = pool.submit(sweep);
            destroyed = a.get() + b.get();
        }
        for (var history : histories) {
            assertThat(records(history.subjectId(), "care")).isZero();
        }
        var after = counted("care", "WITHDRAWN", 2026);
        assertThat(after.get(0) - before.get(0)).isEqualTo(6);
        assertThat(after.get(1) - before.get(1)).isEqualTo(12);
        assertThat(destroyed).isEqualTo(12);
    }
}
