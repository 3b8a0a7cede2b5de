package ca.gardien.console;

import ca.gardien.consent.ConsentQuery;
import ca.gardien.consent.ConsentReports;
import ca.gardien.consent.ConsentTerms;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.Listing;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The consent history of all subjects: every record, newest first, filtered by purpose, state and day of recording,
 * keyset-paged and exported as CSV. No identifier of the person is shown (one person's history is the consent page's
 * look-up). An unknown purpose, state or order, an unreadable day or cursor is ignored; a period that ends before it
 * starts is said next to its field (400).
 */
@Controller
@RequestMapping("/console/consent/records")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class ConsentHistoryPages {

    static final int EXPORT_LIMIT = 100_000;

    private final ConsentReports reports;
    private final ConsentPurposeNames purposes;
    private final ConsentCsv csv;
    private final ConsoleTimes times;
    private final MessageSource messages;

    ConsentHistoryPages(
            ConsentReports reports,
            ConsentPurposeNames purposes,
            ConsentCsv csv,
            ConsoleTimes times,
            MessageSource messages) {
        this.messages = messages;
        this.reports = reports;
        this.times = times;
        this.purposes = purposes;
        this.csv = csv;
    }

    @GetMapping
    String records(
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String after,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        var names = purposes.in(locale);
        var query = query(purpose, state, from, to, dir, after, Listing.PAGE_SIZE);
        var period = ListPeriod.refused(from, to, model, response, messages, locale);
        var page = period ? new Listing.Page<ConsentQuery.Row>(List.of(), null) : reports.page(query);
        var filters = new Object[] {
            "purpose",
            query.purpose(),
            "state",
            query.state(),
            "from",
            DateRange.day(from),
            "to",
            DateRange.day(to),
            "dir",
            query.ascending() ? "asc" : "desc"
        };
        model.addAttribute("records", page.rows());
        model.addAttribute(
                "next",
                page.next() == null
                        ? null
                        : ListLinks.href("/console/consent/records", LedgerPages.with(filters, page.next())));
        model.addAttribute("csv", ListLinks.href("/console/consent/records/export.csv", filters));
        model.addAttribute("names", names);
        model.addAttribute("states", List.of(ConsentTerms.State.values()));
        model.addAttribute("purpose", query.purpose() == null ? "" : query.purpose());
        model.addAttribute("state", query.state() == null ? "" : query.state().name());
        model.addAttribute("from", DateRange.day(from));
        model.addAttribute("to", DateRange.day(to));
        model.addAttribute("dir", query.ascending() ? "asc" : "desc");
        model.addAttribute(
                "filtered",
                period
                        || query.purpose() != null
                        || query.state() != null
                        || query.from() != null
                        || query.to() != null);
        return "console/consent-records";
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String dir,
            Locale locale) {
        ListPeriod.check(from, to);
        var names = purposes.in(locale);
        var lines = Listing.lines(
                cursor -> reports.page(query(purpose, state, from, to, dir, cursor, Listing.MAX_SIZE)),
                r -> csv.history(r, names, locale),
                EXPORT_LIMIT);
        return CsvFile.download("gardien-consent-history.csv", Listing.csv(csv.historyHeader(locale), lines));
    }

    /** The page's filters; a day is the organization's. */
    ConsentQuery query(String purpose, String state, String from, String to, String dir, String after, int size) {
        var chosenPurpose = Listing.search(purpose);
        return new ConsentQuery(
                chosenPurpose,
                RequestQueuePages.parse(ConsentTerms.State.class, state),
                times.from(from),
                times.to(to),
                Listing.ascending(dir),
                Listing.sequence(after),
                size);
    }
}
