package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.folkmoot.verdict.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder's {@code checked-keys} is a cache: whatever stands there in its place (a FIFO, a link to
 * /dev/zero, a file of gigabytes) may cost a count time, never hang it or run it out of memory.
 */
class CheckedKeysTest {
    private static final byte[] KEY = Ed25519Keys.publicKey(new byte[32]);

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoInItsPlaceNeitherBlocksTheReadNorTheWrite() throws Exception {
        Path fifo = dir.resolve("checked-keys");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (CheckedKeys keys = CheckedKeys.in(fifo)) {
                assertThat(keys.valid(KEY)).isTrue();
            }
        });
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aLinkToDevZeroIsNotReadForever() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("checked-keys"), Path.of("/dev/zero"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (CheckedKeys keys = CheckedKeys.in(link)) {
                assertThat(keys.valid(KEY)).isTrue();
            }
        });
    }

    @Test
    void aFileOfGigabytesIsNotReadIntoMemory() throws Exception {
        Path huge = dir.resolve("checked-keys");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: no disk used
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (CheckedKeys keys = CheckedKeys.in(huge)) {
                assertThat(keys.valid(KEY)).isTrue();
                assertThat(keys.valid(new byte[32])).isFalse(); // the identity is never valid
            }
        });
    }

    @Test
    void keysFoundValidAreRememberedAndAShortRecordIsPassedOver() throws Exception {
        Path file = dir.resolve("checked-keys");
        Files.write(file, new byte[7]); // a record cut short
        try (CheckedKeys keys = CheckedKeys.in(file)) {
            assertThat(keys.valid(KEY)).isTrue();
        }
        assertThat(Files.size(file)).isEqualTo(16);
        try (CheckedKeys keys = CheckedKeys.in(file)) {
            assertThat(keys.valid(KEY)).isTrue();
        }
        assertThat(Files.size(file)).isEqualTo(16);
    }
}
