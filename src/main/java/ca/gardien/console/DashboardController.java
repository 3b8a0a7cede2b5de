package ca.gardien.console;

import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.ProgramTile;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The program at a glance: every module's tile for this viewer, the ledger's latest facts in words, its state. */
@Controller
class DashboardController {

    private final EvidenceLedger ledger;
    private final AccountViews accounts;
    private final List<ProgramTile> tiles;

    /** How many of the ledger's latest facts the dashboard reads out. */
    static final int RECENT = 8;

    DashboardController(EvidenceLedger ledger, AccountViews accounts, List<ProgramTile> tiles) {
        this.ledger = ledger;
        this.accounts = accounts;
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
        model.addAttribute(
                "recent",
                ledger.entries(Math.max(0, status.entries() - RECENT), RECENT).reversed());
        model.addAttribute("accounts", accounts.count());
        return "console/dashboard";
    }
}
