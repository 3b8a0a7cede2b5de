package ca.gardien.console;

import ca.gardien.connectors.ConnectorDesk;
import ca.gardien.connectors.ConnectorView;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.Listing;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The connectors as a list: by id or type, searched in the id and the address, filtered by type, exported as CSV. */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class ConnectorList {

    static final SmallList<ConnectorView> LIST = new SmallList<>(
            SmallList.sorts("id", ConnectorView::id, "type", ConnectorView::type),
            ConnectorView::id,
            c -> c.id() + " " + c.url(),
            "/console/connectors");

    static final List<String> TYPES = List.of("jdbc", "webhook", "manual");

    private final ConnectorDesk catalog;
    private final MessageSource messages;

    ConnectorList(ConnectorDesk catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    /** Shows one page of the connectors kept by the type filter. */
    static void show(List<ConnectorView> all, String type, SmallList.Query query, Model model) {
        var chosen = SmallList.oneOf(TYPES, type);
        LIST.show(model, LIST.page(all, kept(chosen), query), query, chosen != null);
        model.addAttribute("none", all.isEmpty());
        SmallList.choice(model, "type", "connectors.col.type", "connectors.type.", TYPES, chosen);
    }

    @GetMapping(value = "/console/connectors/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String type,
            Locale locale) {
        var query = LIST.query(q, sort, dir, null, Listing.MAX_SIZE);
        var lines = LIST.lines(
                catalog.list(),
                kept(SmallList.oneOf(TYPES, type)),
                query,
                c -> List.of(
                        c.id(),
                        messages.getMessage("connectors.type." + c.type(), null, c.type(), locale),
                        java.util.Objects.toString(c.url(), ""))); // a connector configured without a URL (files)
        var header = List.of("connectors.col.id", "connectors.col.type", "connectors.col.url").stream()
                .map(k -> messages.getMessage(k, null, k, locale))
                .toList();
        return CsvFile.download("gardien-connectors.csv", Listing.csv(header, lines));
    }

    private static Predicate<ConnectorView> kept(String type) {
        return c -> type == null || type.equals(c.type());
    }
}
