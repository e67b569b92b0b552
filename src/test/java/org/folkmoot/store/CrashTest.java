package org.folkmoot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.folkmoot.MeetingSimulator;
import org.folkmoot.Meetings;
import org.folkmoot.cli.FolkmootCommand;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM records a long meeting into a meeting file and is killed with SIGKILL at random moments.
 * After every kill a copy of the meeting file alone (no {@code -journal}, no {@code -wal}: what a user copies
 * to a stick) must be whole and hold every acknowledged entry (finding 8 of issue 11: with WAL it lost
 * them), and so must the file itself, with its chain intact; a resumed replay must end exactly as an
 * uninterrupted one.
 */
@Tag("crash")
class CrashTest {
    private static final int KILLS = 50;

    @TempDir
    Path tmp;

    @Test
    void killedMidMeetingLosesNothingAcknowledgedAndResumesToTheSameEnd() throws Exception {
        Random random = new Random(20261126);
        List<String> script = MeetingSimulator.script(Meetings.HEADER, 4000, random::nextInt);
        Path scriptFile = tmp.resolve("long.jsonl");
        Files.write(scriptFile, script, StandardCharsets.UTF_8);
        Replay.Result uninterrupted = Replay.run(Files.readAllBytes(scriptFile), null, null, Meetings.FIXED);
        assertThat(uninterrupted.refused()).isFalse();
        List<String> expected = uninterrupted.record();

        int kills = 0;
        int killedWhileWriting = 0;
        int files = 0;
        int storedBefore = 0;
        Path db = null;
        while (kills < KILLS) {
            if (db == null) db = tmp.resolve("meeting-" + files++ + ".meeting");
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dorg.jooq.no-logo=true", "-Xshare:auto",
                    CrashChild.class.getName(), scriptFile.toString(), db.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            AtomicLong acked = new AtomicLong();
            StringBuilder said = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("ack ")) acked.set(Long.parseLong(line.substring(4)));
                        else said.append(line).append('\n');
                    }
                } catch (Exception ignored) {
                    // the pipe closes when the child dies
                }
            });
            reader.start();
            // let it get going, then kill it somewhere in the middle of its writing
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!said.toString().contains("ready") && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // ... until it has made its first entry of this run durable, then a little longer
            while (acked.get() == 0 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(random.nextInt(200));
            boolean finished = !child.isAlive();
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush, no close
            child.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
            if (!finished) kills++;

            // before anything opens it (and rolls back what the kill interrupted): the file alone, copied
            Path copy = Files.createDirectories(tmp.resolve("stick-" + kills + "-" + files)).resolve("copy.meeting");
            if (Files.exists(db)) Files.copy(db, copy);
            if (Files.exists(copy)) checkWhole(copy, acked.get(), expected);
            else assertThat(acked.get()).isZero();

            int stored = checkWhole(db, acked.get(), expected);
            if (!finished && acked.get() > storedBefore) killedWhileWriting++;
            storedBefore = stored;
            if (stored == expected.size() - 1) { // this file is complete: the next run starts a new one
                db = null;
                storedBefore = 0;
            }
        }
        assertThat(killedWhileWriting).as("kills that struck while entries were being written").isGreaterThanOrEqualTo(KILLS / 2);

        // the last file resumes through the command line and ends as the uninterrupted run
        if (db == null) db = tmp.resolve("meeting-last.meeting");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FolkmootCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "replay", scriptFile.toString(), "--out", tmp.resolve("out").toString(), "--db", db.toString());
        assertThat(err.toString()).isEmpty();
        assertThat(status).isZero();
        assertThat(out.toString()).isEqualTo(Meetings.outcomes(uninterrupted) + "\n");
        assertThat(Files.readAllLines(tmp.resolve("out/record.jsonl"), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    /** The file passes integrity_check, its chain is whole, and it holds at least every acknowledged entry. */
    private static int checkWhole(Path db, long acked, List<String> expected) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
        try (MeetingFile file = MeetingFile.open(db)) {
            Replay.Stored stored = file.stored().orElse(null); // checks the chain
            if (stored == null) {
                assertThat(acked).isZero();
                return 0;
            }
            assertThat((long) stored.lines().size()).as("entries kept of %d acknowledged", acked).isGreaterThanOrEqualTo(acked);
            assertThat(stored.headerLine()).isEqualTo(expected.get(0));
            assertThat(stored.lines()).isEqualTo(expected.subList(1, stored.lines().size() + 1));
            return stored.lines().size();
        }
    }
}
