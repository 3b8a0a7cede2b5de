package ca.gardien.inventory;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.shared.Actor;
import java.util.Set;
import java.util.UUID;

/** Bearer headers for test accounts holding one role each; usernames are random, no personal information. */
record ApiTokens(AccountAdministration accounts, TokenService tokens) {

    String bearer(Role role) {
        var username = "test-" + role.name().toLowerCase().replace('_', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        var account =
                accounts.create(username, "Test " + role.name(), "test-password-9517-3860", Set.of(role), Actor.SYSTEM);
        return "Bearer "
                + tokens.issue(account.id(), "test", Set.of(role), Actor.SYSTEM).secret();
    }
}
