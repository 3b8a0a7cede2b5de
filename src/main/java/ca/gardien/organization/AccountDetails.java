package ca.gardien.organization;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks up local accounts for form and HTTP Basic login. */
@Component
class AccountDetails implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    AccountDetails(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.byUsername(username)
                .filter(a -> a.passwordHash() != null)
                // the delay this very attempt's claim started does not refuse it (LoginAttempts.claiming)
                .map(a -> AccountPrincipal.of(a, clock.instant(), LoginAttempts.claimedHere(a.id())))
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }
}
