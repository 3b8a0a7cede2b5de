package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.requests.RequestIntake;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The attacker's probe: a 10 MB letter held per refused entry in each session, 68 sessions, and the node ran out of
 * memory. Letters are now held one per account, at most {@link HeldLetter#MAX_BYTES} on the node, for 30 minutes.
 */
class HeldLetterTest {

    static final Instant NOW = Instant.parse("2026-12-05T15:00:00Z");
    private final HeldLetter letters = new HeldLetter();

    private static RequestIntake.Upload scan(int megabytes) {
        return new RequestIntake.Upload("application/pdf", new byte[megabytes * 1024 * 1024], "scan.pdf");
    }

    @Test
    void oneAccountHoldsOneLetterWhateverItsSessions() {
        for (int i = 0; i < 68; i++) {
            letters.hold("ACCOUNT:a", scan(10), NOW.plusSeconds(i));
        }
        assertThat(letters.heldBytes()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void theNodeHoldsAtMostItsBoundTheOldestLettersGoingFirst() {
        var first = letters.hold("ACCOUNT:0", scan(10), NOW);
        for (int i = 1; i < 20; i++) {
            letters.hold("ACCOUNT:" + i, scan(10), NOW.plusSeconds(i));
        }
        assertThat(letters.heldBytes()).isLessThanOrEqualTo(HeldLetter.MAX_BYTES);
        assertThat(letters.find("ACCOUNT:0", first.token(), NOW.plusSeconds(30)))
                .as("the oldest went")
                .isNull();
        var last = letters.hold("ACCOUNT:last", scan(1), NOW.plusSeconds(40));
        assertThat(letters.find("ACCOUNT:last", last.token(), NOW.plusSeconds(41)))
                .isNotNull();
    }

    @Test
    void aLetterIsFoundOnlyByItsAccountWithItsTokenWithinItsTime() {
        var held = letters.hold("ACCOUNT:a", scan(1), NOW);
        assertThat(letters.find("ACCOUNT:a", held.token(), NOW.plusSeconds(60))).isNotNull();
        assertThat(letters.find("ACCOUNT:b", held.token(), NOW.plusSeconds(60))).isNull();
        assertThat(letters.find("ACCOUNT:a", "forged", NOW.plusSeconds(60))).isNull();
        assertThat(letters.find(
                        "ACCOUNT:a", held.token(), NOW.plus(HeldLetter.KEPT_FOR).plusSeconds(1)))
                .isNull();
        letters.hold("ACCOUNT:b", scan(1), NOW.plus(HeldLetter.KEPT_FOR).plusSeconds(1));
        assertThat(letters.heldBytes())
                .as("a letter past its time is dropped at the next hold")
                .isEqualTo(1024 * 1024);
    }
}
