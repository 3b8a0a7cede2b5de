package ca.gardien.retention;

import ca.gardien.organization.OrganizationTime;
import ca.gardien.retention.RetentionConsole.RuleLine;
import ca.gardien.retention.RetentionConsole.RunLine;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The console's read model of retention, in the page's language: periods in words ("6 ans"), times with their zone,
 * counts split between the rule's own rows and the rows below them, the rules that act before those that only
 * document, and for each rule what the officer may do now.
 */
@Component
class RetentionRuleLines {

    private static final int HISTORY = 5;

    private final RetentionRuns runs;
    private final RetentionRunStore store;
    private final RetentionSchedules schedules;
    private final RetentionApprovals approvals;
    private final RetentionAnonymizations anonymizations;
    private final RetentionReassessments reassessments;
    private final RetentionProperties properties;
    private final OrganizationTime time;
    private final MessageSource messages;
    private final Clock clock;
    private final java.time.Duration checkEvery;

    RetentionRuleLines(
            RetentionRuns runs,
            RetentionRunStore store,
            RetentionSchedules schedules,
            RetentionApprovals approvals,
            RetentionAnonymizations anonymizations,
            RetentionReassessments reassessments,
            RetentionProperties properties,
            OrganizationTime time,
            MessageSource messages,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${gardien.retention.check-every:1m}")
                    java.time.Duration checkEvery) {
        this.checkEvery = checkEvery;
        this.runs = runs;
        this.store = store;
        this.schedules = schedules;
        this.approvals = approvals;
        this.anonymizations = anonymizations;
        this.reassessments = reassessments;
        this.properties = properties;
        this.time = time;
        this.messages = messages;
        this.clock = clock;
    }

    List<RuleLine> rules(Locale locale) {
        return schedules.all().stream()
                .sorted(Comparator.comparing(
                        (RetentionSchedules.Schedule s) -> s.tables().isEmpty()))
                .map(s -> rule(s, locale))
                .toList();
    }

    private RuleLine rule(RetentionSchedules.Schedule s, Locale locale) {
        var r = s.rule();
        var list = runs.latest(r.id(), HISTORY + 1);
        var lines = list.stream()
                .limit(HISTORY + 1)
                .map(run -> line(run, s.anonymize(), locale))
                .toList();
        boolean kept = !s.tables().isEmpty();
        boolean awaiting = kept && runs.awaitingApproval(r.id());
        var approvable = awaiting
                ? list.stream()
                        .filter(run -> run.dryRun()
                                && run.status() == RetentionRun.Status.COMPLETED
                                && run.scope().equals(s.scope()))
                        .findFirst()
                        .map(RetentionRun::id)
                        .orElse(null)
                : null;
        boolean running = !list.isEmpty() && !list.getFirst().finished();
        boolean registerReady = anonymizations.mayRun(s); // true for a rule that destroys
        boolean mayRunReal = kept && !awaiting && !running && approvals.approvedTotal(s) != null && registerReady;
        var next = kept && properties.scheduled() ? nextSweep(approvals.nextDue(r.id()), locale) : null;
        var due = reassessments.of(s);
        // the approval real runs follow, in words (officer's review: an approved rule said nothing of it, and an
        // anonymization approved while its register was incomplete looked neither approved nor scheduled)
        boolean waitsForRegister = kept && s.anonymize() && !registerReady;
        var approved = kept
                ? approvals.approvedRun(s, store).filter(run -> run.approvedAt() != null)
                : java.util.Optional.<RetentionRun>empty();
        var approval = approved.map(run -> text(
                        waitsForRegister ? "retention.console.approved.register-first" : "retention.console.approved",
                        locale,
                        when(run.approvedAt(), locale),
                        run.counts().swept()))
                .orElse(null);
        return new RuleLine(
                r.id(),
                r.name() == null ? r.id() : r.name().in(locale),
                period(r, locale),
                text("retention.console.disposal." + r.disposal(), locale),
                s.anonymize(),
                r.legalSource(locale),
                s.tables().stream()
                        .map(t -> text("retention.console.table", locale, t.connector(), t.table(), t.triggerColumn()))
                        .toList(),
                kept
                        ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(locale)
                                .format(s.cutoff(clock, time.zone()).atZone(time.zone()))
                        : null,
                lines.isEmpty() ? null : lines.getFirst(),
                lines.size() > 1 ? lines.subList(1, lines.size()) : List.of(),
                awaiting,
                approvable,
                mayRunReal,
                next,
                next != null && mayRunReal,
                s.anonymize()
                        ? text("retention.console.register." + (registerReady ? "ready" : "incomplete"), locale)
                        : null,
                due.map(d -> reassessment(d, locale)).orElse(null),
                due.filter(RetentionReassessments.Due::overdue).isPresent(),
                approval,
                waitsForRegister,
                approved.map(RetentionRun::id).orElse(null));
    }

