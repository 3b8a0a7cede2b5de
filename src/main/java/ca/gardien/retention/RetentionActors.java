package ca.gardien.retention;

import ca.gardien.organization.AccountViews;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Who did something, as recorded ({@code account:<id>}, {@code token:<id>}, {@code system:gardien}), in words. */
@Component
class RetentionActors {

    private final AccountViews accounts;
    private final MessageSource messages;

    RetentionActors(AccountViews accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    /** An account by its name; a token or the system by what it is, never a raw identifier. */
    String name(String recorded, Locale locale) {
        if (recorded == null) return "—";
        var colon = recorded.indexOf(':');
        var kind = colon < 0 ? recorded : recorded.substring(0, colon);
        if (kind.equals("account")) {
            try {
                var name = accounts.nameOf(UUID.fromString(recorded.substring(colon + 1)));
                if (name.isPresent()) return name.get();
            } catch (IllegalArgumentException e) {
                // not an account id: said by its kind below
            }
        }
        var key = kind.equals("token") ? "token" : kind.equals("system") ? "system" : "other";
        return messages.getMessage("retention.console.by." + key, null, key, locale);
    }
}
