package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.folkmoot.combine.Communities;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The body's clerk counts against its proposal what an attacker or a careless Community brings: verdicts of days no
 * result can write, a result edited and signed again.
 */
class CombineProposalAttackTest {
    @TempDir
    Path tmp;
    private String before;
    private Path roster;
    private Path proposalFile;
    private Proposal proposal;

    @BeforeEach
    void aBodyIssuesAProposal() throws Exception {
        before = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, tmp.resolve("home").toString());
        roster = Communities.roster(tmp.resolve("m7.roster.json"), "M7", List.of("c1", "c2", "c3"));
        proposalFile = tmp.resolve("M7-R4.proposal");
        Cli made = issue("2026-12-20", roster, proposalFile);
        assertThat(made.status()).as(made.err()).isZero();
        proposal = Proposal.parse(Files.readAllBytes(proposalFile));
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

    private ObjectNode upstream() {
        return Json.MAPPER.createObjectNode().put("level", "municipality").put("body", "M7").put("resolution", "M7-R4")
                .put("textSha256", proposal.textSha256()).put("proposalSha256", proposal.payloadSha256());
    }

    /** Community {@code id}'s verdict on the proposal, its meeting giving no day and its issue the day {@code issuedAt}. */
    private byte[] issuedOn(String id, String issuedAt) throws Exception {
        byte[] v = Communities.verdictAt(id, Communities.Decided.PASSED, "2026-12-01", Communities.TEXT, upstream());
        ObjectNode p = Json.object(new String(SignedFile.parse(v).payload(), StandardCharsets.UTF_8).strip());
        ((ObjectNode) p.get("meeting")).putNull("date");
        p.put("issuedAt", issuedAt);
        return Communities.sign(id, Json.compact(p));
    }

    private static ObjectNode payload(Path result) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(SignedFile.parse(Files.readAllBytes(result)).payload());
    }

    @Test
    void aVerdictIssuedOnADayNoResultCanWriteIsReportedWithNoDayAndLate() throws Exception {
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        // year 9,999,999 overflowed the count's day: reported on time, on a day of the year -1,759,222
        Files.write(stick.resolve("c1.verdict"), issuedOn("c1", "+9999999-06-01T00:00:00Z"));
        Files.write(stick.resolve("c2.verdict"), issuedOn("c2", "+10000-06-01T00:00:00Z"));
        Files.write(stick.resolve("c3.verdict"), Communities.verdictAt("c3", Communities.Decided.PASSED, "2026-12-01", Communities.TEXT,
                upstream()));
        Path out = tmp.resolve("m7.tally");
        Cli counted = Cli.run("combine", "--roster", roster.toString(), "--proposal", proposalFile.toString(), stick.toString(),
                "--out", out.toString());
        assertThat(counted.status()).as(counted.err()).isZero();
        assertThat(counted.out()).contains("On time: 1; late: 2");
        JsonNode block = payload(out).get("proposal");
        assertThat(block.get("onTime").asInt()).isEqualTo(1);
        assertThat(block.get("late").asInt()).isEqualTo(2);
        for (JsonNode r : block.get("reports")) {
            if (r.get("community").asText().equals("c3")) {
                assertThat(r.get("date").asText()).isEqualTo("2026-12-01");
                assertThat(r.get("onTime").asBoolean()).isTrue();
            } else {
                assertThat(r.get("date").isNull()).as(r.toString()).isTrue();
                assertThat(r.get("onTime").asBoolean()).as(r.toString()).isFalse();
            }
        }
        // the result the count wrote is one its verifier takes, counted again too
        Cli verified = Cli.run("verify", out.toString(), "--roster", roster.toString());
        assertThat(verified.status()).as(verified.err()).isZero();
    }

    @Test
    void aResultWhoseOnTimeCountIsNoWholeNumberOfThisSizeIsRefused() throws Exception {
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Files.write(stick.resolve("c1.verdict"), Communities.verdictAt("c1", Communities.Decided.PASSED, "2026-12-01", Communities.TEXT,
                upstream()));
        Path out = tmp.resolve("m7.tally");
        assertThat(Cli.run("combine", "--roster", roster.toString(), "--proposal", proposalFile.toString(), stick.toString(),
                "--out", out.toString()).status()).isZero();
        ObjectNode p = payload(out);
        // 2^64 + 1 read as a long is 1: the file says one thing, the verifier reads another
        ((ObjectNode) p.get("proposal")).put("onTime", new java.math.BigInteger("18446744073709551617"));
        Path lie = Files.write(tmp.resolve("lie.tally"), Dsse.sign(Dsse.TALLY_TYPE, Json.compact(p).getBytes(StandardCharsets.UTF_8),
                CommunityKey.loadOrCreateBody(DataFolder.path())));
        Cli verified = Cli.run("verify", lie.toString(), "--roster", roster.toString());
        assertThat(verified.status()).isEqualTo(1);
        assertThat(verified.err()).contains("18446744073709551617");
    }

    @Test
    void aResultWhoseVerdictsAnswerNoBodysProposalIsNotTakenAsCountedAgainstIt() throws Exception {
        // another body's resolution of the same id and text: a count against the proposal refuses it
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Files.write(stick.resolve("c1.verdict"), Communities.verdictAt("c1", Communities.Decided.PASSED, "2026-12-01", Communities.TEXT,
                upstream().put("body", "M99").without("proposalSha256")));
        // a result that names the proposal though its count did not ask the verdicts to answer the body (as before
        // issue 13's last change, or a count made by hand and named after the proposal)
        org.folkmoot.verdict.Roster read = org.folkmoot.verdict.Roster.read(roster);
        Path out = tmp.resolve("m7.tally");
        try (org.folkmoot.combine.Combination c = new org.folkmoot.combine.Combination(read, proposal.rules(), proposal.resolution(),
                proposal.textSha256(), DataFolder.work(), null)) {
            c.against(new org.folkmoot.combine.Against(proposal.payloadSha256(), proposal.resolution(), proposal.reportBy()));
            c.read(List.of(stick), 1);
            org.folkmoot.combine.Combination.Summary s = c.summary();
            assertThat(s.reporting()).isEqualTo(1);
            org.folkmoot.combine.TallyWriter.write(out, c, s, read.body(), CommunityKey.loadOrCreateBody(DataFolder.path()));
        }
        Cli checked = Cli.run("verify", out.toString(), "--roster", roster.toString(), "--proposal", proposalFile.toString());
        assertThat(checked.status()).as(checked.out()).isEqualTo(1);
        assertThat(checked.err()).contains("another body's resolution (municipality M99");
        // what combine --proposal makes of the same verdict
        Cli counted = Cli.run("combine", "--roster", roster.toString(), "--proposal", proposalFile.toString(), stick.toString(),
                "--out", tmp.resolve("again.tally").toString());
        assertThat(counted.status()).as(counted.err()).isZero();
        assertThat(payload(tmp.resolve("again.tally")).path("counts").path("reporting").asLong()).isZero();
    }
}
