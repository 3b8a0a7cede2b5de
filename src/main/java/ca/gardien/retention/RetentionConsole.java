package ca.gardien.retention;

import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.Role;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * What the console shows of retention and what it may do: each rule with its tables, last run and whether a dry run
 * awaits approval; the active holds; start, approve, pause and resume runs, place and release holds. The person in
 * charge and delegates act; auditors read.
 */
@Service
@org.springframework.modulith.NamedInterface({"views", "actions"})
public class RetentionConsole {

    /** A run in words: its status label, rows swept and held, progress, and whether it has a certificate. */
    public record RunLine(
            UUID id,
            boolean dryRun,
            String status,
            String statusLabel,
            long swept,
            long held,
            long done,
            long estimated,
            String finished,
            boolean certificate,
            boolean approved,
            String failure) {}

    /** A rule in words. */
    public record RuleLine(
            String id,
            String name,
            String period,
            String disposalLabel,
            String legalSource,
            List<String> tables,
            RunLine lastRun,
            boolean awaitingApproval,
            UUID approvable,
            String anonymization) {}

    /** An active hold in words; never the person's identifier. */
    public record HoldLine(UUID id, String scope, String reason, String endsOn, String createdAt) {}

    private final RetentionRuns runs;
    private final RetentionSchedules schedules;
    private final RetentionHolds holds;
    private final RetentionCertificate certificates;
    private final RetentionProperties properties;
    private final MessageSource messages;
    private final RetentionAnonymizations anonymizations;
    private final RetentionRegisterCsv register;

    RetentionConsole(
            RetentionRuns runs,
            RetentionSchedules schedules,
            RetentionHolds holds,
            RetentionCertificate certificates,
            RetentionProperties properties,
            MessageSource messages,
            RetentionAnonymizations anonymizations,
            RetentionRegisterCsv register) {
        this.runs = runs;
        this.schedules = schedules;
        this.holds = holds;
        this.certificates = certificates;
        this.properties = properties;
        this.messages = messages;
        this.anonymizations = anonymizations;
        this.register = register;
    }

    /** The register of anonymizations as CSV, in the page's language. */
    public String anonymizationRegister(Locale locale) {
        return register.csv(locale);
    }

    public List<RuleLine> rules(Locale locale) {
        return schedules.all().stream()
                .map(s -> {
                    var r = s.rule();
                    var list = runs.list(r.id());
                    var last = list.stream()
                            .findFirst()
                            .map(run -> line(run, locale))
                            .orElse(null);
                    boolean awaiting = !s.tables().isEmpty() && runs.awaitingApproval(r.id());
                    var approvable = awaiting
                            ? list.stream()
                                    .filter(run -> run.dryRun()
                                            && run.status() == RetentionRun.Status.COMPLETED
                                            && run.scope().equals(s.scope()))
                                    .findFirst()
                                    .map(RetentionRun::id)
                                    .orElse(null)
                            : null;
                    return new RuleLine(
                            r.id(),
                            r.name() == null ? r.id() : r.name().in(locale),
                            text("retention.console.period", locale, r.duration(), r.trigger()),
                            text("retention.console.disposal." + r.disposal(), locale),
                            r.legalSource(),
                            s.tables().stream()
                                    .map(t -> t.connector() + " / " + t.table() + " (" + t.triggerColumn() + ")")
                                    .toList(),
                            last,
                            awaiting,
                            approvable,
                            s.anonymize()
                                    ? text(
                                            "retention.console.register."
                                                    + (anonymizations.mayRun(s) ? "ready" : "incomplete"),
                                            locale)
                                    : null);
                })
                .toList();
    }

    public List<HoldLine> holds(Locale locale) {
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return holds.active().stream()
                .map(h -> new HoldLine(
                        h.id(),
                        h.subjectKind() != null
                                ? text("retention.console.hold-person", locale, h.subjectKind())
                                : h.table() == null ? h.connector() : h.connector() + " / " + h.table(),
                        h.reason(),
                        h.endsOn() == null ? "—" : dates.format(h.endsOn()),
                        dates.format(h.createdAt().atZone(properties.zone()))))
                .toList();
    }

    public UUID start(String rule, boolean dryRun, Authentication auth) {
        writer(auth);
        if (rule == null || rule.isBlank() || rule.length() > 100) {
            throw new ca.gardien.shared.InvalidInputException("rule", "retention.field.rule");
        }
        return runs.start(rule, dryRun, CurrentActor.of(auth)).id();
    }

    public void approve(UUID run, Authentication auth) {
        writer(auth);
        runs.approve(run, CurrentActor.of(auth));
    }

    public void pause(UUID run, Authentication auth) {
        writer(auth);
        runs.pause(run, CurrentActor.of(auth));
    }

    public void resume(UUID run, Authentication auth) {
        writer(auth);
        runs.resume(run, CurrentActor.of(auth));
    }

    public void placeHold(
            String connector,
            String table,
            String subjectKind,
            String subject,
            String reason,
            LocalDate endsOn,
            Authentication auth) {
        writer(auth);
        holds.place(
                new RetentionHolds.NewHold(connector, table, subjectKind, subject, null, null, reason, endsOn),
                CurrentActor.of(auth));
    }

    public void releaseHold(UUID id, Authentication auth) {
        writer(auth);
        holds.release(id, CurrentActor.of(auth));
    }

    /** The certificate of a completed real run, in the page's language. */
    public byte[] certificate(UUID run, Locale locale) {
        return certificates.pdf(runs.get(run), locale);
    }

    private RunLine line(RetentionRun run, Locale locale) {
        var finished = run.finishedAt() == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(run.finishedAt().atZone(properties.zone()));
        return new RunLine(
                run.id(),
                run.dryRun(),
                run.status().name(),
                text("retention.console.status." + run.status().name() + (run.dryRun() ? ".dry" : ""), locale),
                run.counts().swept(),
                run.counts().held(),
                run.done(),
                Math.max(run.estimated(), run.done()),
                finished,
                !run.dryRun() && run.status() == RetentionRun.Status.COMPLETED,
                run.approvedAt() != null,
                run.failure());
    }

    private static void writer(Authentication auth) {
        var roles = CurrentActor.roles(auth);
        if (!roles.contains(Role.PRIVACY_OFFICER) && !roles.contains(Role.DELEGATE)) {
            throw new AccessDeniedException("retention");
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
