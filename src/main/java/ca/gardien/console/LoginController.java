package ca.gardien.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final ObjectProvider<InMemoryClientRegistrationRepository> oidc;

    LoginController(ObjectProvider<InMemoryClientRegistrationRepository> oidc) {
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(Model model) {
        var clients = oidc.getIfAvailable();
        if (clients != null && clients.iterator().hasNext()) {
            model.addAttribute("oidc", clients.iterator().next().getRegistrationId());
        }
        return "login";
    }
}
