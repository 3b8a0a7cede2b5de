package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current data map is read once per revision even inside writing transactions (a consent write reads it on every
 * call), and a transaction that applies a map and rolls back leaves no trace of its view behind.
 */
@SpringBootTest
class InventoryCurrentMapTest {

    @Autowired
    Inventory inventory;

    @Autowired
    PlatformTransactionManager transactions;

    TransactionTemplate writing;

    @BeforeEach
    void demoMap() {
        writing = new TransactionTemplate(transactions);
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
    }

    @Test
    void writingTransactionsShareOneReadingOfTheSameRevision() {
        var first = writing.execute(status -> inventory.current());
        var second = writing.execute(status -> inventory.current());

        assertThat(second).isSameAs(first);
    }

    @Test
    void aRolledBackApplyDoesNotLeaveItsMapAsTheCurrentOne() {
        var before = inventory.current();
        var changed = DemoDataMap.document()
                .replace("{fr: Clients, en: Customers}", "{fr: Clients renommés, en: Renamed customers}");
        assertThat(changed).isNotEqualTo(DemoDataMap.document());

        writing.executeWithoutResult(status -> {
            inventory.apply(changed, Actor.SYSTEM);
            assertThat(inventory.current()).isNotEqualTo(before); // the transaction sees its own map
            status.setRollbackOnly();
        });

        assertThat(inventory.current()).isEqualTo(before);
        DataMap inWriting = writing.execute(s -> inventory.current());
        assertThat(inWriting).isEqualTo(before);
    }
}
