package ca.gardien.console;

import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.RequestViews;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The queue of rights requests, filtered by type, status and days left, with the burn-down of open requests. */
@Controller
class RequestQueuePages {

    static final List<Integer> DAYS_LEFT = List.of(-1, 3, 7, 14, 30);

    private final RequestViews views;

    RequestQueuePages(RequestViews views) {
        this.views = views;
    }

    /**
     * @param status a status, {@code ALL}, or empty for the open requests
     * @param days the most days left shown ({@code -1}: overdue only); empty for all
     * @param from the fewest days left shown ({@code 0}: not overdue); empty for no lower bound
     */
    @GetMapping("/console/requests")
    String queue(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) String from,
            Model model) {
        var chosenType = parse(RequestType.class, type);
        var chosenStatus = parse(RequestStatus.class, status);
        Integer maxDays = days == null || !days.matches("-?\\d{1,4}") ? null : Integer.valueOf(days);
        var all = views.queue(chosenStatus, chosenType).stream()
                .filter(r -> chosenStatus != null
                        || "ALL".equals(status)
                        || r.status().isOpen())
                .toList();
        Integer minDays = from == null || !from.matches("-?\\d{1,4}") ? null : Integer.valueOf(from);
        var rows = RequestQueue.rows(all, views::today, maxDays).stream()
                .filter(r -> minDays == null || r.daysLeft() >= minDays)
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("burnDown", RequestQueue.burnDown(RequestQueue.rows(all, views::today, null)));
        model.addAttribute(
                "types", Arrays.stream(RequestType.values()).map(Enum::name).toList());
        model.addAttribute(
                "statuses",
                Arrays.stream(RequestStatus.values()).map(Enum::name).toList());
        model.addAttribute("dayChoices", DAYS_LEFT);
        model.addAttribute("type", chosenType == null ? "" : chosenType.name());
        model.addAttribute("status", chosenStatus == null ? ("ALL".equals(status) ? "ALL" : "") : chosenStatus.name());
        model.addAttribute("days", maxDays);
        model.addAttribute("from", minDays);
        return "console/requests";
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
