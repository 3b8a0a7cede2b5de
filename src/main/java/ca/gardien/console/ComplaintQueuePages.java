package ca.gardien.console;

import ca.gardien.complaints.ComplaintStatus;
import ca.gardien.complaints.ComplaintView;
import ca.gardien.complaints.Complaints;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.Listing;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The complaint queue (days left and urgency, filters and search, CSV) and the file page with its timeline in words. The
 * files are confidential: the module decides who sees which file; this page only renders what it returns.
 */
@Controller
class ComplaintQueuePages {

    /**
     * The urgencies the queue shows and filters on: the file's, except that an answer whose email waits in the outbox
     * ({@link #HELD}) is not "done" (officer's walk); {@link #HELD} is offered once, as a status, not as an urgency.
     */
    static final List<String> URGENCIES = List.of("OVERDUE", "DUE_SOON", "ON_TRACK", "STOPPED", "HELD", "DONE");

    /** The status filter of the files still waiting for an answer (open or awaiting information): the tile's "open". */
    static final String PENDING = "PENDING";

    /**
     * The status filter and urgency of an answered file whose answer's email waits in the outbox (no mail server): not
     * yet received; the tile's "held", the same set ({@link ca.gardien.complaints.ComplaintDesk#answersHeld}).
     */
    static final String HELD = "HELD";

    /** The files listed, and those among them whose answer waits in the outbox. */
    private record Queue(List<ComplaintView> rows, java.util.Set<UUID> held) {

        String urgency(ComplaintView row) {
            return held.contains(row.complaint().id()) ? HELD : row.urgency();
        }

        /** The key of each file's status: an answer held is said placed in the outbox, not sent, as its page says. */
        java.util.Map<UUID, String> statusKeys() {
            var keys = new java.util.HashMap<UUID, String>();
            for (var r : rows) {
                var id = r.complaint().id();
                keys.put(id, "complaints.status." + r.complaint().status() + (held.contains(id) ? ".held" : ""));
            }
            return keys;
        }
    }

    private final Complaints complaints;
    private final ca.gardien.complaints.ComplaintDesk desk;
    private final ca.gardien.incidents.Incidents incidents;
    private final ConsoleTimes times;
    private final MessageSource messages;
    private final ca.gardien.incidents.IncidentReferences references;

    ComplaintQueuePages(
            Complaints complaints,
            ca.gardien.complaints.ComplaintDesk desk,
            ca.gardien.incidents.Incidents incidents,
            ConsoleTimes times,
            MessageSource messages,
            ca.gardien.incidents.IncidentReferences references) {
        this.complaints = complaints;
        this.times = times;
        this.messages = messages;
        this.desk = desk;
        this.incidents = incidents;
        this.references = references;
    }

    /** An incident the complaint may concern, as the link form offers it: its reference, title and day it became known. */
    public record IncidentChoice(UUID id, String reference, String title, java.time.LocalDate awareOn) {}

