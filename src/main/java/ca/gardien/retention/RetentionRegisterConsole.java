package ca.gardien.retention;

import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.NotFoundException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The register of anonymizations in the console: each anonymizing rule with its entry (the information, the purposes,
 * the qualified person who supervises, the techniques, the security measures), its re-identification risk analyses on
 * the three criteria and when the latest is to be updated; and the forms that record an entry and an analysis, under
 * the same rules as the API. The person in charge and delegates record; auditors read.
 */
@Service
@org.springframework.modulith.NamedInterface({"views", "actions"})
public class RetentionRegisterConsole {

    /** One analysis in words: its date, the reasoning on each criterion, and its conclusion. */
    public record AnalysisLine(
            String analysedOn,
            String individualization,
            String correlation,
            String inference,
            boolean veryLow,
            String conclusion) {}

    /**
     * An anonymizing rule in the register. {@code values}: what its entry says, by field name ({@code information},
     * {@code purposes}, {@code supervisor}, {@code techniques}, {@code securityMeasures}), empty before it is recorded;
     * {@code current}: recorded for the rule as it stands (analyses may follow); {@code status}: ready, or what is
     * missing; {@code reassessment}: by when the latest analysis is to be updated, null before any.
     */
    public record EntryLine(
            String rule,
            String name,
            boolean recorded,
            boolean current,
            Map<String, String> values,
            String recordedAt,
            List<AnalysisLine> analyses,
            String status,
            String reassessment,
            boolean reassessOverdue) {}

    private final RetentionSchedules schedules;
    private final RetentionAnonymizations register;
    private final RetentionReassessments reassessments;
    private final RetentionRuleLines lines;
    private final RetentionProperties properties;
    private final MessageSource messages;

    RetentionRegisterConsole(
            RetentionSchedules schedules,
            RetentionAnonymizations register,
            RetentionReassessments reassessments,
            RetentionRuleLines lines,
            RetentionProperties properties,
            MessageSource messages) {
        this.schedules = schedules;
        this.register = register;
        this.reassessments = reassessments;
        this.lines = lines;
        this.properties = properties;
        this.messages = messages;
    }

    /** Every rule of the data map that anonymizes, with its entry and analyses. */
    public List<EntryLine> entries(Locale locale) {
        return schedules.all().stream()
                .filter(RetentionSchedules.Schedule::anonymize)
                .map(s -> line(s, locale))
                .toList();
    }

    /** One anonymizing rule, for the forms of those who record; 404 for a rule that destroys or does not exist. */
    public EntryLine entry(String rule, Locale locale, Authentication auth) {
        RetentionConsole.writer(auth);
        var schedule = schedules.get(rule);
        if (!schedule.anonymize()) throw new NotFoundException("retention.object.anonymization", rule);
        return line(schedule, locale);
    }

    /** The period of the updates in words ("12 mois"): the organization's choice. */
    public String reassessEvery(Locale locale) {
        return lines.duration(properties.reassessEvery().toString(), locale);
    }

    public void record(
            String rule,
            String information,
            String purposes,
            String supervisor,
            String techniques,
            String securityMeasures,
            Authentication auth) {
        RetentionConsole.writer(auth);
        register.record(
                rule,
                new RetentionAnonymizations.NewEntry(information, purposes, supervisor, techniques, securityMeasures),
                CurrentActor.of(auth));
    }

    /**
     * {@code analysedOn} as a form sends it (yyyy-mm-dd) and {@code veryLow} as {@code true} or {@code false}; either
     * unreadable is refused with the other fields.
     */
    public void analyse(
            String rule,
            String analysedOn,
            String individualization,
            String correlation,
            String inference,
            String veryLow,
            Authentication auth) {
        RetentionConsole.writer(auth);
        LocalDate day;
        try {
            day = analysedOn == null || analysedOn.isBlank() ? null : LocalDate.parse(analysedOn.strip());
        } catch (DateTimeParseException e) {
            day = null; // refused as a missing date
        }
        var conclusion = "true".equals(veryLow) ? Boolean.TRUE : "false".equals(veryLow) ? Boolean.FALSE : null;
        register.analyse(
                rule,
                new RetentionAnonymizations.NewAnalysis(day, individualization, correlation, inference, conclusion),
                CurrentActor.of(auth));
    }

    private EntryLine line(RetentionSchedules.Schedule s, Locale locale) {
        var r = s.rule();
        var entry = register.find(r.id());
        boolean current = entry.filter(e -> e.scope().equals(s.scope())).isPresent();
        var values = new LinkedHashMap<String, String>();
        entry.ifPresent(e -> {
            values.put("information", e.information());
            values.put("purposes", e.purposes());
            values.put("supervisor", e.supervisor());
            values.put("techniques", e.techniques());
            values.put("securityMeasures", e.securityMeasures());
        });
        var analyses = entry.map(e -> e.analyses().stream()
                        .map(a -> new AnalysisLine(
                                RetentionRuleLines.day(a.analysedOn(), locale),
                                a.individualization(),
                                a.correlation(),
                                a.inference(),
                                a.veryLow(),
                                text("retention.register.very-low." + a.veryLow(), locale)))
                        .toList())
                .orElse(List.of());
        var status = entry.isPresent() && !current ? "changed" : register.mayRun(s) ? "ready" : "incomplete";
        var due = entry.flatMap(reassessments::due);
        return new EntryLine(
                r.id(),
                r.name() == null ? r.id() : r.name().in(locale),
                entry.isPresent(),
                current,
                Collections.unmodifiableMap(values),
                entry.map(e -> lines.when(e.recordedAt(), locale)).orElse(null),
                analyses,
                // on the register itself, an incomplete entry is not sent to "see the register" (officer's review)
                text(
                        "retention.console.register." + ("incomplete".equals(status) ? "incomplete-here" : status),
                        locale),
                due.map(d -> lines.reassessment(d, locale)).orElse(null),
                due.filter(RetentionReassessments.Due::overdue).isPresent());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
