package ca.gardien.console;

import ca.gardien.organization.AccountRow;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ledger's actor filter in a person's words: the officer types (or picks from the field's suggestions) an account's
 * username or name, a role as the ledger says it ("Personne responsable": the accounts acting in it), a kind of actor
 * as the actor column says it in the page's language ("Personne concernée", "Programme (jeton d’API)", "Gardien": the
 * ledger searches that kind) or Gardien itself, and the page searches those entries. What was typed stays in the
 * address, so a filtered page can be shared. An account's or token's id and the raw {@code KIND:id} of an entry are
 * read too (older links, a copied raw entry). A name that fits no account, or fits several, is refused with a message
 * next to the field instead of an unexplained empty list.
 */
@Component
class LedgerActors {

    /** Gardien's own actors, as the ledger records them. */
    private static final List<String> SYSTEM = List.of(Actor.SYSTEM.id(), "identity-provider");

    /**
     * The kinds of actor found by the words the actor column shows for them ({@code ledger.actor.<KIND>}); an account
     * is said by its role, found as such above.
     */
    private static final List<Actor.Kind> KINDS = List.of(Actor.Kind.SUBJECT, Actor.Kind.TOKEN, Actor.Kind.SYSTEM);

    private final AccountViews accounts;
    private final MessageSource messages;

    LedgerActors(AccountViews accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    /** A suggestion of the field: what to type, and whom it names. */
    record Choice(String value, String label) {}

    /**
     * The field as typed and what it searches: the actors' ids (null: any actor; several for a role), a kind of actor
     * (null: any), or the message key of the reason it cannot be searched, with the typed text as its argument.
     */
    record Filter(String typed, List<String> ids, Actor.Kind kind, String error) {

        Filter(String typed, List<String> ids, String error) {
            this(typed, ids, null, error);
        }

        Filter(String typed, String id, String error) {
            this(typed, id == null ? null : List.of(id), error);
        }

        boolean refused() {
            return error != null;
        }
    }

    /**
     * What {@code typed} searches, a kind of actor read in the words of the page's {@code locale}. A reader who may not
     * list the accounts finds only their own by name or username: another's name is "no account" whether or not one
     * bears it, and so is another's account id, so the field tells them neither who has an account nor which entries a
     * named person made.
     */
    Filter resolve(String typed, Locale locale, org.springframework.security.core.Authentication reader) {
        var listed = listsAccounts(ca.gardien.organization.CurrentActor.roles(reader));
        var own = ca.gardien.organization.CurrentActor.accountId(reader).orElse(null);
        return resolve(typed, locale, a -> listed || a.id().equals(own));
    }

    private Filter resolve(String typed, Locale locale, java.util.function.Predicate<AccountRow> visible) {
        if (typed == null || typed.isBlank()) {
            return new Filter("", (String) null, null);
        }
        var text = typed.strip();
        var everyone = accounts.all();
        var raw = raw(text);
        if (raw != null) {
            // another's account id is no more a way in than their name (the ids show in raw entries)
            var hidden = everyone.stream().anyMatch(a -> a.id().toString().equals(raw) && !visible.test(a));
            return hidden ? unknown(text) : new Filter(text, raw, null);
        }
        var all = everyone.stream().filter(visible).toList(); // those the reader may find by name
        var byUsername = all.stream().filter(a -> same(a.username(), text)).findFirst();
        if (byUsername.isPresent()) {
            return new Filter(text, byUsername.get().id().toString(), null);
        }
        var byName = all.stream()
                .filter(a -> a.displayName() != null && same(a.displayName().strip(), text))
                .map(AccountRow::id)
                .map(UUID::toString)
                .toList();
        if (byName.size() == 1) {
            return new Filter(text, byName.getFirst(), null);
        }
        if (byName.size() > 1) {
            return new Filter(text, (String) null, "ledger.filter.actor.ambiguous");
        }
        var role = Arrays.stream(Role.values())
                .filter(r -> Stream.of(Locale.CANADA_FRENCH, Locale.CANADA)
                        .anyMatch(l -> same(text, messages.getMessage("ledger.actor.role." + r.name(), null, "", l))))
                .findFirst();
        if (role.isPresent()) {
            // the accounts the ledger names by this role: those whose first role it is, as LedgerWords.actor says
            var ids = everyone.stream()
                    .filter(a -> a.roles().stream().sorted().findFirst().equals(role))
                    .map(a -> a.id().toString())
                    .toList();
            return new Filter(text, ids, null);
        }
        var kind = KINDS.stream()
                .filter(k -> same(text, messages.getMessage("ledger.actor." + k.name(), null, "", locale)))
                .findFirst();
        if (kind.isPresent()) {
            return new Filter(text, null, kind.get(), null);
        }
        return SYSTEM.stream()
                .filter(s -> same(s, text))
                .findFirst()
                .map(s -> new Filter(text, s, null))
                .orElseGet(() -> unknown(text));
    }

    private static Filter unknown(String text) {
        return new Filter(text, (String) null, "ledger.filter.actor.unknown");
    }

    /** The same words whatever the case and the apostrophe a keyboard types ("jeton d'API" is "jeton d’API"). */
    private static boolean same(String one, String other) {
        return one.replace('’', '\'').equalsIgnoreCase(other.replace('’', '\''));
    }

    /** The id of a raw {@code KIND:id} as a raw entry shows it, or of an account's or token's id; else null. */
    private static String raw(String text) {
        for (var kind : Actor.Kind.values()) {
            if (text.startsWith(kind.name() + ":")
                    && text.length() > kind.name().length() + 1) {
                return text.substring(kind.name().length() + 1);
            }
        }
        try {
            return text.length() == 36 ? UUID.fromString(text).toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The field's suggestions: every account by username (its name and role alongside), then Gardien, then the other
     * kinds of actor in the page's words (the person concerned, a program's token). The accounts only for a reader who
     * may list them ({@code GET /api/v1/accounts}: the person in charge and auditors); a delegate gets the kinds alone,
     * and finds only their own account by name ({@link #resolve}).
     */
    List<Choice> choices(Locale locale, Set<Role> reader) {
        var choices = new ArrayList<Choice>();
        if (listsAccounts(reader)) {
            accounts.all().stream()
                    .sorted(Comparator.comparing(a -> a.name().toLowerCase(Locale.ROOT)))
                    .forEach(a -> choices.add(new Choice(a.username(), label(a, locale))));
        }
        choices.add(new Choice(Actor.SYSTEM.id(), messages.getMessage("ledger.actor.SYSTEM", null, locale)));
        for (var kind : List.of(Actor.Kind.SUBJECT, Actor.Kind.TOKEN)) {
            var words = messages.getMessage("ledger.actor." + kind.name(), null, locale);
            choices.add(new Choice(words, words));
        }
        return choices;
    }

    /** Whether the reader may list the accounts ({@code GET /api/v1/accounts}): the person in charge and auditors. */
    static boolean listsAccounts(Set<Role> reader) {
        return reader.contains(Role.PRIVACY_OFFICER) || reader.contains(Role.AUDITOR);
    }

    private String label(AccountRow a, Locale locale) {
        var role = a.roles().stream().sorted().findFirst();
        return role.isEmpty()
                ? a.name()
                : messages.getMessage(
                        "ledger.actor.named",
                        new Object[] {a.name(), messages.getMessage("ledger.actor.role." + role.get(), null, locale)},
                        locale);
    }
}
