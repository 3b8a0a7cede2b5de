package ca.gardien.console;

import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.organization.AccountViews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    private final EvidenceLedger ledger;
    private final AccountViews accounts;

    DashboardController(EvidenceLedger ledger, AccountViews accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    @GetMapping("/console")
    String dashboard(Model model) {
        model.addAttribute("status", ledger.status());
        model.addAttribute("accounts", accounts.count());
        return "console/dashboard";
    }
}
