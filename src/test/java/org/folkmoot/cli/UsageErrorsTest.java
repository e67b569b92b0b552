package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.folkmoot.combine.Communities;
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
    void aShareOrBasisThatIsNotOneIsAUsageErrorNamingTheOption() throws IOException {
        Path roster = Communities.roster(tmp.resolve("roster.json"), "M1", java.util.List.of("c1"));
        Path out = tmp.resolve("never.tally");
        String[] count = {"combine", "--roster", roster.toString(), "--resolution", "M-R1", "--text-sha256", Communities.SHA,
                tmp.toString(), "--out", out.toString()};
        String[][] wrong = {
                {"--final", "3/2", "Invalid value for option '--final': \"3/2\" is more than the whole"},
                {"--consensus", "90%", "Invalid value for option '--consensus': \"90%\" is not a fraction written as \"p/q\""},
                {"--reporting-quorum", "1/0", "Invalid value for option '--reporting-quorum': \"1/0\" divides by zero"},
                {"--basis", "rostered", "Invalid value for option '--basis': basis must be \"cast\" or \"present\", not \"rostered\""},
        };
        for (String[] w : wrong) {
            String[] args = java.util.Arrays.copyOf(count, count.length + 2);
            args[count.length] = w[0];
            args[count.length + 1] = w[1];
            Cli run = Cli.run(args);
            assertUsageError(run);
            assertThat(run.err()).as(w[0]).contains(w[2]).contains("(see 'folkmoot combine --help')");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void aShareWithSpacesAroundItIsReadAsBefore() {
        assertThat(new ShareConverter().convert(" 2/3 ")).isEqualTo(new org.folkmoot.procedure.Fraction(2, 3));
        assertThat(new BasisConverter().convert("present")).isEqualTo(org.folkmoot.procedure.Basis.PRESENT);
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
