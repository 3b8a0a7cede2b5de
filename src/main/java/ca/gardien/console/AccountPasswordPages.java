package ca.gardien.console;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.PasswordRefusedException;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.NotFoundException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person in charge gives a colleague who lost their password a temporary one (officer's review: a locked-out
 * colleague could not be helped from the console): changed at their next sign-in, their open sessions ended, the
 * fact {@code account.password-reset} in the ledger. Never one's own, which is changed with the current password.
 */
@Controller
@PreAuthorize("hasRole('PRIVACY_OFFICER')")
class AccountPasswordPages {

    private final AccountAdministration accounts;
    private final AccountViews views;
    private final MessageSource messages;

    AccountPasswordPages(AccountAdministration accounts, AccountViews views, MessageSource messages) {
        this.accounts = accounts;
        this.views = views;
        this.messages = messages;
    }

    @PostMapping("/console/accounts/{id}/password")
    String reset(
            @PathVariable UUID id,
            @RequestParam(required = false) String password,
            Authentication auth,
            RedirectAttributes flash,
            Locale locale) {
        try {
            accounts.resetPassword(
                    id, password == null ? "" : password, CurrentActor.of(auth), CurrentActor.accountId(auth));
            var name = views.nameOf(id).orElse("");
            flash.addFlashAttribute("done", messages.getMessage("accounts.reset.done", new Object[] {name}, locale));
        } catch (PasswordRefusedException e) {
            // the rule's words follow the field's name ("doit compter …"), as beside the creation form's field
            var rule = e.localized(messages, locale).message();
            var refusal = messages.getMessage("accounts.reset.refused", new Object[] {rule}, locale);
            flash.addFlashAttribute("refused", refusal);
            // the account's form comes back open with the refusal by its field (officer's check: said at the top
            // only, the form closed)
            flash.addFlashAttribute("resetFor", id);
            flash.addFlashAttribute("resetError", refusal);
        } catch (NotFoundException e) {
            flash.addFlashAttribute("refused", messages.getMessage("console.field.account-unknown", null, locale));
        } catch (ConflictException e) {
            flash.addFlashAttribute("refused", e.in(messages, locale));
        }
        return "redirect:/console/accounts";
    }
}
