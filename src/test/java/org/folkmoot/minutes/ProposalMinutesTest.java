package org.folkmoot.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.folkmoot.BodyProposals;
import org.folkmoot.Meetings;
import org.folkmoot.cli.FolkmootCommand;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.proposal.ProposalShelf;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.Program;
import org.folkmoot.verdict.VerdictPayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resolution presented from a body's proposal: the minutes name the body and its resolution, the proposal's
 * fingerprint, and — where this laptop kept the proposal — the body's name and the day it wants the verdict by.
 */
class ProposalMinutesTest {
    @TempDir
    Path tmp;

    private Proposal proposal;
    private String[] meeting;

    @BeforeEach
    void aMeetingThatPresentsMillbrooksProposal() throws Exception {
        proposal = BodyProposals.millbrook(BodyProposals.key("millbrook"));
        var present = Json.MAPPER.createObjectNode().put("do", "present").put("resolution", "R1").put("title", proposal.title())
                .put("text", proposal.text()).put("proposer", proposal.proposer());
        present.putObject("upstream").put("level", "municipality").put("body", "M7").put("resolution", "M7-R4")
                .put("textSha256", proposal.textSha256()).put("proposalSha256", proposal.payloadSha256());
        meeting = new String[] {Meetings.attendance(100), Json.compact(present), Meetings.vote("check-1", 95, 5, 0), "{\"do\":\"adjourn\"}"};
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) all.append(extractor.getTextFromPage(page)).append('\n');
            return all.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }

    private String minutes(Function<String, Optional<Proposal>> proposals) throws Exception {
        Replay.Result r = Meetings.replay(meeting);
        assertThat(r.refused()).as(String.valueOf(r.refusal())).isFalse();
        List<VerdictPayload.Issued> issued = VerdictPayload.issue(r.meeting(), r.record(), new byte[32], Program.nameAndVersion());
        return text(Minutes.ofBook(r.meeting(), r.record(), issued, "test-key", proposals));
    }

    @Test
    void aKeptProposalGivesTheBodysNameAndTheDayToReportBy() throws Exception {
        String minutes = minutes(sha -> sha.equals(proposal.payloadSha256()) ? Optional.of(proposal) : Optional.empty());
        assertThat(minutes).contains("From Millbrook (municipality M7), its resolution M7-R4 (text SHA-256 "
                + proposal.textSha256().substring(0, 16));
        assertThat(minutes).contains("by its signed proposal of fingerprint " + proposal.fingerprint()
                + "; verdict wanted by 20 December 2026.");
    }

    @Test
    void withoutTheFileTheRecordStillNamesTheBodyAndTheFingerprint() throws Exception {
        String minutes = minutes(Minutes.NO_PROPOSALS);
        assertThat(minutes).contains("From the municipality M7, its resolution M7-R4 (text SHA-256 " + proposal.textSha256().substring(0, 16));
        assertThat(minutes).contains("naming the proposal of fingerprint " + proposal.fingerprint()
                + " (not kept on this laptop, so not checked here).");
        assertThat(minutes).doesNotContain("verdict wanted").doesNotContain("Millbrook (municipality");
    }

    @Test
    void replayFindsTheProposalThisLaptopKept() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        new ProposalShelf(home).keep(proposal);
        StringBuilder script = new StringBuilder(Meetings.HEADER).append('\n');
        for (String line : meeting) script.append(line).append('\n');
        Path file = Files.writeString(tmp.resolve("m.jsonl"), script, StandardCharsets.UTF_8);
        String before = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, home.toString());
        try {
            StringWriter err = new StringWriter();
            int status = FolkmootCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                    "replay", file.toString(), "--out", tmp.resolve("out").toString());
            assertThat(status).as(err.toString()).isZero();
        } finally {
            if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
        }
        assertThat(text(Files.readAllBytes(tmp.resolve("out").resolve("minutes.pdf"))))
                .contains("From Millbrook (municipality M7), its resolution M7-R4")
                .contains("verdict wanted by 20 December 2026.");
    }
}
