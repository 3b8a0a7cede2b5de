package ca.gardien.console;

import ca.gardien.organization.ApiToken;
import ca.gardien.organization.OwnTokens;
import ca.gardien.organization.Role;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Listing;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A person's own API tokens. The new secret is rendered once, in the response to the request that issued it. */
@Controller
@RequestMapping("/console/tokens")
class TokenPages {

    private final OwnTokens tokens;
    private final MessageSource messages;

    private final ConsoleTimes times;

    TokenPages(OwnTokens tokens, MessageSource messages, ConsoleTimes times) {
        this.tokens = tokens;
        this.times = times;
        this.messages = messages;
    }

    /** One's tokens by name, creation or last use, searched in the name and the prefix. */
    static final SmallList<ApiToken> LIST = new SmallList<>(
            SmallList.sorts(
                    "name",
                    ApiToken::name,
                    "created",
                    (java.util.function.Function<ApiToken, String>)
                            t -> t.createdAt().toString(),
                    "lastUsed",
                    t -> Objects.toString(t.lastUsedAt(), "")),
            t -> t.id().toString(),
            t -> t.name() + " " + t.prefix(),
            "/console/tokens");

    static final List<String> STATES = List.of("ACTIVE", "REVOKED");

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String after,
            Authentication auth,
            Model model) {
        var query = LIST.query(q, sort, dir, after, Listing.PAGE_SIZE);
        var chosen = SmallList.oneOf(STATES, state);
        var all = tokens.of(auth);
        LIST.show(model, LIST.page(all, kept(chosen), query), query, chosen != null);
        model.addAttribute("none", all.isEmpty());
        SmallList.choice(model, "state", "lists.small.token.state", "lists.small.token.", STATES, chosen);
        model.addAttribute("roles", tokens.grantable(auth));
        return "console/tokens";
    }

    /** One's tokens as searched, filtered and sorted on the page, as CSV (never a secret: only the prefix). */
    @GetMapping(value = "/export.csv", produces = "text/csv")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String state,
            Authentication auth,
            Locale locale) {
        var query = LIST.query(q, sort, dir, null, Listing.MAX_SIZE);
        var lines = LIST.lines(
                tokens.of(auth),
                kept(SmallList.oneOf(STATES, state)),
                query,
                t -> List.of(
                        t.name(),
                        t.prefix() + "…",
                        String.join(
                                ", ",
                                t.roles().stream()
                                        .sorted()
                                        .map(r -> text("role." + r, locale))
                                        .toList()),
                        times.iso(t.createdAt()),
                        times.iso(t.lastUsedAt()),
                        text(t.active() ? "lists.small.token.ACTIVE" : "lists.small.token.REVOKED", locale)));
        var header = Stream.of(
                        "tokens.name",
                        "tokens.prefix",
                        "accounts.roles",
                        "tokens.created",
                        "tokens.lastUsed",
                        "lists.small.token.state")
                .map(k -> text(k, locale))
                .toList();
        return CsvFile.download("gardien-tokens.csv", Listing.csv(header, lines));
    }

    private static Predicate<ApiToken> kept(String state) {
        return t -> state == null || t.active() == "ACTIVE".equals(state);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    @PostMapping
    String issue(
            @RequestParam String name,
            @RequestParam(required = false) Set<Role> roles,
            Authentication auth,
            Model model) {
        try {
            model.addAttribute("secret", tokens.issue(auth, name, roles));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            // what was typed comes back with the refusal (officer's review: the name was lost)
            model.addAttribute("typedName", name);
            model.addAttribute("typedRoles", roles == null ? Set.of() : roles);
        }
        return list(null, null, null, null, null, auth, model);
    }

    /**
     * Revokes one of the caller's own tokens; another's, or one already revoked, is refused at the top of the page where
     * the list starts (attacker's review: it was said under the form that issues tokens, below the list), nothing
     * revoked.
     */
    @PostMapping("/{id}/revoke")
    String revoke(
            @PathVariable UUID id,
            Authentication auth,
            Locale locale,
            org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        if (tokens.revoke(auth, id)) {
            flash.addFlashAttribute("revoked", messages.getMessage("tokens.revoke.done", null, locale));
        } else {
            flash.addFlashAttribute("refused", messages.getMessage("tokens.revoke.refused", null, locale));
        }
        return "redirect:/console/tokens";
    }
}