    @GetMapping("/console/complaints")
    String queue(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String urgency,
            @RequestParam(name = "q", required = false) String search,
            Authentication auth,
            Model model) {
        var chosenStatus = status(status);
        var chosenUrgency = urgency(urgency);
        var query = search(search);
        var queue = queue(chosenStatus, chosenUrgency, query, auth);
        var rows = queue.rows();
        model.addAttribute("rows", rows);
        model.addAttribute("statusKeys", queue.statusKeys());
        model.addAttribute(
                "urgencyOf",
                rows.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                r -> r.complaint().id(), queue::urgency)));
        // the answers held in the outbox right after the answered files, as the requests' queue offers them
        model.addAttribute(
                "statuses",
                Stream.concat(
                                Stream.of(PENDING),
                                Arrays.stream(ComplaintStatus.values())
                                        .flatMap(s -> s == ComplaintStatus.ANSWERED
                                                ? Stream.of(s.name(), HELD)
                                                : Stream.of(s.name())))
                        .toList());
        model.addAttribute(
                "urgencies", URGENCIES.stream().filter(u -> !HELD.equals(u)).toList());
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus);
        model.addAttribute("urgency", chosenUrgency == null ? "" : chosenUrgency);
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute(
                "csv",
                ListLinks.href(
                        "/console/complaints/export.csv",
                        "status",
                        chosenStatus,
                        "urgency",
                        chosenUrgency,
                        "q",
                        query));
        return "console/complaints";
    }

    /**
     * The queue as filtered on the page, as CSV for a spreadsheet: the same files the page lists to this reader (a staff
     * member only their own; auditors none, 403), the same columns, nothing of the complainant beyond the subject.
     */
    @GetMapping(value = "/console/complaints/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String urgency,
            @RequestParam(name = "q", required = false) String search,
            Authentication auth,
            Locale locale) {
        var queue = queue(status(status), urgency(urgency), search(search), auth);
        var statusKeys = queue.statusKeys();
        var lines = queue.rows().stream()
                .map(r -> List.of(
                        r.complaint().reference(),
                        Objects.toString(r.complaint().subject(), ""), // unreadable once its key is lost
                        text(statusKeys.get(r.complaint().id()), locale),
                        text("complaints.urgency." + queue.urgency(r), locale),
                        r.daysLeft() == null ? "" : r.daysLeft().toString(),
                        Objects.toString(r.complaint().effectiveDueOn(), ""),
                        r.complaint().receivedOn().toString()))
                .toList();
        var header = Stream.of(
                        "complaints.page.reference",
                        "complaints.page.subject",
                        "complaints.page.status",
                        "complaints.page.urgency",
                        "complaints.page.daysLeft",
                        "complaints.page.dueOn",
                        "complaints.page.received")
                .map(k -> text(k, locale))
                .toList();
        return CsvFile.download("gardien-complaints.csv", Listing.csv(header, lines));
    }

    /**
     * The files of the filters: {@link #PENDING} the open ones, {@link #HELD} the answered or closed ones whose email
     * waits in the outbox (until recorded transmitted another way); the urgency as the queue shows it ({@link Queue#urgency}).
     */
    private Queue queue(String status, String urgency, String search, Authentication auth) {
        var pending = PENDING.equals(status);
        var heldOnly = HELD.equals(status);
        // held: answered or closed (closing does not send it), so every file, then the held ones among them
        var asked = heldOnly ? null : RequestQueuePages.parse(ComplaintStatus.class, status);
        var listed = complaints.queue(pending ? null : asked, search, auth).stream()
                .filter(c -> !pending || c.complaint().status().isOpen())
                .toList();
        var all = new Queue(listed, desk.answersHeld());
        var rows = listed.stream()
                .filter(c -> !heldOnly || all.held().contains(c.complaint().id()))
                .filter(c -> urgency == null || urgency.equals(all.urgency(c)))
                .toList();
        return new Queue(rows, all.held());
    }

    /** A status of the queue's filter ({@link #PENDING}, {@link #HELD} or a file's status), else null. */
    private static String status(String asked) {
        if (PENDING.equals(asked) || HELD.equals(asked)) {
            return asked;
        }
        var parsed = RequestQueuePages.parse(ComplaintStatus.class, asked);
        return parsed == null ? null : parsed.name();
    }

    private static String urgency(String asked) {
        return asked != null && URGENCIES.contains(asked) ? asked : null;
    }

    private static String search(String asked) {
        return asked == null || asked.isBlank() || asked.length() > 200 ? null : asked;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    @GetMapping("/console/complaints/{id}")
    String file(@PathVariable UUID id, Authentication auth, Model model) {
        var page = desk.page(id, auth);
        model.addAttribute("file", page.file());
        model.addAttribute("page", page);
        model.addAttribute("assignee", page.assignedTo());
        var caller = ca.gardien.incidents.IncidentCaller.of(auth);
        // each incident concerned by its reference, and its title when the reader may read the entry
        var names =
                new java.util.HashMap<UUID, String>(references.of(page.file().incidents()));
        for (var linked : names.keySet()) {
            try {
                names.put(
                        linked,
                        names.get(linked) + " — "
                                + incidents.get(linked, caller).title());
            } catch (ca.gardien.shared.NotFoundException
                    | org.springframework.security.access.AccessDeniedException e) {
                // not the reader's to see: the reference alone
            }
        }
        model.addAttribute("incidentNames", names);
        if (page.may("link")) {
            // the register's incidents the reader may see, by reference and title: nobody types an incident's id
            model.addAttribute(
                    "incidentChoices",
                    incidents.all(caller).stream()
                            .map(i -> new IncidentChoice(
                                    i.id(),
                                    i.reference(),
                                    i.title(),
                                    i.awareAt() == null
                                            ? null
                                            : times.dayOf(i.awareAt().toInstant())))
                            .toList());
        }
        return "console/complaint";
    }
}
