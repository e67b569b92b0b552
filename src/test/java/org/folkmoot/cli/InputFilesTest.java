package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.folkmoot.app.check.FileCheck;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.combine.Communities;
import org.folkmoot.files.InputFile;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 7: whatever is named as input — a FIFO, a device, a file too large, counts near 2^63 —
 * each command answers at once with one line, never a hang, an out-of-memory or a stack trace; and the app
 * with no display says so in one line.
 */
class InputFilesTest {
    private static final String SHA = "0".repeat(64);

    @TempDir
    Path tmp;

    /** The command, which must answer within seconds; a reader stuck on the FIFO is let go afterwards. */
    private static Cli answers(Path fifo, String... args) {
        try {
            return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Cli.run(args), "hangs on a FIFO: " + String.join(" ", args));
        } finally {
            release(fifo);
        }
    }

    private static void release(Path fifo) {
        try {
            // a writer that gives up after a second: unblocks a reader the old code left waiting, harmless otherwise
            new ProcessBuilder("timeout", "1", "sh", "-c", "printf '' > \"$0\"", fifo.toString()).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException ignored) {
            // nothing waits on it
        }
    }

    private static void oneLine(Cli cli, String says) {
        assertThat(cli.status()).as(cli.err()).isNotZero();
        assertThat(cli.err().lines()).as(cli.err()).hasSize(1);
        assertThat(cli.err()).contains(says).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFifoNamedAsInputIsRefusedAtOnce() throws Exception {
        Path fifo = OverwriteTest.fifo(tmp.resolve("pipe"));
        Path roster = tmp.resolve("m.roster.json");
        assertThat(Cli.run("roster", "new", roster.toString(), "--level", "municipality", "--id", "M", "--name", "M").status()).isZero();
        Path record = tmp.resolve("r.jsonl");
        Files.copy(Path.of("assets", "meetings", "bakery.jsonl"), record);

        oneLine(answers(fifo, "replay", fifo.toString(), "--out", tmp.resolve("o").toString()), "not a regular file: " + fifo);
        oneLine(answers(fifo, "verify", fifo.toString()), fifo + ": refused — not a regular file");
        oneLine(answers(fifo, "audit", fifo.toString(), record.toString()), "not a regular file");
        oneLine(answers(fifo, "combine", "--roster", roster.toString(), "--resolution", "R", "--text-sha256", SHA, fifo.toString(),
                "--out", tmp.resolve("t.tally").toString()), "not a regular file: " + fifo);
        oneLine(answers(fifo, "combine", "--roster", fifo.toString(), "--resolution", "R", "--text-sha256", SHA, tmp.toString(),
                "--out", tmp.resolve("t.tally").toString()), "not a regular file");
        oneLine(answers(fifo, "roster", "enroll", roster.toString(), fifo.toString()), "not a regular file: " + fifo);
        oneLine(answers(fifo, "roster", "show", fifo.toString()), "not a regular file");
        assertThat(tmp.resolve("t.tally")).doesNotExist();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDeviceIsNotReadForEver() {
        Path zero = Path.of("/dev/zero");
        oneLine(answers(tmp.resolve("none"), "verify", zero.toString()), "/dev/zero: refused — not a regular file");
        oneLine(answers(tmp.resolve("none"), "replay", zero.toString(), "--out", tmp.resolve("o").toString()),
                "not a regular file: /dev/zero");
        oneLine(answers(tmp.resolve("none"), "audit", tmp.resolve("x.verdict").toString(), zero.toString()), "no such file");
        FileCheck.Shown shown = FileCheck.check(zero, FolkmootApp.bundle(java.util.Locale.ROOT));
        assertThat(shown.holds()).isFalse();
        assertThat(shown.lines()).containsExactly("not a regular file");
    }

    @Test
    void aFileTooLargeIsRefusedBeforeItIsRead() throws IOException {
        Path big = tmp.resolve("x.verdict");
        Files.write(big, new byte[3 << 20]);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> InputFile.read(big, InputFile.Kind.VERDICT)))
                .isInstanceOf(InputFile.Refused.class)
                .hasMessage("too large: " + big + " is 3 MiB, a verdict is at most 1 MiB");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> SignedFile.read(big, SignedFile.MAX_BYTES)))
                .hasMessage("too large: 3 MiB, a verdict is at most 1 MiB");
        Path entry = Files.write(tmp.resolve("c.key.json"), new byte[100 << 10]);
        Path roster = tmp.resolve("m.roster.json");
        assertThat(Cli.run("roster", "new", roster.toString(), "--level", "municipality", "--id", "M", "--name", "M").status()).isZero();
        oneLine(Cli.run("roster", "enroll", roster.toString(), entry.toString()),
                "too large: " + entry + " is 100 KiB, a key export is at most 64 KiB");
    }

    @Test
    void countsNearTwoToTheSixtyThreeAreRefusedAsTooLarge() throws Exception {
        long huge = Long.MAX_VALUE;
        Path script = Files.writeString(tmp.resolve("big.jsonl"), String.join("\n",
                "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"c\",\"name\":\"C\",\"members\":150}}",
                "{\"do\":\"attendance\",\"present\":100}",
                "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"t\",\"text\":\"x\",\"proposer\":\"p\"}",
                "{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":1,\"against\":" + huge + ",\"abstain\":0}") + "\n");
        Cli vote = Cli.run("replay", script.toString(), "--out", tmp.resolve("a").toString());
        assertThat(vote.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(vote.err()).contains("the count 9223372036854775807 in 'against' is too large").doesNotContain("could not be written");

        Path members = Files.writeString(tmp.resolve("members.jsonl"), String.join("\n",
                "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"c\",\"name\":\"C\",\"members\":" + huge + "}}",
                "{\"do\":\"attendance\",\"present\":" + huge + "}",
                "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"t\",\"text\":\"x\",\"proposer\":\"p\"}",
                "{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":1,\"against\":" + (huge - 1) + ",\"abstain\":0}") + "\n");
        Cli room = Cli.run("replay", members.toString(), "--out", tmp.resolve("b").toString());
        assertThat(room.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(room.err()).contains("the count 9223372036854775807 in 'members' is too large").doesNotContain("could not be written");

        // a verdict signed with such a count is refused as it is read, not counted
        ObjectNode p = Json.object(new String(SignedFile.parse(Communities.verdict("c1", Communities.Decided.PASSED)).payload(),
                StandardCharsets.UTF_8).strip());
        ((ObjectNode) p.get("community")).put("members", huge);
        Path verdict = Files.write(tmp.resolve("c1.verdict"), Communities.sign("c1", Json.compact(p)));
        Cli verify = Cli.run("verify", verdict.toString());
        assertThat(verify.status()).isEqualTo(1);
        assertThat(verify.err()).contains("the count 9223372036854775807").contains("is too large");
    }

    @Test
    void withNoDisplayTheAppSaysSoInOneLine() throws Exception {
        Path verdict = Files.write(tmp.resolve("c1.verdict"), Communities.verdict("c1", Communities.Decided.PASSED));
        for (String display : new String[] {null, ":97"}) {
            for (List<String> args : List.of(List.<String>of(), List.of(verdict.toString()))) {
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), "org.folkmoot.Folkmoot"));
                command.addAll(args);
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
                Map<String, String> env = pb.environment();
                env.remove("DISPLAY");
                env.remove("WAYLAND_DISPLAY");
                if (display != null) env.put("DISPLAY", display);
                env.put("FOLKMOOT_HOME", tmp.resolve("home").toString());
                Process p = pb.start();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the app exits").isTrue();
                String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.exitValue()).as(said).isNotZero();
                assertThat(said.strip()).as("DISPLAY=" + display + " " + args).isEqualTo(FolkmootApp.NO_DISPLAY);
            }
        }
    }
}
