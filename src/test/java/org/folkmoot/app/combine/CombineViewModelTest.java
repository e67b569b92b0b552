package org.folkmoot.app.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.combine.BodyRules;
import org.folkmoot.combine.Communities;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Roster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Count verdicts form without its window: the text's hash as the Communities' verdicts carry it, the proposal opened. */
class CombineViewModelTest {
    @TempDir
    Path tmp;

    private static final CommunityKey BODY = CommunityKey.fromSeed(new byte[32]);

    private CombineViewModel model() {
        return new CombineViewModel(FolkmootApp.bundle(Locale.ENGLISH), BODY, tmp, Runnable::run);
    }

    /** Body {@code bodyId}'s proposal "Sunday market", signed by {@code key}, written to {@code file}. */
    private Path proposal(Path file, String bodyId, CommunityKey key) throws Exception {
        Roster r = Roster.read(Communities.roster(tmp.resolve(bodyId + "-roster.json"), bodyId, List.of("c1", "c2")));
        Proposal p = Proposal.issue(new Proposal.Draft(r.body(), bodyId + "-R4", "Sunday market", "A market every Sunday.", null,
                BodyRules.defaults(), r, LocalDate.of(2026, 12, 20)), "2026-11-01T10:00:00Z", key);
        return Files.write(file, p.file());
    }

    @Test
    void aProposalSignedByThisLaptopsBodyKeyFillsTheResolutionAndHashAndIsNamed() throws Exception {
        Path file = proposal(tmp.resolve("M7-R4.proposal"), "M7", BODY);
        Proposal p = Proposal.parse(Files.readAllBytes(file));
        CombineViewModel m = model();
        assertThat(m.openProposal(file)).isTrue();
        assertThat(m.proposalOpenProperty().get()).isTrue();
        assertThat(m.proposalProperty().get()).isEqualTo(p);
        assertThat(m.resolutionProperty().get()).isEqualTo("M7-R4");
        assertThat(m.textSha256Property().get()).isEqualTo(Meeting.textSha256("A market every Sunday."));
        assertThat(m.proposalLineProperty().get()).isEqualTo("Proposal M7-R4 \"Sunday market\" of Municipality M7 (Municipality M7)"
                + " — report by 2026-12-20 — fingerprint " + p.fingerprint());
        assertThat(m.messageProperty().get()).isEmpty();

        // the hash is the proposal's: a text file does not change it while the proposal is open
        m.hashTextOf(Files.writeString(tmp.resolve("other.txt"), "Another text."));
        assertThat(m.textSha256Property().get()).isEqualTo(p.textSha256());

        m.clearProposal();
        assertThat(m.proposalOpenProperty().get()).isFalse();
        assertThat(m.proposalProperty().get()).isNull();
        assertThat(m.resolutionProperty().get()).isEmpty();
        assertThat(m.textSha256Property().get()).isEmpty();
        assertThat(m.proposalLineProperty().get()).isEmpty();
    }

    @Test
    void aProposalChangedAfterSigningIsRefusedAndTheFormKept() throws Exception {
        Proposal p = Proposal.parse(Files.readAllBytes(proposal(tmp.resolve("good.proposal"), "M7", BODY)));
        byte[] changed = new String(p.payload(), StandardCharsets.UTF_8).replace("A market every Sunday.", "A market every day.")
                .replace(p.textSha256(), Meeting.textSha256("A market every day.")).getBytes(StandardCharsets.UTF_8);
        Path tampered = Files.write(tmp.resolve("tampered.proposal"), Dsse.envelope(Dsse.PROPOSAL_TYPE, changed, p.signatures()));
        CombineViewModel m = model();
        m.resolutionProperty().set("typed");
        m.textSha256Property().set("also typed");
        assertThat(m.openProposal(tampered)).isFalse();
        assertThat(m.messageProperty().get()).isEqualTo("tampered.proposal is not taken: its signature does not hold for this laptop's body key ("
                + BODY.keyId() + ") or for a body enrolled on the start screen — the file was changed after it was signed, or another body's key signed it");
        assertThat(m.proposalOpenProperty().get()).isFalse();
        assertThat(m.resolutionProperty().get()).isEqualTo("typed");
        assertThat(m.textSha256Property().get()).isEqualTo("also typed");
        // a byte of the payload changed is told as a changed file, not as what the changed bytes now spell
        byte[] format = p.file().clone();
        int at = new String(format, StandardCharsets.US_ASCII).indexOf("\"payload\":\"") + 12;
        format[at] = (byte) (format[at] == 'e' ? 'f' : 'e');
        assertThat(m.openProposal(Files.write(tmp.resolve("misspelt.proposal"), format))).isFalse();
        assertThat(m.messageProperty().get()).contains("the file was changed after it was signed");
    }

