package ca.gardien.console;

import ca.gardien.ledger.LedgerEntry;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.requests.RequestView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Ledger entries in words, in the page's language: what happened ({@code requests.received} → "Request received"), who
 * did it ({@code ACCOUNT:…} → "A staff member") and on what ({@code mail-message} → "Message"). Templates call it as
 * {@code @ledgerWords.action(…)}; the raw entry stays one click away on the page. An action without words of its own
 * reads as a generic step, never as its id.
 */
@Component("ledgerWords")
class LedgerWords {

    private static final String REQUEST_STEP = "requests.";

    private final MessageSource messages;
    private final AccountViews accounts;

    LedgerWords(MessageSource messages, AccountViews accounts) {
        this.messages = messages;
        this.accounts = accounts;
    }

    /**
     * The payload's codes that say how a fact came about, in this order: the key {@code ledger.way.<action>.<code>…}
     * takes each one present ({@code identity-reviewed.APPROVED.person-verified}, {@code sent.POSTAL}, {@code
     * task-completed.FOUND}), and the words are those of the longest such key the bundle has.
     */
    static final List<String> WAYS =
            List.of("approval", "method", "review", "by", "channel", "outbox", "outcome", "status");

    /**
     * What happened, said by the way it was done when the entry tells it (the payload's {@link #WAYS}, with the
     * identifier's kind {0}, the basis {1}, the system's name {2}, the count of pieces of information found {3} and a
     * policy's version {4} in words): an identifier "verified with a code" is not one "checked by staff". A fact about
     * a system is said this way only with the systems' names ({@link #action(LedgerEntry, Map)}).
     */
    public String action(LedgerEntry entry) {
        return action(entry.action(), entry::detail, null);
    }

    /** The same, naming the system a task is about by its name in {@code systemNames} (its id when not there). */
    public String action(LedgerEntry entry, Map<String, String> systemNames) {
        return action(entry.action(), entry::detail, systemNames);
    }

    /** The same for a line of a request's timeline. */
    public String action(RequestView.TimelineEntry entry, Map<String, String> systemNames) {
        return action(entry.action(), entry::detail, systemNames);
    }

    private String action(String action, UnaryOperator<String> detail, Map<String, String> systemNames) {
        var system = detail.apply("system");
        if (system != null && systemNames == null) {
            return action(action); // without the names, a system would read as its id
        }
        var basis = code(detail.apply("basis"));
        var args = new Object[] {
            words("rq.kind.", code(detail.apply("kind"))),
            words("rq.basis.", basis),
            system == null ? "" : systemNames.getOrDefault(system, system),
            // the pieces of information found, as the task's card counts them (before they were counted: records)
            Objects.requireNonNullElse(
                    detail.apply("fields"), Objects.requireNonNullElse(detail.apply("records"), "0")),
            Objects.requireNonNullElse(detail.apply("version"), "") // a policy's version number
        };
        var keys = new ArrayList<String>();
        var key = new StringBuilder("ledger.way.").append(action);
        if (basis != null || system != null || detail.apply("version") != null) {
            keys.add(key.toString());
        }
        for (var field : WAYS) {
            var code = segment(detail.apply(field));
            if (code != null) {
                keys.addFirst(key.append('.').append(code).toString());
            }
        }
        for (var way : keys) {
            var words = messages.getMessage(way, args, null, locale());
            if (words != null) {
                return words;
            }
        }
        return action(action);
    }

    private String words(String prefix, String code) {
        return code == null ? "" : messages.getMessage(prefix + code, null, code, locale());
    }

    /** A code of the payload ({@code STAFF}, {@code CUSTOMER_RECORD_MATCH}), else null: never a sentence's key. */
    private static String code(String value) {
        return value != null && !value.isEmpty() && value.chars().allMatch(c -> c == '_' || (c >= 'A' && c <= 'Z'))
                ? value
                : null;
    }

    /** A code or a step's name ({@code POSTAL}, {@code person-verified}) to put in a key, else null. */
    private static String segment(String value) {
        return value != null
                        && !value.isEmpty()
                        && value.length() <= 40
                        && value.chars().allMatch(c -> c == '_' || c == '-' || Character.isLetterOrDigit(c) && c < 128)
                ? value
                : null;
    }