    private RunLine line(RetentionRun run, boolean anonymize, Locale locale) {
        long children = run.counts().tables().stream()
                        .mapToLong(t -> sum(t.destroyed()) + sum(t.unlinked()) + t.anonymized())
                        .sum()
                - run.counts().swept();
        var kind = run.dryRun() ? ".dry" : anonymize ? ".anonymize" : "";
        return new RunLine(
                run.id(),
                run.dryRun(),
                run.status().name(),
                text("retention.console.status." + run.status().name() + kind, locale),
                run.counts().swept(),
                Math.max(0, children),
                run.counts().held(),
                run.done(),
                Math.max(run.estimated(), run.done()),
                run.finishedAt() == null ? "" : when(run.finishedAt(), locale),
                !run.dryRun() && run.finished() && run.summarySha256() != null,
                run.failure() == null ? null : RetentionFinish.inWords(run.failure(), messages, locale));
    }

    /**
     * When the rule's next automatic sweep starts, in words: its day and time, or, before its first check or once due,
     * "d’ici 1 minute (à la prochaine vérification)": the clock looks every {@code gardien.retention.check-every}.
     */
    private String nextSweep(java.util.Optional<Instant> due, Locale locale) {
        if (due.isPresent() && due.get().isAfter(clock.instant())) {
            return text("retention.console.sweep-at", locale, when(due.get(), locale));
        }
        long minutes = Math.max(1, (checkEvery.toSeconds() + 59) / 60);
        return text("retention.console.sweep-soon", locale, text("retention.console.unit.minutes", locale, minutes));
    }

    /** "6 ans", "1 an et 6 mois", "30 jours": an ISO-8601 period in words. */
    String duration(String iso, Locale locale) {
        Period p;
        try {
            p = Period.parse(iso);
        } catch (RuntimeException e) {
            return iso;
        }
        var parts = new ArrayList<String>();
        for (var unit : Map.of("years", p.getYears(), "months", p.getMonths(), "days", p.getDays()).entrySet().stream()
                .sorted(Comparator.comparing(
                        e -> List.of("years", "months", "days").indexOf(e.getKey())))
                .toList()) {
            if (unit.getValue() != 0)
                parts.add(text("retention.console.unit." + unit.getKey(), locale, unit.getValue()));
        }
        if (parts.isEmpty()) return text("retention.console.unit.days", locale, 0);
        var last = parts.removeLast();
        return parts.isEmpty() ? last : text("retention.console.and", locale, String.join(", ", parts), last);
    }

    /** By when a rule's risk analysis is to be updated, or since when it is overdue, in words. */
    String reassessment(RetentionReassessments.Due due, Locale locale) {
        return text(
                "retention.console.reassess" + (due.overdue() ? ".overdue" : ""),
                locale,
                day(due.lastAnalysed(), locale),
                day(due.by(), locale));
    }

    /**
     * A rule's period in words, its trigger event included: the event's label when Gardien has words for it
     * ({@code retention.trigger.<id>}: "6 ans après la clôture de la commande"), else the data map's id read as words.
     */
    String period(ca.gardien.inventory.RetentionRule r, Locale locale) {
        var event = messages.getMessage("retention.trigger." + r.trigger(), null, null, locale);
        if (event == null) {
            event = text(
                    "retention.console.trigger-other",
                    locale,
                    r.trigger().replace('-', ' ').replace('_', ' '));
        }
        return text("retention.console.period", locale, duration(r.duration(), locale), event);
    }

    /** A day in words ("5 janvier 2028"). */
    static String day(java.time.LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(day);
    }

    /** A moment in the organization's zone, with the zone's name: the console shows no time without its zone. */
    String when(Instant instant, Locale locale) {
        return time.at(instant, locale); // the zone's abbreviation as on every page (HNE, not HE)
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
