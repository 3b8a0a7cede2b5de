package ca.gardien.organization;

import ca.gardien.shared.Actor;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Who did something, in words: an account by its name, an API token or Gardien itself by what it is, never a raw
 * identifier (officer's review: decisions and holds showed account ids). One way for every module's pages.
 */
@Component
@NamedInterface("views")
public class ActorNames {

    private final AccountViews accounts;
    private final MessageSource messages;

    ActorNames(AccountViews accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    /** The actor as recorded in a column ({@code account:<id>}, {@code token:<id>}, {@code system:gardien}). */
    public String name(String recorded, Locale locale) {
        if (recorded == null) {
            return "—";
        }
        var colon = recorded.indexOf(':');
        var kind = colon < 0 ? recorded : recorded.substring(0, colon);
        return name(kind, colon < 0 ? "" : recorded.substring(colon + 1), locale);
    }

    public String name(Actor actor, Locale locale) {
        return actor == null ? "—" : name(actor.kind().name().toLowerCase(Locale.ROOT), actor.id(), locale);
    }

    private String name(String kind, String id, Locale locale) {
        if (kind.equals("account")) {
            try {
                var name = accounts.nameOf(UUID.fromString(id));
                if (name.isPresent()) {
                    return name.get();
                }
            } catch (IllegalArgumentException e) {
                // not an account id: said by its kind below
            }
        }
        var key = kind.equals("token") ? "token" : kind.equals("system") ? "system" : "other";
        return messages.getMessage("actors.by." + key, null, key, locale);
    }
}
