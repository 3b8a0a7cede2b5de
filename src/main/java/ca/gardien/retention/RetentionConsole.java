package ca.gardien.retention;

import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.Role;
import java.time.LocalDate;
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

    /**
     * A run in words: its status label, rows of the rule's own table swept, rows below them destroyed or unlinked
     * ({@code children}), rows held, progress, when it ended, and whether it has a certificate.
     */
    public record RunLine(
            UUID id,
            boolean dryRun,
            String status,
            String statusLabel,
            long swept,
            long children,
            long held,
            long done,
            long estimated,
            String finished,
            boolean certificate,
            String failure) {}

    /**
     * A rule in words: its period, what happens at its end, its tables, the day before which a trigger is expired, its
     * last run and earlier ones, whether a dry run awaits approval (and which), whether a real run may start now, when
     * the next automatic sweep is due in words (null when not swept on schedule), whether that sweep will destroy or
     * anonymize without asking again ({@code sweepDisposes}), an anonymizing rule's register entry and reassessment,
     * the approval real runs follow in words (and its dry run, {@code withdrawable}, whose approval may be taken back),
     * and whether an anonymization waits for its register to be complete.
     */
    public record RuleLine(
            String id,
            String name,
            String period,
            String disposalLabel,
            boolean anonymize,
            String legalSource,
            List<String> tables,
            String cutoff,
            RunLine lastRun,
            List<RunLine> history,
            boolean awaitingApproval,
            UUID approvable,
            boolean mayRunReal,
            String nextCheck,
            boolean sweepDisposes,
            String anonymization,
            String reassessment,
            boolean reassessOverdue,
            String approval,
            boolean waitsForRegister,
            UUID withdrawable) {}

    /**
     * An active hold in words; never the person's identifier. {@code incident} and {@code complaint}: what the hold
     * serves, null when nothing.
     */
    public record HoldLine(
            UUID id,
            String scope,
            String reason,
            String endsOn,
            String createdAt,
            String createdBy,
            Link incident,
            Link complaint) {}

    /** An incident or complaint a hold serves: its title and date, and whether the reader may open its page. */
    public record Link(UUID id, String label, boolean opens) {}

    /** An incident or complaint a new hold may serve, by its title and date. */
    public record Choice(UUID id, String label) {}

    private final RetentionRuns runs;
    private final RetentionHolds holds;
    private final RetentionCertificate certificates;
    private final MessageSource messages;
    private final RetentionRegisterCsv register;
    private final RetentionRuleLines lines;
    private final RetentionHoldLines holdLines;
    private final RetentionFigures figures;
    private final RetentionApprovals approvals;

    RetentionConsole(
            RetentionRuns runs,
            RetentionHolds holds,
            RetentionCertificate certificates,
            MessageSource messages,
            RetentionRegisterCsv register,
            RetentionRuleLines lines,
            RetentionHoldLines holdLines,
            RetentionFigures figures,
            RetentionApprovals approvals) {
        this.approvals = approvals;
        this.runs = runs;
        this.holds = holds;
        this.certificates = certificates;
        this.messages = messages;
        this.register = register;
        this.lines = lines;
        this.holdLines = holdLines;
        this.figures = figures;
    }

    /** The register of anonymizations as CSV, in the page's language. */
    public String anonymizationRegister(Locale locale) {
        return register.csv(locale);
    }

    public List<RuleLine> rules(Locale locale) {
        return lines.rules(locale);
    }

    /** The filters of the retention page ({@code ?show=}): what a dashboard figure counts, or {@code holds}. */
    public static final List<String> FILTERS = RetentionFigures.FILTERS;

    /** The rules a filter shows: exactly those its figure counts, none for {@code holds}, every rule otherwise. */
    public List<RuleLine> rules(Locale locale, String show) {
        return figures.shown(rules(locale), show);
    }

    public List<HoldLine> holds(Locale locale, Authentication auth) {
        return holdLines.lines(locale, auth);
    }

    /** The incidents a new hold may serve; none for a reader who may not place one. */
    public List<Choice> incidentChoices(Locale locale, Authentication auth) {
        return writes(auth) ? holdLines.incidentChoices(locale, auth) : List.of();
    }

    /** The complaint files a new hold may serve; none for a reader who may not place one. */
    public List<Choice> complaintChoices(Locale locale, Authentication auth) {
        return writes(auth) ? holdLines.complaintChoices(locale, auth) : List.of();
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

    /** Withdraws the approval the rule's real runs follow: none starts before a dry run is approved again. */
    public void withdrawApproval(UUID run, Authentication auth) {
        writer(auth);
        approvals.withdraw(run, CurrentActor.of(auth));
    }

    public void pause(UUID run, Authentication auth) {
        writer(auth);
        runs.pause(run, CurrentActor.of(auth));
    }

    public void resume(UUID run, Authentication auth) {
        writer(auth);
        runs.resume(run, CurrentActor.of(auth));
    }

    /**
     * {@code incident} and {@code complaint}: an id chosen in the form, or blank; {@code endsOn} as typed ({@code
     * YYYY-MM-DD}, or blank). Every field in error is named at once, an unreadable end among the others.
     */
    public void placeHold(
            String connector,
            String table,
            String subjectKind,
            String subject,
            String incident,
            String complaint,
            String reason,
            String endsOn,
            Authentication auth) {
        writer(auth);
        holds.place(
                new RetentionHolds.NewHold(
                        connector, table, subjectKind, subject, id(incident), id(complaint), reason, day(endsOn)),
                CurrentActor.of(auth));
    }

    /** A typed end; an unreadable one as a day long past, which the hold's checks refuse next to its field. */
    private static LocalDate day(String typed) {
        if (typed == null || typed.isBlank()) return null;
        try {
            return LocalDate.parse(typed.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDate.MIN;
        }
    }

    public void releaseHold(UUID id, Authentication auth) {
        writer(auth);
        holds.release(id, CurrentActor.of(auth));
    }

    /** The rule a run belongs to: the page comes back to its card after a step. */
    public java.util.Optional<String> ruleOf(UUID run) {
        return runs.find(run).map(RetentionRun::rule);
    }

    /** The certificate of a completed real run, in the page's language. */
    public byte[] certificate(UUID run, Locale locale) {
        return certificates.pdf(runs.get(run), locale);
    }

    /** Refuses (403) a reader who may not act: only the person in charge and delegates do. */
    static void writer(Authentication auth) {
        if (!writes(auth)) throw new AccessDeniedException("retention");
    }

    private static boolean writes(Authentication auth) {
        var roles = CurrentActor.roles(auth);
        return roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE);
    }

    /** A chosen id; one that does not read as an id is one no register holds, refused with the other fields. */
    private static UUID id(String chosen) {
        if (chosen == null || chosen.isBlank()) return null;
        try {
            return UUID.fromString(chosen.strip());
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }
}
