package ca.gardien.organization;

import ca.gardien.shared.Actor;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * First start: with no account at all, creates {@code officer} (the person in charge). The password is
 * {@code GARDIEN_BOOTSTRAP_PASSWORD} when set (automation) or a random one printed once to the log, which must be
 * changed at first login.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    static final String USERNAME = "officer";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final Accounts accounts;
    private final AccountAdministration administration;
    private final OrganizationProperties properties;

    AccountBootstrap(Accounts accounts, AccountAdministration administration, OrganizationProperties properties) {
        this.accounts = accounts;
        this.administration = administration;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        var configured = properties.bootstrapPassword();
        boolean random = configured == null || configured.isBlank();
        var password = random ? Passwords.random() : configured;
        // A configured password was chosen by automation: it is not one-time.
        administration.create(
                USERNAME,
                "Responsable de la protection des renseignements personnels",
                password,
                Set.of(Role.PRIVACY_OFFICER),
                random,
                Actor.SYSTEM);
        if (random) {
            log.warn("""

                    ================================================================
                    First start: created account '{}' with one-time password {}
                    It is shown only this once and must be changed at first login.
                    ================================================================""", USERNAME, password);
        } else {
            log.info("First start: created account '{}' with the configured bootstrap password", USERNAME);
        }
    }
}
