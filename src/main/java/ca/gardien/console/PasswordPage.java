package ca.gardien.console;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.AccountViews;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Changing one's own password; after a change the person signs in again with it. */
@Controller
@RequestMapping("/console/password")
class PasswordPage {

    private final AccountAdministration accounts;
    private final AccountLocaleResolver locales;

    PasswordPage(AccountAdministration accounts, AccountLocaleResolver locales) {
        this.accounts = accounts;
        this.locales = locales;
    }

    @GetMapping
    String form(Authentication auth, Model model) {
        model.addAttribute("mustChange", AccountViews.mustChangePassword(auth));
        return "console/password";
    }

    @PostMapping
    String change(
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            @RequestParam String confirmPassword,
            Authentication auth,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        var account = AccountViews.passwordAccount(auth);
        if (account.isEmpty()) {
            return "redirect:/console";
        }
        try {
            accounts.changeOwnPassword(account.get(), currentPassword, newPassword, confirmPassword);
        } catch (InvalidInputException e) {
            return again(model, auth, e.errors());
        } catch (ConflictException e) {
            // the same form sent twice at once (a double click): the other one changed it and ended this session too
        }
        locales.keepAtSignOut(request, response, auth); // the sign-in page that follows speaks the console's language
        new SecurityContextLogoutHandler().logout(request, response, auth);
        return "redirect:/login?changed";
    }

    private static String again(Model model, Authentication auth, List<FieldError> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("mustChange", AccountViews.mustChangePassword(auth));
        return "console/password";
    }
}
