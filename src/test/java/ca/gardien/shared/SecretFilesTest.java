package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path keys;

    @Test
    void createsAKeyReadableByItsOwnerOnlyAndReadsTheSameKeyAfterwards() throws Exception {
        var created = SecretFiles.readOrCreate(keys, "test.key", 32);

        assertThat(created).hasSize(32);
        assertThat(SecretFiles.readOrCreate(keys, "test.key", 32)).isEqualTo(created);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("test.key"))))
                .isEqualTo("rw-------");
        try (var files = Files.list(keys)) {
            assertThat(files).containsExactly(keys.resolve("test.key"));
        }
    }

    @Test
    void nodesCreatingTheSameKeyAtOnceAllEndWithTheOneOnDisk() throws Exception {
        Callable<byte[]> create = () -> SecretFiles.readOrCreate(keys.resolve("shared"), "race.key", 32);
        try (var pool = Executors.newFixedThreadPool(8)) {
            var results =
                    pool.invokeAll(IntStream.range(0, 8).mapToObj(i -> create).toList());
            var onDisk = SecretFiles.readOrCreate(keys.resolve("shared"), "race.key", 32);
            for (var result : results) {
                assertThat(result.get()).isEqualTo(onDisk);
            }
        }
    }
}
