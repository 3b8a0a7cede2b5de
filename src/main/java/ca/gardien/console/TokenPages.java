package ca.gardien.console;

import ca.gardien.organization.OwnTokens;
import ca.gardien.organization.Role;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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

    TokenPages(OwnTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String list(Authentication auth, Model model) {
        model.addAttribute("tokens", tokens.of(auth));
        model.addAttribute("roles", tokens.grantable(auth));
        return "console/tokens";
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
        }
        return list(auth, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, Authentication auth, Model model) {
        if (!tokens.revoke(auth, id)) {
            model.addAttribute("errors", List.of(FieldError.of("token", "console.field.token-unknown")));
            return list(auth, model);
        }
        return "redirect:/console/tokens";
    }
}
