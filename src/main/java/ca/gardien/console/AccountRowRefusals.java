package ca.gardien.console;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.FormSteps;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/**
 * A step refused on one account's row (rename, roles), said above the list naming the account and each field by its
 * label — not under the creation form's fields that bear the same names (officer's walk, 2026-12-07: an emptied name
 * or no role ticked on a row showed "est obligatoire" under « Créer le compte »).
 */
final class AccountRowRefusals {

    private AccountRowRefusals() {}

    static String said(MessageSource messages, Locale locale, String username, List<FieldError> errors) {
        var lines = errors.stream()
                .map(f -> FormSteps.named(
                        "accounts." + f.field(), f.inForm(messages, locale).message(), messages, locale))
                .collect(Collectors.joining(" "));
        return messages.getMessage("accounts.row-refused", new Object[] {username, lines}, locale);
    }
}
