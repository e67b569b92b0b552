package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.folkmoot.record.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stands in the data folder in place of {@code rosters.json} (or its lock) never hangs a count, and a
 * history damaged in any part refuses the roster rather than forgetting the version it held.
 */
class RosterHistoryTest {
    private static final CommunityKey BODY = CommunityKey.fromSeed(new byte[32]);
    private static final String CANNOT_BE_USED = ") cannot be used: ";

    @TempDir
    Path tmp;

    private Roster signed(long version) throws Exception {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("format", Roster.FORMAT);
        r.putObject("body").put("level", "collective").put("id", "C").put("name", "The Collective");
        r.put("version", version);
        r.putArray("communities").addObject().put("id", "c1").put("name", "Community 1").put("members", 150)
                .put("publicKey", Ed25519Keys.base64(CommunityKey.fromSeed(seed()).publicKey()))
                .putNull("validFrom").putNull("validUntil").put("status", "active");
        Path file = tmp.resolve("v" + version + ".signed");
        Files.write(file, Dsse.sign(Dsse.ROSTER_TYPE, Json.compact(r).getBytes(StandardCharsets.UTF_8), BODY));
        return Roster.read(file, List.of(BODY.publicKey()));
    }

    private static byte[] seed() {
        byte[] s = new byte[32];
        s[0] = 7;
        return s;
    }

    private static void mkfifo(Path path) throws Exception {
        assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
    }

    /**
     * Runs {@code check} and fails if it takes over ten seconds — then first opens the FIFO both ways and closes
     * it, so that a reader blocked on it goes on and lets go of the history's lock (the next test needs it).
     */
    private static void promptly(Path fifo, org.junit.jupiter.api.function.Executable check) throws Exception {
        Throwable[] failed = {null};
        Thread t = new Thread(() -> {
            try {
                check.execute();
            } catch (Throwable e) {
                failed[0] = e;
            }
        });
        t.setDaemon(true);
        t.start();
        t.join(10_000);
        if (t.isAlive()) {
            new java.io.RandomAccessFile(fifo.toFile(), "rw").close(); // O_RDWR: never blocks, and unblocks the other end
            t.join(10_000);
            throw new AssertionError("blocked on the FIFO " + fifo);
        }
        if (failed[0] != null) throw new AssertionError(failed[0]);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoInPlaceOfTheHistoryIsRefusedAtOnce() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        mkfifo(home.resolve("rosters.json"));
        Roster v7 = signed(7);
        promptly(home.resolve("rosters.json"), () -> assertThatThrownBy(() -> new RosterHistory(home).take(v7))
                .hasMessageContaining(CANNOT_BE_USED).hasMessageContaining("not a regular file"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoInPlaceOfTheHistorysLockIsRefusedAtOnce() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        mkfifo(home.resolve("rosters.json.lock"));
        Roster v7 = signed(7);
        promptly(home.resolve("rosters.json.lock"), () -> assertThatThrownBy(() -> new RosterHistory(home).take(v7))
                .hasMessageContaining(CANNOT_BE_USED).hasMessageContaining("not a regular file"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoInPlaceOfTheEarlierListIsRefusedAtOnce() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        mkfifo(home.resolve("rosters-signed.json"));
        Roster v7 = signed(7);
        promptly(home.resolve("rosters-signed.json"), () -> assertThatThrownBy(() -> new RosterHistory(home).take(v7))
                .hasMessageContaining(CANNOT_BE_USED).hasMessageContaining("not a regular file"));
    }

    /** Each a history that once held version 9 of C's roster, damaged so that a lenient reader would see no version. */
    @Test
    void aDamagedEntryRefusesTheRosterInsteadOfLettingAnOlderOneIn() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Roster v7 = signed(7);
        for (String damaged : List.of(
                "{\"format\":\"folkmoot-roster-history/1\",\"bodies\":{\"collective\":{\"C\":{\"version\":\"nine\",\"sha256\":null,\"signed\":false}}}}",
                "{\"format\":\"folkmoot-roster-history/1\",\"bodies\":{\"collective\":{\"C\":{\"version\":9.5,\"sha256\":null,\"signed\":false}}}}",
                "{\"format\":\"folkmoot-roster-history/1\",\"bodies\":{\"collective\":{\"C\":{\"version\":-9,\"sha256\":null,\"signed\":false}}}}",
                "{\"format\":\"folkmoot-roster-history/1\",\"bodies\":{\"collective\":{\"C\":9}}}",
                "{\"format\":\"folkmoot-roster-history/1\",\"bodies\":{\"collective\":[9]}}",
                "{\"format\":\"folkmoot-roster-history/1\",\"bodies\":{\"collective\":{\"C\":{\"version\":9,\"sha256\":7,\"signed\":false}}}}")) {
            Files.writeString(home.resolve("rosters.json"), damaged);
            assertThatThrownBy(() -> new RosterHistory(home).take(v7)).as(damaged).hasMessageContaining(CANNOT_BE_USED);
            assertThat(Files.readString(home.resolve("rosters.json"))).as("left as it was").isEqualTo(damaged);
        }
        Files.delete(home.resolve("rosters.json"));
        Files.writeString(home.resolve("rosters-signed.json"), "{\"C\":\"nine\"}");
        assertThatThrownBy(() -> new RosterHistory(home).take(v7)).hasMessageContaining(CANNOT_BE_USED);
    }

    @Test
    void aWholeHistoryStillWorks() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        RosterHistory history = new RosterHistory(home);
        history.take(signed(9));
        assertThat(new RosterHistory(home).known("collective", "C").version()).isEqualTo(9);
        assertThatThrownBy(() -> new RosterHistory(home).take(signed(7))).hasMessageStartingWith("version 7 of collective C's roster is older");
    }
}
