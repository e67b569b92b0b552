package org.folkmoot.app.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.combine.Communities;
import org.folkmoot.combine.RosterBook;
import org.folkmoot.verdict.CommunityKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clerk's Issue a proposal, given what no proposal can carry: one line in the form, nothing written. */
class ProposalViewModelAttackTest {
    private static final CommunityKey BODY = CommunityKey.fromSeed(new byte[32]);

    @TempDir
    Path tmp;
    private ProposalViewModel m;
    private Path out;

    @BeforeEach
    void form() throws Exception {
        m = new ProposalViewModel(FolkmootApp.bundle(Locale.ENGLISH), BODY, tmp);
        m.rosterProperty().set(Communities.roster(tmp.resolve("roster.json"), "M7", List.of("c1", "c2")).toString());
        m.resolutionProperty().set("M7-R4");
        m.titleProperty().set("Sunday market");
        m.textProperty().set("The square holds a market every Sunday.");
        m.reportByProperty().set("2099-12-20");
        out = tmp.resolve("M7-R4.proposal");
    }

    @Test
    void aRosterWhoseBodysNameNoProposalCanCarryIsALineNotACrash() throws Exception {
        // before: signed, then not read back — an IllegalStateException on the clerk's screen
        Path odd = Files.write(tmp.resolve("odd.roster.json"), RosterBook.plain(RosterBook.create("municipality", "M7", "Mill\u0007brook")));
        m.rosterProperty().set(odd.toString());
        assertThat(m.save(out)).isNull();
        assertThat(m.messageProperty().get()).contains("control character").doesNotContain("\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDayToReportByNoResultCanWriteIsRefused() throws Exception {
        m.reportByProperty().set("+10000-01-01");
        assertThat(m.save(out)).isNull();
        assertThat(m.messageProperty().get()).contains("YYYY-MM-DD");
        assertThat(out).doesNotExist();
    }

    @Test
    void aTitleOfTwoLinesIsRefused() throws Exception {
        m.titleProperty().set("Sunday market\nand Saturday");
        assertThat(m.save(out)).isNull();
        assertThat(m.messageProperty().get()).contains("line break");
        assertThat(out).doesNotExist();
    }
}
