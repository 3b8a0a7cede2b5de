package ca.gardien.organization;

import ca.gardien.shared.Actor;
import ca.gardien.shared.FirstStart;
import ca.gardien.shared.Language;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * First start: with no account at all, creates {@code officer} (the person in charge). The password is
 * {@code GARDIEN_BOOTSTRAP_PASSWORD} when set (automation) or a random one printed once to the log, which must be
 * changed at first login. Nodes started together create it once ({@link FirstStart}); only the node that created it
 * prints the one-time password.
 */
@Component
class AccountBootstrap implements ApplicationRunner {

    static final String USERNAME = "officer";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final Accounts accounts;
    private final AccountAdministration administration;
    private final OrganizationProperties properties;
    private final PasswordRule rule;
    private final MessageSource messages;
    private final FirstStart firstStart;

    AccountBootstrap(
            Accounts accounts,
            AccountAdministration administration,
            OrganizationProperties properties,
            PasswordRule rule,
            MessageSource messages,
            FirstStart firstStart) {
        this.accounts = accounts;
        this.administration = administration;
        this.properties = properties;
        this.rule = rule;
        this.messages = messages;
        this.firstStart = firstStart;
    }

    /** Start-up stops with a message naming the setting and the reason, never the password. */
    private void checkConfigured(String configured) {
        try {
            rule.check("bootstrap-password", configured, USERNAME);
        } catch (PasswordRefusedException e) {
            throw new IllegalStateException("GARDIEN_BOOTSTRAP_PASSWORD (gardien.organization.bootstrap-password) is "
                    + "refused: it "
                    + e.localized(messages, Language.ENGLISH.locale()).message()
                    + ". Choose another, or leave it empty to get a "
                    + "random one-time password (docs/accounts-and-sessions.md).");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        var configured = properties.bootstrapPassword();
        boolean random = configured == null || configured.isBlank();
        var password = random ? Passwords.random() : configured;
        var created = new boolean[1];
        firstStart.once(() -> {
            if (accounts.count() > 0) {
                return;
            }
            if (!random) {
                checkConfigured(configured);
            }
            // A configured password was chosen by automation: it is not one-time.
            // named by its username until the person renames it (accounts page): a role's title in French as its
            // name read "Responsable de la protection… — Person in charge" on English pages (officer's review)
            administration.create(USERNAME, USERNAME, password, Set.of(Role.PRIVACY_OFFICER), random, Actor.SYSTEM);
            created[0] = true;
        });
        if (!created[0]) {
            return;
        }
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
