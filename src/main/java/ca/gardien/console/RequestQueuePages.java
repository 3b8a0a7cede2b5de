package ca.gardien.console;

import ca.gardien.organization.CurrentActor;
import ca.gardien.requests.QueueQuery;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.RequestViews;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.Listing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The queue of rights requests: filtered by type, status and days left, searched by reference or requester, sorted by
 * due date or receipt, paged by keyset, exported as CSV; with the burn-down of open requests. Unknown values of any
 * parameter are ignored (the page falls back to its default), never an error.
 */
@Controller
class RequestQueuePages {

    static final List<Integer> DAYS_LEFT = List.of(-1, 3, 7, 14, 30);

    /** The most rows a CSV export holds. */
    static final int EXPORT_LIMIT = 100_000;

    private final RequestViews views;
    private final MessageSource messages;

    private final ConsoleTimes times;

    RequestQueuePages(RequestViews views, MessageSource messages, ConsoleTimes times) {
        this.views = views;
        this.times = times;
        this.messages = messages;
    }

    /**
     * @param status a status, {@code ALL}, {@code HELD} (sent or closed answers whose message waits in the outbox), or empty for
     *     the open requests
     * @param days the most days left shown ({@code -1}: overdue only); empty for all
     * @param from the fewest days left shown ({@code 0}: not overdue); empty for no lower bound
     */
    @GetMapping("/console/requests")
    String queue(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String after,
            Authentication auth,
            Model model) {
        var query = query(type, status, from, days, q, sort, dir, after, Listing.PAGE_SIZE);
        var page = views.page(query, CurrentActor.roles(auth));
        var zones = new java.util.HashMap<String, ZoneId>();
        var printer = new QueueLine.Printer(
                messages,
                org.springframework.context.i18n.LocaleContextHolder.getLocale(),
                jurisdiction -> zones.computeIfAbsent(jurisdiction, views::zone),
                times);
        var rows = page.rows().stream()
                .map(r -> printer.line(RequestQueue.row(r, views.today(r.jurisdiction()))))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("next", page.next());
        model.addAttribute("burnDown", RequestQueue.burnDown(views.openByDueDate(), views.today()));
        model.addAttribute(
                "types", Arrays.stream(RequestType.values()).map(Enum::name).toList());
        model.addAttribute(
                "statuses",
                Arrays.stream(RequestStatus.values()).map(Enum::name).toList());
        model.addAttribute("dayChoices", DAYS_LEFT);
        var chosenType = parse(RequestType.class, type);
        var chosenStatus = parse(RequestStatus.class, status);
        model.addAttribute("type", chosenType == null ? "" : chosenType.name());
        // "ALL", HELD (sent answers held in the outbox), a status, or "" for the open requests
        var shownStatus =
                chosenStatus != null ? chosenStatus.name() : "ALL".equals(status) || query.heldOnly() ? status : "";
        model.addAttribute("status", shownStatus);
        model.addAttribute("days", days(days));
        model.addAttribute("from", days(from));
        model.addAttribute("q", query.search() == null ? "" : query.search());
        model.addAttribute("sort", query.sort());
        model.addAttribute("dir", query.ascending() ? "asc" : "desc");
        model.addAttribute(
                "filtered",
                query.search() != null
                        || chosenType != null
                        || days(days) != null
                        || days(from) != null
                        || !shownStatus.isEmpty()); // not "no open request" under another status
        // the open requests' list points to answers held in the outbox, which need the officer (not open any more)
        model.addAttribute("heldCount", shownStatus.isEmpty() ? views.heldCount() : 0);
        return "console/requests";
    }

    /** The queue as filtered, searched and sorted on the page, as CSV (at most {@value #EXPORT_LIMIT} rows). */
    @GetMapping(value = "/console/requests/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Authentication auth,
            Locale locale) {
        var roles = CurrentActor.roles(auth);
        var lines = Listing.lines(
                cursor -> views.page(query(type, status, from, days, q, sort, dir, cursor, Listing.MAX_SIZE), roles),
                r -> List.of(
                        r.reference(),
                        r.requester() == null ? "" : r.requester(),
                        text("crq.type." + r.type(), locale),
                        text(QueueLine.statusKey(r), locale),
                        // the regime in words, as on the page (officer's review: "QC" in the file)
                        QueueLine.jurisdiction(r, messages, locale),
                        // in the jurisdiction's time, to the second, with its offset (2026-12-04T20:31:47-05:00)
                        times.iso(r.receivedAt(), views.zone(r.jurisdiction())),
                        r.dueOn().toString()),
                EXPORT_LIMIT);
        var header = List.of(
                        "lists.rq.reference",
                        "lists.rq.requester",
                        "rq.type",
                        "rq.status",
                        "rq.jurisdiction",
                        "rq.received",
                        "rq.dueOn")
                .stream()
                .map(k -> text(k, locale))
                .toList();
        return CsvFile.download("gardien-requests.csv", Listing.csv(header, lines));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    QueueQuery query(
            String type,
            String status,
            String from,
            String days,
            String q,
            String sort,
            String dir,
            String after,
            int size) {
        var chosenStatus = parse(RequestStatus.class, status);
        // sent answers whose message waits in the outbox: sent requests, those the outbox holds
        boolean held = QueueQuery.HELD.equals(status);
        Set<RequestStatus> statuses = held
                ? EnumSet.of(RequestStatus.SENT, RequestStatus.CLOSED) // closing does not deliver a held answer
                : chosenStatus != null
                        ? EnumSet.of(chosenStatus)
                        : "ALL".equals(status) ? Set.of() : RequestStatus.OPEN;
        var maxDays = days(days);
        var minDays = days(from);
        var chosenSort = Listing.sort(sort, QueueQuery.SORTS, "due");
        // the soonest due first by default, the newest received first when sorted by receipt
        var ascending = dir == null ? "due".equals(chosenSort) : Listing.ascending(dir);
        var keyset =
                Listing.keyset(after, 2).filter(k -> readable(chosenSort, k)).orElse(null);
        return new QueueQuery(
                statuses,
                parse(RequestType.class, type),
                minDays == null ? null : views.today().plusDays(minDays),
                maxDays == null ? null : views.today().plusDays(maxDays),
                Listing.search(q),
                chosenSort,
                ascending,
                keyset,
                size,
                held);
    }

    private static Integer days(String days) {
        return days == null || !days.matches("-?\\d{1,4}") ? null : Integer.valueOf(days);
    }

    /** A cursor's values parse as the sort column's type and a request id; otherwise the cursor is ignored. */
    private static boolean readable(String sort, List<String> keyset) {
        try {
            if ("received".equals(sort)) {
                Instant.parse(keyset.get(0));
            } else {
                LocalDate.parse(keyset.get(0));
            }
            UUID.fromString(keyset.get(1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(value))
                .findFirst()
                .orElse(null);
    }
}
