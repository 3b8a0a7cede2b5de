package ca.gardien.retention;

import ca.gardien.ledger.Evidence;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of anonymizations (Regulation respecting the anonymization of personal information): for each rule
 * whose disposal is {@code anonymize}, the purposes recorded before the process starts, the qualified person who
 * supervises it, the information concerned, the techniques and security measures, and the re-identification risk
 * analyses on the three criteria (individualization, correlation, inference). A real run of such a rule waits for an
 * entry whose latest analysis concludes that the risk is very low.
 */
@Component
class RetentionAnonymizations {

    /** One analysis: the reasoning on each criterion and whether the risk of re-identification is very low. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "RetentionRiskAnalysis")
    record Analysis(
            UUID id,
            LocalDate analysedOn,
            String individualization,
            String correlation,
            String inference,
            boolean veryLow,
            Instant recordedAt) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "RetentionAnonymizationEntry")
    record Entry(
            String rule,
            String information,
            String purposes,
            String supervisor,
            String techniques,
            String securityMeasures,
            Instant recordedAt,
            List<Analysis> analyses,
            @com.fasterxml.jackson.annotation.JsonIgnore String scope) {

        /** The analysis recorded last. */
        Optional<Analysis> latest() {
            return analyses.stream().max(java.util.Comparator.comparing(Analysis::recordedAt));
        }

        /** The date of the latest analysis (by the day it was made, not recorded); empty before any analysis. */
        Optional<LocalDate> lastAnalysed() {
            return analyses.stream().map(Analysis::analysedOn).max(LocalDate::compareTo);
        }

