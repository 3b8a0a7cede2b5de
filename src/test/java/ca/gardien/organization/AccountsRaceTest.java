package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.support.AtOnce;
import ca.gardien.support.TestPasswords;
import ca.gardien.support.WebTestSupport;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two sessions at once on accounts: the same name created twice, the same account saved twice. The one that comes
 * second is told why in words (a conflict the console shows on its page, a 409 on the API), never a database error.
 */
class AccountsRaceTest extends WebTestSupport {

    @Test
    void theSameUsernameCreatedFromFourSessionsAtOnceMakesOneAccountAndTellsTheOthersItIsTaken() throws Exception {
        var username = unique("race");
        int parallel = 4; // each hashes the password after the name was found free: all four pass that check
        var outcomes = AtOnce.outcomes(
                parallel,
                n -> accounts.create(username, "Race", TestPasswords.fresh("race"), Set.of(Role.STAFF), Actor.SYSTEM));
        int created = 0;
        for (var outcome : outcomes) {
            if (!outcome.failed()) {
                created++;
            } else {
                assertThat(outcome.thrown())
                        .isInstanceOf(ConflictException.class)
                        .hasMessageContaining("organization.conflict.username-taken");
            }
        }
        assertThat(created).isEqualTo(1);
    }

    @Test
    void anAccountSavedFromAStaleReadIsRefusedAsChangedMeanwhile() {
        var person = person(Role.STAFF);
        var stale = accounts.byId(person.id());
        accounts.rename(person.id(), "Renamed first", Actor.SYSTEM);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accountStore.save(stale.withDisplayName("Second")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("organization.conflict.account-changed");
        assertThat(accounts.byId(person.id()).displayName()).isEqualTo("Renamed first");
    }

    @org.springframework.beans.factory.annotation.Autowired
    Accounts accountStore;
}
