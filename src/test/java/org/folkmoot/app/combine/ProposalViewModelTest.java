package org.folkmoot.app.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.combine.Communities;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Roster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clerk issues the body's proposal from the form, without its window. */
class ProposalViewModelTest {
    private static final CommunityKey BODY = CommunityKey.fromSeed(new byte[32]);

    @TempDir
    Path tmp;
    private Path roster;
    private ProposalViewModel m;

    @BeforeEach
    void form() throws Exception {
        roster = Communities.roster(tmp.resolve("roster.json"), "M7", List.of("c1", "c2", "c3"));
        m = new ProposalViewModel(FolkmootApp.bundle(Locale.ENGLISH), BODY, tmp);
        m.rosterProperty().set(roster.toString());
        m.resolutionProperty().set("M7-R4");
        m.titleProperty().set("Sunday market");
        m.textProperty().set("The square holds a market every Sunday.");
        m.reportByProperty().set("2099-12-20");
    }

    @Test
    void theFormIsSignedWithTheBodyKeyAndSavedAsTheCommunitiesWillReadIt() throws Exception {
        rule("combine.issue.rules.quorum").set("3/4");
        Path out = tmp.resolve("M7-R4.proposal");
        assertThat(m.ready()).isTrue();
        assertThat(out).doesNotExist();
        Proposal issued = m.save(out);

        assertThat(issued).isNotNull();
        Proposal p = Proposal.parse(Files.readAllBytes(out));
        assertThat(p.signedBy(BODY.publicKey())).isTrue();
        assertThat(p.body()).isEqualTo(new Roster.Body("municipality", "M7", "Municipality M7"));
        assertThat(p.resolution()).isEqualTo("M7-R4");
        assertThat(p.title()).isEqualTo("Sunday market");
        assertThat(p.text()).isEqualTo("The square holds a market every Sunday.");
        assertThat(p.textSha256()).isEqualTo(Meeting.textSha256("The square holds a market every Sunday."));
        assertThat(p.proposer()).isEqualTo("Municipality M7");
        assertThat(p.reportBy()).isEqualTo(LocalDate.of(2099, 12, 20));
        assertThat(p.rules().reportingQuorum()).isEqualTo(new Fraction(3, 4));
        assertThat(p.rules().passSupermajority()).isEqualTo(new Fraction(2, 3));
        assertThat(p.issuedAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(m.messageProperty().get()).isEqualTo("Saved " + out + " — proposal M7-R4 of Municipality M7 (Municipality M7), "
                + "to report by 2099-12-20 — fingerprint " + p.fingerprint());
        assertThat(m.savedProperty().get()).isTrue();
        assertThat(m.suggestedName()).isEqualTo("M7-R4.proposal");
    }

    @Test
    void theTextFromAFileLosesItsFinalLineBreakAsProposalNewReadsIt() throws Exception {
        m.textFrom(Files.writeString(tmp.resolve("text.txt"), "First line.\nSecond line.\n"));
        assertThat(m.textProperty().get()).isEqualTo("First line.\nSecond line.");
        m.textFrom(Files.writeString(tmp.resolve("bare.txt"), "First line.\nSecond line."));
        assertThat(m.textProperty().get()).isEqualTo("First line.\nSecond line.");
        assertThat(m.messageProperty().get()).isEmpty();
    }

    @Test
    void theTextFileIsNeverWrittenOverNorTheRoster() throws Exception {
        Path textFile = Files.writeString(tmp.resolve("text.txt"), "A text.\n");
        m.textFrom(textFile);
        assertThat(m.save(textFile)).isNull();
        assertThat(m.messageProperty().get()).isEqualTo("Not saved: not overwritten, even with --force: " + textFile + " is the resolution's text");
        assertThat(Files.readString(textFile)).isEqualTo("A text.\n");
        byte[] before = Files.readAllBytes(roster);
        assertThat(m.save(roster)).isNull();
        assertThat(m.messageProperty().get()).endsWith(roster + " is the roster");
        assertThat(Files.readAllBytes(roster)).isEqualTo(before);
        assertThat(m.savedProperty().get()).isFalse();
    }

    @Test
    void eachProblemIsOneLineAndNothingIsWritten() throws Exception {
        Path out = tmp.resolve("out.proposal");
        String[][] cases = {
            {"roster", "", "Choose the body's roster"},
            {"title", " ", "Give the proposal a title"},
            {"resolution", "", "Give the resolution's id"},
            {"text", "  \n", "Type the resolution's text, or take it from a text file"},
            {"reportBy", "20 December", "Give the day to report by, written YYYY-MM-DD"},
            {"reportBy", "2099-02-30", "Give the day to report by, written YYYY-MM-DD"},
            {"quorum", "1/0", "The body's rules: Reporting quorum: \"1/0\" divides by zero"},
            {"final", "3/2", "The body's rules: Least final threshold: \"3/2\" is more than the whole (p must not exceed q)"},
            {"basis", "most", "The body's rules: Basis: basis must be \"cast\" or \"present\", not \"most\""},
        };
        for (String[] c : cases) {
            form();
            switch (c[0]) {
                case "roster" -> m.rosterProperty().set(c[1]);
                case "title" -> m.titleProperty().set(c[1]);
                case "resolution" -> m.resolutionProperty().set(c[1]);
                case "text" -> m.textProperty().set(c[1]);
                case "reportBy" -> m.reportByProperty().set(c[1]);
                case "quorum" -> rule("combine.issue.rules.quorum").set(c[1]);
                case "final" -> rule("combine.issue.rules.final").set(c[1]);
                default -> m.basisProperty().set(c[1]);
            }
            assertThat(m.ready()).as(c[0] + " " + c[1]).isFalse();
            assertThat(m.messageProperty().get()).as(c[0] + " " + c[1]).isEqualTo(c[2]);
            assertThat(m.save(out)).as(c[0] + " " + c[1]).isNull();
            assertThat(m.messageProperty().get()).as(c[0] + " " + c[1]).isEqualTo(c[2]);
            assertThat(out).doesNotExist();
        }
        Path notARoster = Files.writeString(tmp.resolve("notes.txt"), "not a roster");
        m.rosterProperty().set(notARoster.toString());
        assertThat(m.save(out)).isNull();
        assertThat(m.messageProperty().get()).startsWith("The roster cannot be used: ");
        assertThat(out).doesNotExist();
    }

    @Test
    void theBodysKeyIsExportedNamingTheBodyForItsCommunitiesToEnroll() throws Exception {
        assertThat(m.suggestedKeyName()).isEqualTo("M7.body-key.json");
        Path out = tmp.resolve("M7.body-key.json");
        assertThat(m.exportKey(out)).isTrue();
        Bodies.Body read = Bodies.readKeyFile(Files.readAllBytes(out), LocalDate.of(2026, 1, 1));
        assertThat(read.publicKey()).isEqualTo(BODY.publicKey());
        assertThat(read.body()).isEqualTo(new Roster.Body("municipality", "M7", "Municipality M7"));
        assertThat(m.messageProperty().get()).isEqualTo("Saved " + out + " — the body key " + BODY.keyId()
                + " of Municipality M7 (Municipality M7): read this key id out to each Community as it enrolls the key");

        assertThat(m.keyReady()).isTrue();
        m.rosterProperty().set("");
        assertThat(m.keyReady()).isFalse();
        assertThat(m.suggestedKeyName()).isEqualTo("body-key.json");
        Path none = tmp.resolve("none.json");
        assertThat(m.exportKey(none)).isFalse();
        assertThat(m.messageProperty().get()).isEqualTo("Choose the body's roster");
        assertThat(none).doesNotExist();
    }

    private javafx.beans.property.StringProperty rule(String key) {
        return m.shares().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().value();
    }
}
