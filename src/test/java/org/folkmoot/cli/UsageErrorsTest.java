package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command called wrongly exits 64 (EX_USAGE) with one line saying what is wrong and where the help is; a
 * refused input still exits 2, so a script can tell the two apart.
 */
class UsageErrorsTest {

    @TempDir
    Path tmp;

    @Test
    void anUnknownOptionIsAUsageErrorInOneLine() {
        Cli run = Cli.run("verify", "--no-such-option", tmp.resolve("a.verdict").toString());
        assertUsageError(run);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'").contains("(see 'folkmoot verify --help')");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli run = Cli.run("tally-up");
        assertUsageError(run);
        assertThat(run.err()).contains("'tally-up'").contains("(see 'folkmoot --help')");
    }

    @Test
    void aMissingArgumentOrRequiredOptionIsAUsageError() {
        Cli noFile = Cli.run("replay", "--out", tmp.toString());
        assertUsageError(noFile);
        assertThat(noFile.err()).contains("Missing required parameter: 'MEETING.jsonl'");

        Cli noValue = Cli.run("verify", tmp.resolve("a.verdict").toString(), "--roster");
        assertUsageError(noValue);
        assertThat(noValue.err()).contains("--roster");
    }

    @Test
    void aRefusedInputStillExitsTwo() throws IOException {
        Path script = Files.writeString(tmp.resolve("m.jsonl"), "{\"format\":\"folkmoot-meeting/2\"}\n");
        Cli run = Cli.run("replay", script.toString(), "--out", tmp.resolve("out").toString());
        assertThat(run.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(run.err()).doesNotContain("--help");
    }

    static void assertUsageError(Cli run) {
        assertThat(run.status()).as(run.err()).isEqualTo(FolkmootCommand.USAGE);
        assertThat(run.err().lines()).as("one line on stderr").hasSize(1);
        assertThat(run.err()).startsWith("folkmoot: ").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("Usage:");
        assertThat(run.out()).isEmpty();
    }
}
