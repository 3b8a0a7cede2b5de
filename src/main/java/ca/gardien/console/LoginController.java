package ca.gardien.console;

import ca.gardien.organization.SsoRefusal;
import java.util.ArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    /** An identity provider to sign in with: its registration id and the name an administrator gave it. */
    record Provider(String id, String name) {}

    private final ObjectProvider<InMemoryClientRegistrationRepository> oidc;

    LoginController(ObjectProvider<InMemoryClientRegistrationRepository> oidc) {
        this.oidc = oidc;
    }

    /** The login page; {@code sso} names why a single sign-on was refused (only known reasons are shown). */
    @GetMapping("/login")
    String login(
            @RequestParam(name = "sso", required = false) String sso,
            @RequestParam(name = "error", required = false) String error,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        if (error != null) { // the name typed before the refusal, kept (officer's review: the form came back empty)
            ca.gardien.organization.FormLoginFailures.typed(request).ifPresent(t -> model.addAttribute("typed", t));
        }
        var clients = oidc.getIfAvailable();
        if (clients != null) {
            var providers = new ArrayList<Provider>();
            clients.forEach(c -> providers.add(new Provider(c.getRegistrationId(), c.getClientName())));
            model.addAttribute("providers", providers);
        }
        SsoRefusal.fromCode(sso).ifPresent(r -> model.addAttribute("ssoRefusal", r.code()));
        return "login";
    }
}
