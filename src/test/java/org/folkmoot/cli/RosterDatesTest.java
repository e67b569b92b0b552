package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A day a clerk types wrong is a usage error in words, not in the text of a Java exception. */
class RosterDatesTest {
    @TempDir
    Path tmp;

    @Test
    void aRetirementDayThatCannotBeReadIsRefusedInOneLineOfWords() throws Exception {
        Path roster = tmp.resolve("m.roster.json");
        for (String day : new String[] {"tomorrow", "2026-02-30", "31/12/2026"}) {
            Cli cli = Cli.run("roster", "retire", roster.toString(), "c1", "--until", day);
            // read by the option's converter: a usage error (64), not a refused input
            assertThat(cli.status()).as(day).isEqualTo(FolkmootCommand.USAGE);
            assertThat(cli.err().lines()).as(day).hasSize(1);
            assertThat(cli.err()).as(day).contains("'" + day + "' is not a day written YYYY-MM-DD");
            assertThat(cli.err()).as(day).doesNotContain("java.").doesNotContain("Exception");
        }
        assertThat(Files.exists(roster)).isFalse();
    }
}
