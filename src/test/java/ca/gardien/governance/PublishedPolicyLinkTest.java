package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public pages' link to the governance policy is a flag each node keeps (code review: a COUNT(*) on every public
 * page): read once, flipped by this node's publication, read again at most every 30 seconds for another node's.
 */
class PublishedPolicyLinkTest {

    final AtomicBoolean inDatabase = new AtomicBoolean();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicLong nanos = new AtomicLong(1_000);
    final PublishedPolicyLink link = new PublishedPolicyLink(
            () -> {
                reads.incrementAndGet();
                return inDatabase.get();
            },
            nanos::get);

    void later(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void renderingPublicPagesAgainAsksTheDatabaseNothing() {
        assertThat(link.exists()).isFalse();
        later(Duration.ofSeconds(5));
        assertThat(link.exists()).isFalse();
        assertThat(link.exists()).isFalse();

        assertThat(reads).hasValue(1);
    }

    @Test
    void thisNodesPublicationLinksThePolicyAtOnceWithoutARead() {
        assertThat(link.exists()).isFalse();
        inDatabase.set(true);

        link.published(PolicySeed.PRIVACY_POLICY);

        assertThat(link.exists()).isTrue();
        assertThat(reads).hasValue(1);
    }

    @Test
    void anotherNodesPublicationShowsWithinThirtySeconds() {
        assertThat(link.exists()).isFalse();
        inDatabase.set(true); // published on another node

        later(Duration.ofSeconds(29));
        assertThat(link.exists()).isFalse();
        later(Duration.ofSeconds(1));
        assertThat(link.exists()).isTrue();

        assertThat(PublishedPolicyLink.REFRESH).isEqualTo(Duration.ofSeconds(30));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aPublicationLinksThePolicyOnlyOnceItCommits() {
        assertThat(link.exists()).isFalse();
        TransactionSynchronizationManager.initSynchronization();
        try {
            link.published(PolicySeed.PRIVACY_POLICY);
            assertThat(link.exists()).as("before the commit").isFalse();
            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(link.exists()).as("after the commit").isTrue();
    }

    @Test
    void aRolledBackPublicationLinksNothing() {
        assertThat(link.exists()).isFalse();
        TransactionSynchronizationManager.initSynchronization();
        try {
            link.published(PolicySeed.PRIVACY_POLICY);
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(link.exists()).isFalse();
    }

    @Test
    void anotherPolicysPublicationDoesNotLinkThePrivacyPolicy() {
        assertThat(link.exists()).isFalse();
        link.published("security-policy");
        assertThat(link.exists()).isFalse();
    }

    @Test
    void aPublicationCommittedDuringAReadIsNotUndoneByWhatTheReadSaw() {
        var holder = new PublishedPolicyLink[1];
        holder[0] = new PublishedPolicyLink(
                () -> {
                    holder[0].published(PolicySeed.PRIVACY_POLICY); // commits while the query runs
                    return false;
                },
                nanos::get);

        assertThat(holder[0].exists()).isTrue();
    }
}
