package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.WebTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A page that names accounts in several places reads them once per read-only transaction, never stale after it. */
class AccountViewsReadOnceTest extends WebTestSupport {

    @Autowired
    AccountViews views;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theAccountsAreReadOncePerReadOnlyTransactionAndAfreshInTheNext() {
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        var twice = readOnly.execute(status -> List.of(views.all(), views.all()));
        assertThat(twice.get(1)).as("the same read, not a second query").isSameAs(twice.get(0));

        var added = person(Role.STAFF);
        var next = readOnly.execute(status -> views.all());
        assertThat(next).isNotSameAs(twice.get(0)).anyMatch(a -> a.id().equals(added.id()));
    }

    @Test
    void aWritingTransactionReadsTheAccountsEachTime() {
        var writing = new TransactionTemplate(transactions);
        var twice = writing.execute(status -> List.of(views.all(), views.all()));
        assertThat(twice.get(1)).isNotSameAs(twice.get(0)).isEqualTo(twice.get(0));
        assertThat(views.all()).as("outside a transaction of the caller's").isNotSameAs(views.all());
    }
}
