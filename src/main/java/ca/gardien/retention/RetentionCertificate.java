package ca.gardien.retention;

import ca.gardien.organization.ActorNames;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.PdfDocuments;
import ca.gardien.shared.PdfDownloads;
import java.util.Locale;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The destruction certificate of a completed real run, in French or English: the rule and its legal source, the
 * cutoff, the run's times, what was destroyed, anonymized and unlinked per table, the rows held, and the SHA-256 of the
 * run's summary recorded in the ledger ({@link RetentionFinish#summary}), by which the certificate is checked.
 */
@Component
class RetentionCertificate {

    private final MessageSource messages;
    private final RetentionSchedules schedules;
    private final OrganizationTime time;
    private final ActorNames actors;
    private final RetentionRuleLines lines;
    private final ca.gardien.organization.Organization organization;

    RetentionCertificate(
            MessageSource messages,
            RetentionSchedules schedules,
            OrganizationTime time,
            ActorNames actors,
            RetentionRuleLines lines,
            ca.gardien.organization.Organization organization) {
        this.messages = messages;
        this.schedules = schedules;
        this.time = time;
        this.actors = actors;
        this.lines = lines;
        this.organization = organization;
    }

    byte[] pdf(RetentionRun run, Locale locale) {
        if (run.dryRun() || !run.finished() || run.summarySha256() == null) {
            throw new ConflictException("retention.certificate-completed-run");
        }
        var schedule = schedules.all().stream()
                .filter(sc -> sc.rule().id().equals(run.rule()))
                .findFirst()
                .orElse(null);
        boolean anonymize = schedule != null && schedule.anonymize();
        var title = text(anonymize ? "retention.certificate.title.anonymize" : "retention.certificate.title", locale);
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(esc(title))
                .append("</title><style>body{font-family:sans-serif;font-size:10pt}th,td{text-align:left;")
                .append("padding:2pt 6pt;border-bottom:1px solid #ccc}code{font-size:8pt}</style></head><body>");
        organization
                .profile()
                .ifPresent(p -> out.append("<p>").append(esc(p.legalName())).append("</p>"));
        out.append("<h1>").append(esc(title)).append("</h1><dl>");
        if (schedule != null) {
            var r = schedule.rule();
            item(
                    out,
                    "retention.certificate.rule",
                    r.name() == null ? r.id() : r.name().in(locale),
                    locale);
            item(out, "retention.certificate.period", lines.period(r, locale), locale);
            if (r.legalSource() != null) item(out, "retention.certificate.legal-source", r.legalSource(), locale);
        } else {
            item(out, "retention.certificate.rule", run.rule(), locale);
        }
        item(out, "retention.certificate.cutoff", when(run.cutoff(), locale), locale);
        item(
                out,
                "retention.certificate.approved",
                run.approvedBy() == null
                        ? "—"
                        : actors.name(run.approvedBy(), locale) + " — " + when(run.approvedAt(), locale),
                locale);
        item(out, "retention.certificate.started-by", actors.name(run.requestedBy(), locale), locale);
        item(out, "retention.certificate.started", when(run.requestedAt(), locale), locale);
        item(out, "retention.certificate.finished", when(run.finishedAt(), locale), locale);
        if (run.status() == RetentionRun.Status.FAILED) {
            item(
                    out,
                    "retention.certificate.interrupted",
                    RetentionFinish.inWords(run.failure(), messages, locale),
                    locale);
        }
        item(out, "retention.certificate.run", run.id().toString(), locale);
        out.append("</dl><table><tr><th>")
                .append(esc(text("retention.certificate.table", locale)))
                .append("</th><th>")
                .append(esc(text("retention.certificate.action", locale)))
                .append("</th><th>")
                .append(esc(text("retention.certificate.rows", locale)))
                .append("</th></tr>");
        for (var t : run.counts().tables()) {
            new TreeMap<>(t.destroyed()).forEach((table, n) -> row(out, t.table(), table, "destroyed", n, locale));
            new TreeMap<>(t.unlinked()).forEach((link, n) -> row(out, t.table(), link, "unlinked", n, locale));
            var own = t.table().substring(t.table().indexOf('/') + 1);
            if (t.anonymized() > 0) row(out, t.table(), own, "anonymized", t.anonymized(), locale);
            row(out, t.table(), own, "held", t.held(), locale);
        }
        out.append("</table><p>")
                .append(esc(text("retention.certificate.digest", locale)))
                .append("</p><p><code>")
                .append(run.summarySha256())
                .append("</code></p><p>")
                .append(esc(text(
                        anonymize ? "retention.certificate.attest.anonymize" : "retention.certificate.attest", locale)))
                .append("</p><p>______________________________<br/>");
        // who signs: the person in charge by name and title (officer's review: a bare line under the attestation)
        organization
                .profile()
                .map(ca.gardien.organization.OrganizationProfile::personInCharge)
                .ifPresentOrElse(
                        p -> out.append(esc(p.name())).append("<br/>").append(esc(p.title(locale))),
                        () -> out.append(esc(text("retention.certificate.signature", locale))));
        out.append("</p></body></html>");
        return PdfDownloads.render(() -> PdfDocuments.fromXhtml(out.toString(), messages, locale));
    }

    private void row(StringBuilder out, String swept, String table, String action, long n, Locale locale) {
        var connector = swept.substring(0, swept.indexOf('/'));
        out.append("<tr><td>")
                .append(esc(connector + " / " + table))
                .append("</td><td>")
                .append(esc(text("retention.certificate." + action, locale)))
                .append("</td><td>")
                .append(n)
                .append("</td></tr>");
    }

    private void item(StringBuilder out, String key, String value, Locale locale) {
        out.append("<dt><b>")
                .append(esc(text(key, locale)))
                .append("</b></dt><dd>")
                .append(esc(value))
                .append("</dd>");
    }

    /** As every document writes a moment ({@code 2026-12-06 11:37 HNE}): not the zone's raw id, never split. */
    private String when(java.time.Instant instant, Locale locale) {
        return time.at(instant, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
