package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-subject keys: sealed values open with their own key only, and never again once it is destroyed. */
class SubjectKeysTest {

    @TempDir
    Path folder;

    @Test
    void aValueOpensWithItsOwnKeyUntilTheKeyIsDestroyed() {
        var keys = new SubjectKeys(folder);
        var key = keys.create();
        var sealed = keys.key(key).seal("personne@example.test — détails");
        assertThat(sealed).startsWith(SubjectKeys.PREFIX).doesNotContain("personne");
        assertThat(keys.key(key).seal("personne@example.test — détails")).isNotEqualTo(sealed); // a fresh IV each time
        assertThat(keys.key(key).open(sealed)).isEqualTo("personne@example.test — détails");

        keys.shred(key);
        assertThat(keys.exists(key)).isFalse();
        assertThat(keys.key(key).open(sealed)).isNull();
        // a new folder object (another node, a restart) reads the same: the key is gone from the disk
        assertThat(new SubjectKeys(folder).key(key).open(sealed)).isNull();
    }

    @Test
    void aValueMovedUnderAnotherSubjectsKeyOrAlteredDoesNotOpen() {
        var keys = new SubjectKeys(folder);
        var mine = keys.create();
        var theirs = keys.create();
        var sealed = keys.key(mine).seal("secret");
        assertThatThrownBy(() -> keys.key(theirs).open(sealed)).isInstanceOf(IllegalStateException.class);
        var altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> keys.key(mine).open(altered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesStoredBeforeSealingAndNullsPassThrough() {
        var keys = new SubjectKeys(folder);
        var key = keys.create();
        assertThat(keys.key(null).open("stored in clear")).isEqualTo("stored in clear");
        assertThat(keys.key(key).open(null)).isNull();
        assertThat(keys.key(key).seal(null)).isNull();
    }

    @Test
    void aDocumentIsSealedAsBytesUnderItsRecordsKeyAndUnreadableOnceTheKeyIsDestroyed() {
        var keys = new SubjectKeys(folder);
        var id = keys.create();
        var scan = "%PDF-1.4 lettre signée".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var sealed = keys.key(id).sealBytes(scan);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith(SubjectKeys.PREFIX)
                .doesNotContain("lettre");
        assertThat(keys.key(id).openBytes(sealed)).isEqualTo(scan);
        // moved under another key, or altered, it does not open
        var other = keys.create();
        assertThatThrownBy(() -> keys.key(other).openBytes(sealed)).isInstanceOf(IllegalStateException.class);
        var altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> keys.key(id).openBytes(altered)).isInstanceOf(IllegalStateException.class);
        // a document stored before sealing is read as it was; a record without a key stores in clear
        assertThat(keys.key(id).openBytes(scan)).isEqualTo(scan);
        assertThat(keys.key(null).sealBytes(scan)).isEqualTo(scan);

        keys.shred(id);
        assertThat(keys.key(id).openBytes(sealed)).isNull();
        assertThatThrownBy(() -> keys.key(id).sealBytes(scan))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("subject-key-gone");
    }

    @Test
    void aKeyCreatedInATransactionThatRollsBackIsDeletedAndOneThatCommitsStays() {
        var keys = new SubjectKeys(folder);
        org.springframework.transaction.support.TransactionSynchronizationManager.initSynchronization();
        UUID rolledBack;
        UUID committed;
        try {
            rolledBack = keys.create();
            assertThat(keys.exists(rolledBack)).isTrue();
            org.springframework.transaction.support.TransactionSynchronizationUtils.invokeAfterCompletion(
                    org.springframework.transaction.support.TransactionSynchronizationManager.getSynchronizations(),
                    org.springframework.transaction.support.TransactionSynchronization.STATUS_ROLLED_BACK);
        } finally {
            org.springframework.transaction.support.TransactionSynchronizationManager.clearSynchronization();
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.initSynchronization();
        try {
            committed = keys.create();
            org.springframework.transaction.support.TransactionSynchronizationUtils.invokeAfterCompletion(
                    org.springframework.transaction.support.TransactionSynchronizationManager.getSynchronizations(),
                    org.springframework.transaction.support.TransactionSynchronization.STATUS_COMMITTED);
        } finally {
            org.springframework.transaction.support.TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(keys.exists(rolledBack)).isFalse();
        assertThat(keys.exists(committed)).isTrue();
        // outside any transaction, a key simply stays
        assertThat(keys.exists(keys.create())).isTrue();
    }
}