        /**
         * Ready for a real run of the rule as it stands: recorded for this scope, and the analysis recorded last,
         * after the entry, concludes that the risk is very low.
         */
        boolean ready(String currentScope) {
            return scope.equals(currentScope)
                    && latest().filter(a -> a.veryLow() && !a.recordedAt().isBefore(recordedAt))
                            .isPresent();
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "RetentionAnonymizationInput") // one name per schema
    record NewEntry(
            String information, String purposes, String supervisor, String techniques, String securityMeasures) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "RetentionRiskAnalysisInput")
    record NewAnalysis(
            LocalDate analysedOn, String individualization, String correlation, String inference, Boolean veryLow) {}

    private final JdbcClient jdbc;
    private final RetentionSchedules schedules;
    private final ApplicationEventPublisher events;
    private final OrganizationTime time;
    private final Clock clock;

    RetentionAnonymizations(
            JdbcClient jdbc,
            RetentionSchedules schedules,
            ApplicationEventPublisher events,
            OrganizationTime time,
            Clock clock) {
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.events = events;
        this.time = time;
        this.clock = clock;
    }

    @Transactional
    Entry record(String rule, NewEntry e, Actor actor) {
        anonymizing(rule);
        var errors = new ArrayList<FieldError>();
        var information = text("information", e == null ? null : e.information(), 4000, errors);
        var purposes = text("purposes", e == null ? null : e.purposes(), 4000, errors);
        var supervisor = text("supervisor", e == null ? null : e.supervisor(), 200, errors);
        var techniques = text("techniques", e == null ? null : e.techniques(), 4000, errors);
        var security = text("securityMeasures", e == null ? null : e.securityMeasures(), 4000, errors);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        var now = clock.instant();
        var scope = schedules.get(rule).scope();
        int updated = jdbc.sql("UPDATE retention_anonymization SET information = ?, purposes = ?, supervisor = ?,"
                        + " techniques = ?, security_measures = ?, recorded_by = ?, recorded_at = ?, scope_sha256 = ?"
                        + " WHERE rule_id = ?")
                .params(information, purposes, supervisor, techniques, security, RetentionRuns.who(actor))
                .params(RetentionRunStore.at(now), scope, rule)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO retention_anonymization (rule_id, information, purposes, supervisor, techniques,"
                            + " security_measures, recorded_by, recorded_at, scope_sha256)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(rule, information, purposes, supervisor, techniques, security, RetentionRuns.who(actor))
                    .params(RetentionRunStore.at(now), scope)
                    .update();
        }
        events.publishEvent(Evidence.of(
                now, actor, "retention.anonymization.recorded", "retention-rule", rule, Map.of("rule", rule)));
        return find(rule).orElseThrow();
    }

    @Transactional
    Entry analyse(String rule, NewAnalysis a, Actor actor) {
        anonymizing(rule);
        var scope = schedules.get(rule).scope();
        if (find(rule).filter(e -> e.scope().equals(scope)).isEmpty()) {
            throw new ConflictException("retention.anonymization-purposes-first"); // for the rule as it stands
        }
        var errors = new ArrayList<FieldError>();
        var today = LocalDate.ofInstant(clock.instant(), time.zone());
        if (a == null || a.analysedOn() == null) {
            errors.add(FieldError.of("analysedOn", "retention.field.required.analysedOn"));
        } else if (a.analysedOn().isAfter(today) || a.analysedOn().isBefore(LocalDate.of(2024, 1, 1))) {
            errors.add(FieldError.of("analysedOn", "retention.field.analysed-on"));
        }
        var individualization = text("individualization", a == null ? null : a.individualization(), 4000, errors);
        var correlation = text("correlation", a == null ? null : a.correlation(), 4000, errors);
        var inference = text("inference", a == null ? null : a.inference(), 4000, errors);
        if (a == null || a.veryLow() == null) errors.add(FieldError.of("veryLow", "retention.field.very-low"));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        var id = UUID.randomUUID();
        var now = clock.instant();
        jdbc.sql("INSERT INTO retention_risk_analysis (id, rule_id, analysed_on, individualization, correlation,"
                        + " inference, very_low, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, rule, a.analysedOn(), individualization, correlation, inference, a.veryLow())
                .params(RetentionRuns.who(actor), RetentionRunStore.at(now))
                .update();
        events.publishEvent(Evidence.of(
                now,
                actor,
                "retention.anonymization.analysed",
                "retention-rule",
                rule,
                Map.of("analysedOn", a.analysedOn().toString(), "veryLow", String.valueOf(a.veryLow()))));
        return find(rule).orElseThrow();
    }

    Optional<Entry> find(String rule) {
        var analyses = jdbc.sql(
                        "SELECT id, analysed_on, individualization, correlation, inference, very_low, recorded_at"
                                + " FROM retention_risk_analysis WHERE rule_id = ? ORDER BY analysed_on, recorded_at")
                .param(rule)
                .query((rs, n) -> new Analysis(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getObject(7, java.time.OffsetDateTime.class).toInstant()))
                .list();
        return jdbc.sql("SELECT rule_id, information, purposes, supervisor, techniques, security_measures, recorded_at,"
                        + " scope_sha256"
                        + " FROM retention_anonymization WHERE rule_id = ?")
                .param(rule)
                .query((rs, n) -> new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, java.time.OffsetDateTime.class).toInstant(),
                        analyses,
                        rs.getString(8)))
                .optional();
    }

    /** Whether a real run of this rule may go: not an anonymizing rule, or its entry is ready. */
    boolean mayRun(RetentionSchedules.Schedule schedule) {
        return !schedule.anonymize()
                || find(schedule.rule().id())
                        .map(e -> e.ready(schedule.scope()))
                        .orElse(false);
    }

    /** Every entry, by rule. */
    List<Entry> all() {
        return jdbc
                .sql("SELECT rule_id FROM retention_anonymization ORDER BY rule_id")
                .query(String.class)
                .list()
                .stream()
                .map(rule -> find(rule).orElseThrow())
                .toList();
    }

    /** The rule must exist and anonymize: the register is about anonymization only. */
    private void anonymizing(String rule) {
        if (!schedules.get(rule).anonymize()) {
            throw new ConflictException("retention.anonymization-not-anonymizing");
        }
    }

    /** A required text of the register: each error a sentence that names its field (by its label, in the reader's words). */
    private static String text(String field, String value, int max, List<FieldError> errors) {
        var v = value == null ? "" : value.strip();
        var label = new DefaultMessageSourceResolvable("retention.register.field." + field);
        if (v.isEmpty()) {
            errors.add(FieldError.of(field, "retention.field.required." + field));
        } else if (v.length() > max) {
            errors.add(FieldError.of(field, "retention.field.too-long", label, max));
        } else if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(FieldError.of(field, "retention.field.control-characters", label));
        }
        return v;
    }
}
