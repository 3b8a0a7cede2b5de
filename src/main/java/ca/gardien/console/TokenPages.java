package ca.gardien.console;

import ca.gardien.organization.ApiToken;
import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
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

    private final TokenService tokens;

    TokenPages(TokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(Authentication auth, Model model) {
        var account = CurrentActor.accountId(auth);
        model.addAttribute("tokens", account.map(tokens::ofAccount).orElse(List.of()));
        model.addAttribute("roles", CurrentActor.roles(auth).stream().sorted().toList());
        return "console/tokens";
    }

    @PostMapping
    String issue(
            @RequestParam String name,
            @RequestParam(required = false) Set<Role> roles,
            Authentication auth,
            Model model) {
        var account = CurrentActor.accountId(auth).orElseThrow(() -> new AccessDeniedException("no local account"));
        var requested = roles == null ? Set.<Role>of() : roles;
        try {
            if (!CurrentActor.roles(auth).containsAll(requested)) {
                throw new InvalidInputException("roles", "must be among your own roles");
            }
            model.addAttribute(
                    "secret",
                    tokens.issue(account, name, requested, CurrentActor.of(auth))
                            .secret());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return list(auth, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, Authentication auth, Model model) {
        var token = tokens.byId(id)
                .filter(ApiToken::active)
                .filter(t -> CurrentActor.accountId(auth)
                        .filter(t.accountId()::equals)
                        .isPresent());
        if (token.isEmpty()) {
            model.addAttribute("errors", List.of(new FieldError("token", "not found")));
            return list(auth, model);
        }
        tokens.revoke(id, CurrentActor.of(auth));
        return "redirect:/console/tokens";
    }
}