    @Test
    void aProposalOfAnotherBodysKeyOrNotAProposalIsRefused() throws Exception {
        CombineViewModel m = model();
        Path other = proposal(tmp.resolve("other.proposal"), "M7", Communities.key("another body"));
        assertThat(m.openProposal(other)).isFalse();
        assertThat(m.messageProperty().get()).startsWith("other.proposal is not taken: its signature does not hold for this laptop's body key");

        Path verdict = Files.write(tmp.resolve("c1.verdict"), Communities.verdict("c1", Communities.Decided.PASSED));
        assertThat(m.openProposal(verdict)).isFalse();
        assertThat(m.messageProperty().get()).startsWith("c1.verdict is not taken: not a proposal: its payload type is ");
        assertThat(m.openProposal(tmp.resolve("absent.proposal"))).isFalse();
        assertThat(m.messageProperty().get()).startsWith("absent.proposal is not taken: ");
        assertThat(m.proposalOpenProperty().get()).isFalse();
    }

    @Test
    void aProposalIsCountedOnlyWithItsOwnBodysRoster() throws Exception {
        CombineViewModel m = model();
        assertThat(m.openProposal(proposal(tmp.resolve("M7-R4.proposal"), "M7", BODY))).isTrue();
        Path otherRoster = Communities.roster(tmp.resolve("M8-roster.json"), "M8", List.of("c1", "c2"));
        m.rosterProperty().set(otherRoster.toString());
        m.inputsProperty().set(tmp.toString());
        assertThat(m.count()).isNull();
        assertThat(m.messageProperty().get()).isEqualTo("The roster is of Municipality M8 (Municipality M8), but the proposal is from "
                + "Municipality M7 (Municipality M7): choose the proposal's body's roster");
    }

    @Test
    void aTextFileHashesTheSameWithOrWithoutItsFinalLineBreak() throws Exception {
        String text = "Every Community keeps a seed library, open on market days.";
        Path bare = Files.writeString(tmp.resolve("bare.txt"), text);
        Path editor = Files.writeString(tmp.resolve("editor.txt"), text + "\n");
        Path windows = Files.writeString(tmp.resolve("windows.txt"), text + "\r\n");
        CombineViewModel m = model();
        for (Path f : new Path[] {bare, editor, windows}) {
            m.textSha256Property().set("");
            m.hashTextOf(f);
            assertThat(m.textSha256Property().get()).as(f.getFileName().toString()).isEqualTo(Meeting.textSha256(text));
            assertThat(m.messageProperty().get()).isEmpty();
        }
    }

    @Test
    void onlyOneFinalLineBreakIsDropped() throws Exception {
        Path twice = Files.writeString(tmp.resolve("twice.txt"), "A line.\n\n");
        CombineViewModel m = model();
        m.hashTextOf(twice);
        assertThat(m.textSha256Property().get()).isEqualTo(Meeting.textSha256("A line.\n"));
    }

    @Test
    void aFileThatIsNotUtf8TextIsRefusedAndTheHashKept() throws Exception {
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        CombineViewModel m = model();
        m.textSha256Property().set("kept");
        m.hashTextOf(latin1);
        assertThat(m.textSha256Property().get()).isEqualTo("kept");
        assertThat(m.messageProperty().get()).isEqualTo("latin1.txt cannot be read as text");
    }

    @Test
    void aHigherBodysProposalIsOpenedWhenItsKeyIsEnrolledHereAndGatheredWithThisBodysRoster() throws Exception {
        CommunityKey region = Communities.key("the Region");
        Roster.Body uplands = new Roster.Body("region", "R2", "Uplands");
        Roster r2 = Roster.parse(org.folkmoot.combine.RosterBook.plain(org.folkmoot.combine.RosterBook.create("region", "R2", "Uplands")));
        Proposal p = Proposal.issue(new Proposal.Draft(uplands, "R2-1", "Wells", "Shared wells.", null, BodyRules.defaults(), r2,
                LocalDate.of(2027, 1, 15)), "2026-12-01T10:00:00Z", region);
        Path file = Files.write(tmp.resolve("R2-1.proposal"), p.file());
        String before = System.getProperty(org.folkmoot.files.DataFolder.PROPERTY);
        System.setProperty(org.folkmoot.files.DataFolder.PROPERTY, tmp.resolve("home").toString());
        try {
            CombineViewModel m = model();
            assertThat(m.openProposal(file)).as("not this laptop's body key, and no body enrolled").isFalse();
            org.folkmoot.proposal.Bodies.load(tmp.resolve("home")).add(org.folkmoot.proposal.Bodies.readKeyFile(
                    org.folkmoot.proposal.Bodies.keyFile(uplands, region), LocalDate.now()));
            assertThat(m.openProposal(file)).as(m.messageProperty().get()).isTrue();
            assertThat(m.resolutionProperty().get()).isEqualTo("R2-1");
            // another body of the Region's level cannot count the Region's proposal (a lower one may gather for it)
            Path r3 = tmp.resolve("r3.roster.json");
            Files.write(r3, org.folkmoot.combine.RosterBook.plain(org.folkmoot.combine.RosterBook.create("region", "R3", "Lowlands")));
            m.rosterProperty().set(r3.toString());
            m.inputsProperty().set(Files.createDirectories(tmp.resolve("empty")).toString());
            assertThat(m.count()).isNull();
            assertThat(m.messageProperty().get()).contains("Lowlands (Region R3)").contains("Uplands (Region R2)");
        } finally {
            if (before == null) System.clearProperty(org.folkmoot.files.DataFolder.PROPERTY);
            else System.setProperty(org.folkmoot.files.DataFolder.PROPERTY, before);
        }
    }