    /** What happened, as a short sentence. */
    public String action(String action) {
        var locale = LocaleContextHolder.getLocale();
        var own = messages.getMessage("ledger.action." + action, null, null, locale);
        if (own != null) {
            return own;
        }
        if (action != null && action.startsWith(REQUEST_STEP)) {
            // a request's status change is recorded as requests.<status>, in lower case with dashes
            var status =
                    action.substring(REQUEST_STEP.length()).replace('-', '_').toUpperCase(Locale.ROOT);
            var label = messages.getMessage("rq.status." + status, null, null, locale);
            if (label != null) {
                return messages.getMessage("ledger.action.status", new Object[] {label}, locale);
            }
        }
        return messages.getMessage("ledger.action.other", null, locale);
    }

    /**
     * Who did it, from the ledger's {@code KIND:id} (an account, a token, Gardien itself, the person concerned); an
     * account is named by the role it acts in (person in charge, delegate, staff member, auditor).
     */
    public String actor(String actor) {
        return actor(actor, id -> accountRole(id), id -> null);
    }

    /**
     * Who did it, for the many lines of a page or an export: the accounts read once, each distinct actor put in words
     * once; an account {@code named} by its name and role ("Alex Exemple — Personne responsable") for a reader who may
     * list the accounts (the person in charge, auditors: {@link LedgerActors#listsAccounts}), else by its role alone; a
     * program by its API token's name and its account ("Programme « ci-export » (Alex Exemple — Personne responsable)",
     * the tokens read once, on the first token's line, as the tokens list names them).
     */
    UnaryOperator<String> actors(boolean named) {
        var byId = new java.util.HashMap<UUID, ca.gardien.organization.AccountRow>();
        accounts.all().forEach(a -> byId.put(a.id(), a));
        java.util.function.Function<String, ca.gardien.organization.AccountRow> account = id -> {
            var key = uuid(id);
            return key == null ? null : byId.get(key);
        };
        var said = new java.util.HashMap<String, String>();
        var tokens = new java.util.HashMap<UUID, AccountViews.TokenName>(); // read on the first token's line
        var tokensRead = new boolean[1];
        UnaryOperator<String> words = actor -> said.computeIfAbsent(
                actor,
                a -> actor(
                        a,
                        id -> {
                            var row = account.apply(id);
                            return row == null
                                    ? null
                                    : row.roles().stream().sorted().findFirst().orElse(null);
                        },
                        id -> {
                            var row = account.apply(id);
                            return named && row != null ? row.name() : null;
                        }));
        return actor -> {
            var token = actor != null && actor.startsWith(TOKEN) ? uuid(actor.substring(TOKEN.length())) : null;
            if (token != null && !tokensRead[0]) {
                tokens.putAll(accounts.tokenNames());
                tokensRead[0] = true;
            }
            var held = token == null ? null : tokens.get(token);
            return held == null
                    ? words.apply(actor)
                    : messages.getMessage(
                            "ledger.actor.token",
                            new Object[] {held.name(), words.apply("ACCOUNT:" + held.accountId())},
                            locale());
        };
    }

    private static final String TOKEN = ca.gardien.shared.Actor.Kind.TOKEN.name() + ":";

    private String actor(
            String actor,
            java.util.function.Function<String, Role> roleOf,
            java.util.function.Function<String, String> nameOf) {
        var colon = actor == null ? -1 : actor.indexOf(':');
        var kind = colon < 0 ? String.valueOf(actor) : actor.substring(0, colon);
        var id = colon < 0 ? "" : actor.substring(colon + 1);
        var role = "ACCOUNT".equals(kind) ? roleOf.apply(id) : null;
        if (role != null) {
            var words = messages.getMessage("ledger.actor.role." + role.name(), null, locale());
            var name = nameOf.apply(id);
            return name == null
                    ? words
                    : messages.getMessage("ledger.actor.named", new Object[] {name, words}, locale());
        }
        return messages.getMessage(
                "ledger.actor." + kind, null, messages.getMessage("ledger.actor.other", null, locale()), locale());
    }

    private Role accountRole(String id) {
        var account = uuid(id);
        return account == null ? null : accounts.actingRole(account).orElse(null);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * What hiding the consultations leaves out, as the ledger page says it: how many kinds of entry, and which, in words
     * ({@link ca.gardien.ledger.LedgerQuery#CONSULTATIONS}).
     */
    String consultationsHidden() {
        var kinds = ca.gardien.ledger.LedgerQuery.CONSULTATIONS.stream()
                .map(this::action)
                .toList();
        return messages.getMessage(
                "ledger.filter.consultations.hidden", new Object[] {kinds.size(), String.join(", ", kinds)}, locale());
    }

    /** What the entry is about ({@code request}, {@code account}, {@code mail-message} …), as a noun. */
    public String object(String type) {
        return messages.getMessage(
                "ledger.object." + type, null, messages.getMessage("ledger.object.other", null, locale()), locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
