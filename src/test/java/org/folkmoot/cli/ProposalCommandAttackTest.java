package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.folkmoot.combine.Communities;
import org.folkmoot.combine.RosterBook;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body's proposal and key, from the command line, made or brought wrong: a day to report by no result can write,
 * a roster naming its body so no proposal can carry it, a file over the limit, a key file whose name a terminal obeys.
 * Each is one line, and writes nothing.
 */
class ProposalCommandAttackTest {
    @TempDir
    Path tmp;
    private String before;
    private Path roster;

    @BeforeEach
    void aBodysRoster() throws Exception {
        before = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, tmp.resolve("home").toString());
        roster = Communities.roster(tmp.resolve("m7.roster.json"), "M7", List.of("c1", "c2", "c3"));
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
    }

    private Cli issue(String reportBy, Path roster, Path out) throws Exception {
        Path text = Files.writeString(tmp.resolve("text.txt"), Communities.TEXT + "\n");
        return Cli.run("proposal", "new", "--id", "M7-R4", "--title", "Seed library", "--text-file", text.toString(),
                "--report-by", reportBy, "--roster", roster.toString(), "--out", out.toString());
    }

    @Test
    void aDayToReportByNoResultCanWriteIsRefusedWhenTheProposalIsMade() throws Exception {
        Path far = tmp.resolve("far.proposal");
        Cli made = issue("+10000-01-01", roster, far);
        assertThat(made.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(made.err().strip()).startsWith("folkmoot: ").contains("YYYY-MM-DD").doesNotContain("\n");
        assertThat(far).doesNotExist();
    }

    @Test
    void aRosterWhoseBodyNoProposalCanNameIsOneLineNotAFailure() throws Exception {
        Path odd = tmp.resolve("odd.roster.json");
        Files.write(odd, RosterBook.plain(RosterBook.create("municipality", "M7", "Mill\u0007brook")));
        Path out = tmp.resolve("odd.proposal");
        Cli made = issue("2026-12-20", odd, out);
        assertThat(made.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(made.err()).startsWith("folkmoot: ").contains("control character").doesNotContain("unexpected failure")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void aProposalOverTheSizeLimitIsCalledAProposal() throws Exception {
        Path big = Files.write(tmp.resolve("big.proposal"), new byte[2 * 1024 * 1024]);
        Cli shown = Cli.run("proposal", "show", big.toString());
        assertThat(shown.status()).isNotZero();
        assertThat(shown.err()).contains("a proposal is at most 1 MiB").doesNotContain("verdict");
        Path out = tmp.resolve("m7.tally");
        Cli counted = Cli.run("combine", "--roster", roster.toString(), "--proposal", big.toString(),
                Files.createDirectories(tmp.resolve("stick")).toString(), "--out", out.toString());
        assertThat(counted.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(counted.err()).contains("a proposal is at most 1 MiB");
        assertThat(out).doesNotExist();
    }

    @Test
    void aKeyFileWhoseBodysNameWritesToTheTerminalIsRefusedAndNothingEnrolled() throws Exception {
        CommunityKey key = CommunityKey.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        String file = new String(org.folkmoot.proposal.Bodies.keyFile(new org.folkmoot.verdict.Roster.Body("municipality", "M7",
                "Mill\u001b]0;owned\u0007brook"), key), StandardCharsets.UTF_8);
        Path keyFile = Files.writeString(tmp.resolve("m7.body-key.json"), file);
        Cli added = Cli.run("bodies", "add", keyFile.toString());
        assertThat(added.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(added.out()).isEmpty();
        assertThat(added.err()).contains("control character").doesNotContain("\u001b");
        assertThat(tmp.resolve("home").resolve("bodies.json")).doesNotExist();
    }
}