    @Test
    void aRosterSignedByAnotherKeyThanTheProposalsInItsBodysNameIsRefusedAsOnTheCommandLineAndNotRemembered() throws Exception {
        CommunityKey region = Communities.key("the Region");
        Roster.Body uplands = new Roster.Body("region", "R2", "Uplands");
        Roster r2 = Roster.parse(org.folkmoot.combine.RosterBook.plain(org.folkmoot.combine.RosterBook.create("region", "R2", "Uplands")));
        Proposal p = Proposal.issue(new Proposal.Draft(uplands, "R2-1", "Wells", "Shared wells.", null, BodyRules.defaults(), r2,
                LocalDate.of(2027, 1, 15)), "2026-12-01T10:00:00Z", region);
        Path file = Files.write(tmp.resolve("R2-1.proposal"), p.file());
        String before = System.getProperty(org.folkmoot.files.DataFolder.PROPERTY);
        System.setProperty(org.folkmoot.files.DataFolder.PROPERTY, tmp.resolve("home").toString());
        try {
            org.folkmoot.proposal.Bodies.load(tmp.resolve("home")).add(org.folkmoot.proposal.Bodies.readKeyFile(
                    org.folkmoot.proposal.Bodies.keyFile(uplands, region), LocalDate.now()));
            CombineViewModel m = model();
            assertThat(m.openProposal(file)).as(m.messageProperty().get()).isTrue();
            // this laptop's key signs a roster in the Region's name: `combine --body-key` refuses it, a body signs both with one key
            var claim = org.folkmoot.combine.RosterBook.create("region", "R2", "Uplands");
            org.folkmoot.combine.RosterBook.enrollAll(claim, List.of(Communities.exported("c1")), LocalDate.of(2026, 1, 1));
            Path signed = Files.write(tmp.resolve("r2.roster.signed"), org.folkmoot.combine.RosterBook.sign(claim, BODY));
            m.rosterProperty().set(signed.toString());
            m.inputsProperty().set(Files.createDirectories(tmp.resolve("empty")).toString());
            assertThat(m.count()).isNull();
            assertThat(m.messageProperty().get()).contains(BODY.keyId()).contains(region.keyId()).contains("one key");
            assertThat(new org.folkmoot.verdict.RosterHistory(tmp.resolve("home")).known("region", "R2")).isNull();
        } finally {
            if (before == null) System.clearProperty(org.folkmoot.files.DataFolder.PROPERTY);
            else System.setProperty(org.folkmoot.files.DataFolder.PROPERTY, before);
        }
    }

    @Test
    void aRosterSignedByTheProposalsKeyInALowerBodysNameIsRefused() throws Exception {
        Roster r2 = Roster.parse(org.folkmoot.combine.RosterBook.plain(org.folkmoot.combine.RosterBook.create("region", "R2", "Uplands")));
        Proposal p = Proposal.issue(new Proposal.Draft(r2.body(), "R2-1", "Wells", "Shared wells.", null, BodyRules.defaults(), r2,
                LocalDate.of(2027, 1, 15)), "2026-12-01T10:00:00Z", BODY);
        Path file = Files.write(tmp.resolve("R2-1.proposal"), p.file());
        String before = System.getProperty(org.folkmoot.files.DataFolder.PROPERTY);
        System.setProperty(org.folkmoot.files.DataFolder.PROPERTY, tmp.resolve("home").toString());
        try {
            CombineViewModel m = model();
            assertThat(m.openProposal(file)).as(m.messageProperty().get()).isTrue();
            // the Region's own key signs a roster in Millbrook's name: no body's roster (combine refuses it so too)
            var claim = org.folkmoot.combine.RosterBook.create("municipality", "M7", "Millbrook");
            org.folkmoot.combine.RosterBook.enrollAll(claim, List.of(Communities.exported("c1")), LocalDate.of(2026, 1, 1));
            Path signed = Files.write(tmp.resolve("m7.roster.signed"), org.folkmoot.combine.RosterBook.sign(claim, BODY));
            m.rosterProperty().set(signed.toString());
            m.inputsProperty().set(Files.createDirectories(tmp.resolve("empty")).toString());
            assertThat(m.count()).isNull();
            assertThat(m.messageProperty().get()).contains(BODY.keyId()).contains("one key");
            assertThat(new org.folkmoot.verdict.RosterHistory(tmp.resolve("home")).known("municipality", "M7")).isNull();
        } finally {
            if (before == null) System.clearProperty(org.folkmoot.files.DataFolder.PROPERTY);
            else System.setProperty(org.folkmoot.files.DataFolder.PROPERTY, before);
        }
    }
}
