package ca.gardien.console;

import ca.gardien.inventory.Inventory;
import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.ledger.LedgerEntry;
import ca.gardien.ledger.LedgerQuery;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Listing;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/console/ledger")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class LedgerPages {

    static final int EXPORT_LIMIT = 100_000;
    private static final ListFlag CONSULTATIONS = new ListFlag("hideConsultations", "ledger.filter.consultations");
    private final EvidenceLedger ledger;
    private final LedgerSearchWords searchWords;
    private final LedgerWords words;
    private final MessageSource messages;
    private final LedgerReferences references;
    private final FileReferences files;
    private final LedgerActors actors;
    private final ConsoleTimes times;
    private final Inventory inventory;

    LedgerPages(
            EvidenceLedger ledger,
            LedgerSearchWords searchWords,
            LedgerWords words,
            MessageSource messages,
            LedgerReferences references,
            FileReferences files,
            LedgerActors actors,
            ConsoleTimes times,
            Inventory inventory) {
        this.inventory = inventory;
        this.references = references;
        this.files = files;
        this.ledger = ledger;
        this.searchWords = searchWords;
        this.words = words;
        this.messages = messages;
        this.actors = actors;
        this.times = times;
    }

    /**
     * Newest first (or oldest first), {@value Listing#PAGE_SIZE} at a time, searched by action, actor (a person's
     * username or name, {@link LedgerActors}), object and day of recording (the organization's day). A malformed cursor
     * or day is ignored; an actor that names nobody, a period that ends before it starts, or a {@code hideConsultations}
     * neither true nor false ({@link ListFlag}) is said next to its field (400). The page's reads share one read-only
     * transaction: one connection and one commit instead of one per look-up.
     * {@code hideConsultations=true} leaves out the consultations ({@link LedgerQuery#CONSULTATIONS}), in the search
     * itself: off unless asked, so that nothing is hidden silently.
     */
    @GetMapping
    @Transactional(readOnly = true)
    String entries(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String object,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Long before,
            @RequestParam(required = false) String hideConsultations,
            Model model,
            Locale locale,
            HttpServletResponse response,
            Authentication reader) {
        var reference = LedgerSearchWords.reference(q, object);
        if (reference != null) { // words never find a file: its entries, as if typed in Object (officer's review)
            return "redirect:" + LedgerSearchWords.asObject(reference, action, actor, from, to, dir, hideConsultations);
        }
        var who = actors.resolve(actor, locale, reader);
        var hide = ListFlag.on(hideConsultations);
        var query = query(q, action, who, files.objects(object), from, to, dir, after, before, hide, Listing.PAGE_SIZE);
        var refused = ListPeriod.refused(from, to, model, response, messages, locale) // each says its own
                | CONSULTATIONS.refused(hideConsultations, model, response, messages, locale);
        var page = who.refused() || refused ? new Listing.Page<LedgerEntry>(List.of(), null) : ledger.search(query);
        if (who.refused()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("actorError", messages.getMessage(who.error(), new Object[] {who.typed()}, locale));
        }
        var roles = CurrentActor.roles(reader);
        var named = references.page(page.rows(), roles);
        var actorWords = words.actors(LedgerActors.listsAccounts(roles));
        var systems = LedgerLine.namesSystems(page.rows()) ? inventory.current().systemNames() : null;
        model.addAttribute("entries", LedgerLine.of(page.rows(), words, actorWords, named, systems, times));
        model.addAttribute("status", ledger.status());
        model.addAttribute("actors", actors.choices(locale, CurrentActor.roles(reader)));
        var filters = new Object[] {
            "q", Listing.search(q),
            "action", query.action(),
            "actor", who.typed().isEmpty() ? null : who.typed(),
            "object", Listing.search(object), // as typed: the links resolve it again
            "from", DateRange.day(from),
            "to", DateRange.day(to),
            "dir", query.ascending() ? "asc" : "desc",
            "hideConsultations", hide ? "true" : null
        };
        model.addAttribute(
                "next", page.next() == null ? null : ListLinks.href("/console/ledger", with(filters, page.next())));
        model.addAttribute("csv", ListLinks.href("/console/ledger/export.csv", filters));
        model.addAttribute("q", text(Listing.search(q)));
        model.addAttribute("action", text(Listing.search(action)));
        model.addAttribute("actions", searchWords.labels(locale));
        model.addAttribute("actor", who.typed());
        model.addAttribute("object", text(Listing.search(object))); // what was typed, not the file's id it found
        model.addAttribute("from", DateRange.day(from));
        model.addAttribute("to", DateRange.day(to));
        model.addAttribute("dir", query.ascending() ? "asc" : "desc");
        model.addAttribute("hideConsultations", hide);
        model.addAttribute("hiddenConsultations", hide ? words.consultationsHidden() : null);
        model.addAttribute("filtered", query.narrowed() || who.refused() || refused);
        return "console/ledger";
    }

    /**
     * The entries found, as CSV in words (at most {@value #EXPORT_LIMIT}): when (in the organization's zone, with its
     * offset), who, what and on what in the page's language, the codes alongside; the whole signed ledger is
     * {@code /export}. An actor that names nobody, or an unreadable period or {@code hideConsultations}, is a 400.
     */
    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String object,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String hideConsultations,
            Locale locale,
            Authentication reader) {
        var who = actors.resolve(actor, locale, reader);
        if (who.refused()) {
            throw new InvalidInputException("actor", who.error(), who.typed());
        }
        ListPeriod.check(from, to);
        var hide = CONSULTATIONS.check(hideConsultations);
        var objects = files.objects(object);
        var named = new java.util.HashMap<String, String>(); // the names of each page's objects, as on the page
        var accountsListed = LedgerActors.listsAccounts(CurrentActor.roles(reader));
        var systems = inventory.current().systemNames(); // once for the whole export
        var actorWords = words.actors(accountsListed); // the accounts read once, each actor said once
        var lines = Listing.lines(
                cursor -> {
                    var page = ledger.search(
                            query(q, action, who, objects, from, to, dir, cursor, null, hide, Listing.MAX_SIZE));
                    // named as on the page, a message with the file it is about (officer's re-walk: "— demande R-…")
                    var names = references.page(page.rows(), CurrentActor.roles(reader));
                    var these = new java.util.HashMap<>(names.names());
                    names.owners().words().forEach((id, owner) -> these.merge(id, owner, (n, o) -> n + " — " + o));
                    named.putAll(these);
                    return page;
                },
                e -> List.of(
                        Long.toString(e.sequence()),
                        times.iso(e.recordedAt()),
                        words.action(e, systems),
                        actorWords.apply(e.actor().kind() + ":" + e.actor().id()),
                        words.object(e.objectType()),
                        named.getOrDefault(e.objectId(), ""),
                        e.objectId(),
                        e.action(),
                        e.hash()),
                EXPORT_LIMIT);
        var header = Stream.of(
                        "ledger.col.sequence",
                        "ledger.col.time",
                        "ledger.col.action",
                        "ledger.col.actor",
                        "ledger.col.object",
                        "ledger.csv.reference",
                        "ledger.csv.object-id",
                        "ledger.csv.code",
                        "ledger.col.hash")
                .map(k -> messages.getMessage(k, null, k, locale))
                .toList();
        return CsvFile.download("gardien-ledger.csv", Listing.csv(header, lines));
    }

    LedgerQuery query(
            String q,
            String action,
            LedgerActors.Filter actor,
            List<String> objects,
            String from,
            String to,
            String dir,
            String after,
            Long before,
            boolean hideConsultations,
            int size) {
        var typed = Listing.search(action);
        var code = searchWords.actionCode(typed);
        // words that name no single action are searched as words ("Incident"), with the search's own
        var words = code != null || typed == null ? q : q == null ? typed : q + " " + typed;
        var ascending = Listing.ascending(dir);
        var cursor = Listing.sequence(after);
        return new LedgerQuery(
                code,
                actor.ids(),
                objects,
                times.from(from),
                times.to(to),
                ascending,
                // the links of the previous version of the page: the entries before a sequence
                cursor == null && !ascending ? before : cursor,
                size,
                searchWords.kinds(Listing.search(words)),
                actor.kind(),
                hideConsultations);
    }

    /** The filters and the cursor of the next page. */
    static Object[] with(Object[] filters, String next) {
        var all = java.util.Arrays.copyOf(filters, filters.length + 2);
        all[filters.length] = "after";
        all[filters.length + 1] = next;
        return all;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
