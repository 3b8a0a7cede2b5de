package ca.gardien.console;

import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The program at a glance: every module's tile for this viewer, the ledger's latest facts in words, its state. */
@Controller
class DashboardController {

    private final EvidenceLedger ledger;
    private final List<ProgramTile> tiles;
    private final LedgerWords words;
    private final LedgerReferences references;
    private final ConsoleTimes times;
    private final ca.gardien.inventory.Inventory inventory;

    /** How many of the ledger's latest facts the dashboard reads out. */
    static final int RECENT = 8;

    /** How many of the latest facts are read to find them: consultations can outnumber everything else. */
    private static final int WINDOW = 200;

    /**
     * Facts that only say someone looked at something. They stay in the ledger (and on the object's own page), but an
     * officer who opens a few request pages would otherwise see nothing else in the program's recent activity.
     */
    private static final Set<String> CONSULTATIONS = Set.of(
            "account.signed-in", // who came in is the ledger's to keep; the program's activity is what they did
            "requests.identifiers-viewed",
            "requests.document-downloaded",
            "mail.outbox-viewed",
            "complaints.read",
            "complaints.document-read");

    DashboardController(
            EvidenceLedger ledger,
            List<ProgramTile> tiles,
            LedgerWords words,
            LedgerReferences references,
            ConsoleTimes times,
            ca.gardien.inventory.Inventory inventory) {
        this.ledger = ledger;
        this.words = words;
        this.references = references;
        this.times = times;
        this.inventory = inventory;
        this.tiles = tiles.stream()
                .sorted(Comparator.comparingInt(ProgramTile::order))
                .toList();
    }

    @GetMapping("/console")
    String dashboard(Authentication auth, Model model) {
        var viewer = new ProgramTile.Viewer(CurrentActor.accountId(auth), CurrentActor.roles(auth));
        model.addAttribute(
                "tiles",
                tiles.stream()
                        .map(tile -> tile.tileFor(viewer))
                        .flatMap(Optional::stream)
                        .toList());
        var status = ledger.status();
        model.addAttribute("status", status);
        // each fact as the ledger's page says it: what, about which file (linked), by whom
        var recent = recent(status.entries(), viewer.roles());
        var systems = LedgerLine.namesSystems(recent) ? inventory.current().systemNames() : null;
        model.addAttribute(
                "recent",
                LedgerLine.of(
                        recent,
                        words,
                        words.actors(LedgerActors.listsAccounts(viewer.roles())),
                        references.page(recent, viewer.roles()),
                        systems,
                        times));
        model.addAttribute("readsLedger", readsLedger(viewer.roles()));
        return "console/dashboard";
    }

    /** The ledger page is closed to staff. */
    private static boolean readsLedger(Set<Role> roles) {
        return roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE) || roles.contains(Role.AUDITOR);
    }

    /**
     * The latest facts the viewer may read in the ledger itself, consultations left out: none for staff (the ledger
     * page is closed to them), and no complaint facts for those who may not open complaint files (auditors).
     */
    private List<ca.gardien.ledger.LedgerEntry> recent(long entries, Set<Role> roles) {
        if (!readsLedger(roles)) {
            return List.of();
        }
        boolean complaints = roles.contains(Role.PRIVACY_OFFICER) || roles.contains(Role.DELEGATE);
        return ledger.entries(Math.max(0, entries - WINDOW), WINDOW).reversed().stream()
                .filter(e -> !CONSULTATIONS.contains(e.action()))
                .filter(e -> complaints || !e.action().startsWith("complaints."))
                .limit(RECENT)
                .toList();
    }
}
