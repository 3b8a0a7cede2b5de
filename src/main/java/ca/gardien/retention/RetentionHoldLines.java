package ca.gardien.retention;

import ca.gardien.complaints.ComplaintTitles;
import ca.gardien.incidents.IncidentCaller;
import ca.gardien.incidents.Incidents;
import ca.gardien.organization.ActorNames;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.retention.RetentionConsole.Choice;
import ca.gardien.retention.RetentionConsole.HoldLine;
import ca.gardien.retention.RetentionConsole.Link;
import ca.gardien.shared.NotFoundException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The active holds as the console shows them to the signed-in reader, with the incident or complaint each serves
 * named by its reference, title and date (a complaint only to those who may open its file);
 * and the incidents and complaints a new hold may be tied to.
 */
@Component
class RetentionHoldLines {

    private final RetentionHolds holds;
    private final Incidents incidents;
    private final ComplaintTitles complaints;
    private final ActorNames actors;
    private final OrganizationTime time;
    private final MessageSource messages;

    RetentionHoldLines(
            RetentionHolds holds,
            Incidents incidents,
            ComplaintTitles complaints,
            ActorNames actors,
            OrganizationTime time,
            MessageSource messages) {
        this.holds = holds;
        this.incidents = incidents;
        this.complaints = complaints;
        this.actors = actors;
        this.time = time;
        this.messages = messages;
    }

    List<HoldLine> lines(Locale locale, Authentication auth) {
        var caller = IncidentCaller.of(auth);
        return holds.active().stream()
                .map(h -> new HoldLine(
                        h.id(),
                        scope(h.connector(), h.table(), h.subjectKind(), messages, locale),
                        h.reason(),
                        h.endsOn() == null ? "—" : day(h.endsOn(), locale),
                        day(h.createdAt().atZone(time.zone()).toLocalDate(), locale),
                        actors.name(h.createdBy(), locale),
                        h.incident() == null ? null : incident(h.incident(), caller, locale),
                        h.complaint() == null ? null : complaint(h.complaint(), auth, locale)))
                .toList();
    }

    /** What a hold holds in words: a person by the kind of their identifier (never its value), or a connector's table. */
    static String scope(String connector, String table, String subjectKind, MessageSource messages, Locale locale) {
        if (subjectKind != null) {
            var kind = messages.getMessage("retention.console.kind." + subjectKind, null, subjectKind, locale);
            return messages.getMessage(
                    "retention.console.hold-person", new Object[] {kind.toLowerCase(locale)}, locale);
        }
        return table == null ? connector : connector + " / " + table;
    }

    /** The incidents of the register, latest first, by title and the day the organization became aware. */
    List<Choice> incidentChoices(Locale locale, Authentication auth) {
        return incidents.all(IncidentCaller.of(auth)).stream()
                .map(i -> new Choice(
                        i.id(),
                        text("retention.console.incident-choice", locale, i.reference(), i.title(), aware(i, locale))))
                .toList();
    }

    /**
     * The complaint files the reader may open, by reference, subject and day of receipt (officer's walk: two complaints
     * of the same subject could not be told apart without their reference).
     */
    List<Choice> complaintChoices(Locale locale, Authentication auth) {
        return complaints.openable(auth).stream()
                .map(c -> new Choice(
                        c.id(),
                        text(
                                "retention.console.complaint-choice",
                                locale,
                                c.reference(),
                                c.subject(),
                                day(c.receivedOn(), locale))))
                .toList();
    }

    private Link incident(UUID id, IncidentCaller caller, Locale locale) {
        try {
            var i = incidents.get(id, caller);
            return new Link(
                    id,
                    text("retention.console.hold-incident", locale, i.reference(), i.title(), aware(i, locale)),
                    true);
        } catch (NotFoundException e) {
            return new Link(id, text("retention.console.hold-incident-gone", locale), false);
        }
    }

    private Link complaint(UUID id, Authentication auth, Locale locale) {
        return complaints
                .find(id, auth)
                .map(c -> new Link(
                        id,
                        text(
                                "retention.console.hold-complaint",
                                locale,
                                c.reference(),
                                c.subject(),
                                day(c.receivedOn(), locale)),
                        true))
                .orElseGet(() -> new Link(
                        id,
                        text(
                                complaints.exists(id)
                                        ? "retention.console.hold-complaint-confidential"
                                        : "retention.console.hold-complaint-gone",
                                locale),
                        false));
    }

    private String aware(ca.gardien.incidents.Incident i, Locale locale) {
        return day(i.awareAt().atZoneSameInstant(time.zone()).toLocalDate(), locale);
    }

    private static String day(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(day);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
