package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A context can be stopped and started again (the test context cache pauses the contexts it is not using): the ledger
 * writer must record evidence again afterwards.
 */
class LedgerWriterRestartTest extends WebTestSupport {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    LedgerWriter writer;

    @Test
    void recordsEvidenceAgainAfterTheContextIsStoppedAndStarted() {
        context.stop();
        assertThat(writer.isRunning()).isFalse();
        context.start();
        assertThat(writer.isRunning()).isTrue();

        var issued = issue(officerId(), Role.PRIVACY_OFFICER);

        assertThat(awaitLedgerEntry("token.issued", issued.token().id())).isNotNull();
    }
}
