package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.folkmoot.combine.BodyRules;
import org.folkmoot.combine.Communities;
import org.folkmoot.combine.RosterBook;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The clerk counts against the body's own proposal (docs/decisions/0013-proposals.md, "Counting against it"): the
 * resolution, text hash and rules come from the signed file, and the result says of each verdict whether its meeting
 * was on or before the day to report by.
 */
class CombineProposalTest {
    static final List<String> IDS = List.of("c1", "c2", "c3", "c4");

    @TempDir
    static Path shared;

    static String before;
    static Path roster;
    static Path proposalFile;
    static Proposal proposal;
    static Path stick;

    @TempDir
    Path tmp;

    @BeforeAll
    static void aBodyIssuesAProposalAndItsCommunitiesReport() throws Exception {
        before = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, shared.resolve("home").toString()); // this laptop's own body key
        roster = Communities.roster(shared.resolve("m7.roster.json"), "M7", IDS);
        Path text = shared.resolve("text.txt");
        Files.writeString(text, Communities.TEXT + "\n");
        proposalFile = shared.resolve("M7-R4.proposal");
        Cli made = Cli.run("proposal", "new", "--id", "M7-R4", "--title", "Seed library", "--text-file", text.toString(),
                "--report-by", "2026-12-20", "--roster", roster.toString(), "--out", proposalFile.toString());
        assertThat(made.status()).as(made.err()).isZero();
        proposal = Proposal.parse(Files.readAllBytes(proposalFile));

        ObjectNode upstream = Json.MAPPER.createObjectNode().put("level", "municipality").put("body", "M7").put("resolution", "M7-R4")
                .put("textSha256", proposal.textSha256()).put("proposalSha256", proposal.payloadSha256());
        stick = Files.createDirectories(shared.resolve("stick"));
        Files.write(stick.resolve("c1.verdict"), Communities.verdictAt("c1", Communities.Decided.PASSED, "2026-12-01", Communities.TEXT, upstream));
        Files.write(stick.resolve("c2.verdict"), Communities.verdictAt("c2", Communities.Decided.PASSED, "2026-12-20", Communities.TEXT, upstream));
        Files.write(stick.resolve("c3.verdict"), Communities.verdictAt("c3", Communities.Decided.NOT_PASSED, "2026-12-21", Communities.TEXT, upstream));
        Files.write(stick.resolve("c4.verdict"), Communities.verdictAt("c4", Communities.Decided.PASSED_AMENDED, "2026-12-10", Communities.TEXT, upstream));
        Files.copy(proposalFile, stick.resolve("M7-R4.proposal")); // the delegate's stick holds it beside the verdict
    }

    @AfterAll
    static void restore() {
        if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
    }

    private static ObjectNode payload(Path result) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(SignedFile.parse(Files.readAllBytes(result)).payload());
    }

    private Cli againstTheProposal(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("combine", "--roster", roster.toString(), "--proposal", proposalFile.toString(),
                stick.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theProposalGivesTheSameCountAsTypingItAndSaysWhichVerdictsWereLate() throws Exception {
        Path against = tmp.resolve("against.tally");
        Cli counted = againstTheProposal(against);
        assertThat(counted.status()).as(counted.err()).isZero();
        Path typed = tmp.resolve("typed.tally");
        Cli byHand = Cli.run("combine", "--roster", roster.toString(), "--resolution", "M7-R4", "--text-sha256", proposal.textSha256(),
                stick.toString(), "--out", typed.toString());
        assertThat(byHand.status()).as(byHand.err()).isZero();

        ObjectNode a = payload(against);
        ObjectNode t = payload(typed);
        assertThat(a.get("counts")).isEqualTo(t.get("counts"));
        assertThat(a.get("counts").get("reporting").asInt()).isEqualTo(4);
        assertThat(a.get("counts").get("refused").asInt()).as("the .proposal on the stick is passed over, not refused").isZero();
        assertThat(a.get("outcome")).isEqualTo(t.get("outcome"));
        assertThat(a.get("resolution")).isEqualTo(t.get("resolution"));
        assertThat(a.get("rules")).isEqualTo(t.get("rules"));
        assertThat(t.get("proposal").isNull()).as("a count without a proposal names none").isTrue();

        JsonNode p = a.get("proposal");
        assertThat(p.get("sha256").asText()).isEqualTo(proposal.payloadSha256());
        assertThat(p.get("resolution").asText()).isEqualTo("M7-R4");
        assertThat(p.get("reportBy").asText()).isEqualTo("2026-12-20");
        assertThat(p.get("onTime").asInt()).isEqualTo(3);
        assertThat(p.get("late").asInt()).isEqualTo(1);
        assertThat(Json.compact(p.get("reports"))).isEqualTo("[{\"community\":\"c1\",\"date\":\"2026-12-01\",\"onTime\":true},"
                + "{\"community\":\"c2\",\"date\":\"2026-12-20\",\"onTime\":true},"
                + "{\"community\":\"c3\",\"date\":\"2026-12-21\",\"onTime\":false},"
                + "{\"community\":\"c4\",\"date\":\"2026-12-10\",\"onTime\":true}]");

        assertThat(counted.out()).contains("Counted against proposal M7-R4 of Municipality M7 (municipality M7), fingerprint "
                        + proposal.fingerprint() + ", to report by 2026-12-20")
                .contains("On time: 3; late: 1 — Community c3 (c3) on 2026-12-21")
                .contains("Passed over: 1 file").doesNotContain("Roster: version");
        assertThat(byHand.out()).doesNotContain("Counted against proposal").doesNotContain("On time:");

        Path again = tmp.resolve("again.tally");
        assertThat(againstTheProposal(again).status()).isZero();
        assertThat(Files.readAllBytes(again)).as("the same files give the same result bytes").isEqualTo(Files.readAllBytes(against));

        Cli verified = Cli.run("verify", against.toString(), "--roster", roster.toString());
        assertThat(verified.status()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("counted against proposal " + proposal.fingerprint() + ", to report by 2026-12-20: 3 on time, 1 late");
    }

    @Test
    void aRosterOfAnotherVersionIsCountedAndTheSummarySaysSo() throws Exception {
        ObjectNode r = RosterBook.load(roster, List.of());
        RosterBook.enroll(r, Communities.exported("c5"), LocalDate.of(2026, 12, 2));
        Path later = tmp.resolve("m7.later.json");
        Files.write(later, RosterBook.plain(r));
        long version = Roster.read(later).version();
        assertThat(version).isNotEqualTo(proposal.rosterVersion());

        Cli counted = Cli.run("combine", "--roster", later.toString(), "--proposal", proposalFile.toString(), stick.toString(),
                "--out", tmp.resolve("later.tally").toString());
        assertThat(counted.status()).as(counted.err()).isZero();
        assertThat(counted.out()).contains("Reporting: 4 of 5 Communities")
                .contains("Roster: version " + version + ", not version " + proposal.rosterVersion() + " the proposal was made from");
    }

    private void refusedAndNothingWritten(Cli run, Path out, String says) {
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(says);
        assertThat(Files.exists(out)).as("no result written").isFalse();
    }

    @Test
    void aProposalChangedAfterSigningIsRefused() throws Exception {
        SignedFile signed = SignedFile.parse(Files.readAllBytes(proposalFile));
        String payload = new String(signed.payload(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"title\":\"Seed library\"");
        byte[] changed = payload.replace("\"title\":\"Seed library\"", "\"title\":\"Seed librarz\"").getBytes(StandardCharsets.UTF_8);
        ObjectNode env = Json.MAPPER.createObjectNode().put("payloadType", Dsse.PROPOSAL_TYPE)
                .put("payload", Base64.getEncoder().encodeToString(changed));
        env.putArray("signatures").addObject().put("keyid", signed.signatures().get(0).keyId())
                .put("sig", Base64.getEncoder().encodeToString(signed.signatures().get(0).sig()));
        Path tampered = tmp.resolve("tampered.proposal");
        Files.writeString(tampered, Json.compact(env) + "\n");
        Path out = tmp.resolve("never.tally");
        refusedAndNothingWritten(Cli.run("combine", "--roster", roster.toString(), "--proposal", tampered.toString(), stick.toString(),
                "--out", out.toString()), out, "signature");

        // a byte of the payload changed is told as a changed file, not as what the changed bytes now spell
        byte[] original = Files.readAllBytes(proposalFile);
        byte[] format = original.clone();
        int at = new String(original, StandardCharsets.US_ASCII).indexOf("\"payload\":\"") + 12;
        format[at] = (byte) (format[at] == 'e' ? 'f' : 'e');
        Path misspelt = Files.write(tmp.resolve("misspelt.proposal"), format);
        refusedAndNothingWritten(Cli.run("combine", "--roster", roster.toString(), "--proposal", misspelt.toString(), stick.toString(),
                "--out", out.toString()), out, "changed after it was signed");

        // any single byte of the file changed: refused too, for whatever it broke
        byte[] bytes = Files.readAllBytes(proposalFile);
        bytes[bytes.length / 2] ^= 1;
        Path flipped = tmp.resolve("flipped.proposal");
        Files.write(flipped, bytes);
        refusedAndNothingWritten(Cli.run("combine", "--roster", roster.toString(), "--proposal", flipped.toString(), stick.toString(),
                "--out", out.toString()), out, flipped.toString());
    }

    @Test
    void aProposalSignedByAnotherKeyIsRefusedUnlessThatKeyIsGiven() throws Exception {
        CommunityKey other = CommunityKey.fromSeed(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 7});
        Roster read = Roster.read(roster);
        Proposal foreign = Proposal.issue(new Proposal.Draft(read.body(), "M7-R4", "Seed library", Communities.TEXT, null,
                BodyRules.defaults(), read, LocalDate.of(2026, 12, 20)), "2026-12-01T10:00:00Z", other);
        Path file = tmp.resolve("foreign.proposal");
        Files.write(file, foreign.file());
        Path out = tmp.resolve("foreign.tally");
        refusedAndNothingWritten(Cli.run("combine", "--roster", roster.toString(), "--proposal", file.toString(), stick.toString(),
                "--out", out.toString()), out, "--body-key");

        Cli withKey = Cli.run("combine", "--roster", roster.toString(), "--proposal", file.toString(), stick.toString(),
                "--out", out.toString(), "--body-key", Ed25519Keys.base64(other.publicKey()));
        assertThat(withKey.status()).as(withKey.err()).isZero();
        assertThat(payload(out).get("proposal").get("sha256").asText()).isEqualTo(foreign.payloadSha256());
    }

    @Test
    void aRosterOfAnotherBodyIsRefused() throws Exception {
        Path m8 = Communities.roster(tmp.resolve("m8.roster.json"), "M8", IDS);
        Path out = tmp.resolve("m8.tally");
        refusedAndNothingWritten(Cli.run("combine", "--roster", m8.toString(), "--proposal", proposalFile.toString(), stick.toString(),
                "--out", out.toString()), out, "Municipality M7 (municipality M7)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--resolution", "--text-sha256", "--consensus", "--pass-supermajority"})
    void twoSourcesForOneCountAreRefused(String option) throws Exception {
        Path out = tmp.resolve("two.tally");
        String value = switch (option) {
            case "--resolution" -> "M7-R4";
            case "--text-sha256" -> proposal.textSha256();
            default -> "9/10";
        };
        refusedAndNothingWritten(againstTheProposal(out, option, value), out, option.equals("--resolution") || option.equals("--text-sha256")
                ? "--proposal gives the resolution and its text hash" : "--proposal gives the body's rules");
    }

    @Test
    void theProposalIsNeverWrittenOver() throws Exception {
        byte[] before = Files.readAllBytes(proposalFile);
        Cli run = Cli.run("combine", "--roster", roster.toString(), "--proposal", proposalFile.toString(), stick.toString(),
                "--out", proposalFile.toString(), "--force");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
        assertThat(Files.readAllBytes(proposalFile)).isEqualTo(before);
    }

    @Test
    void aCountNeedsTheProposalOrTheResolutionAndItsText() throws Exception {
        Path out = tmp.resolve("none.tally");
        refusedAndNothingWritten(Cli.run("combine", "--roster", roster.toString(), stick.toString(), "--out", out.toString()), out,
                "give --proposal FILE, or --resolution and --text-sha256");
        refusedAndNothingWritten(Cli.run("combine", "--roster", roster.toString(), "--resolution", "M7-R4", stick.toString(),
                "--out", out.toString()), out, "give --proposal FILE, or --resolution and --text-sha256");
    }

    /** The result's payload with {@code change} made, signed again by this laptop's body key: only the content lies. */
    private Path resigned(Path result, String name, java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode p = payload(result);
        change.accept(p);
        Path file = tmp.resolve(name);
        Files.write(file, Dsse.sign(Dsse.TALLY_TYPE, Json.compact(p).getBytes(StandardCharsets.UTF_8),
                CommunityKey.loadOrCreateBody(DataFolder.path())));
        return file;
    }

    private static ObjectNode report(ObjectNode result, String community) {
        for (JsonNode r : result.get("proposal").get("reports")) {
            if (r.get("community").asText().equals(community)) return (ObjectNode) r;
        }
        throw new AssertionError("no report of " + community);
    }

    @Test
    void aResultWhoseProposalBlockLiesIsRefused() throws Exception {
        Path result = tmp.resolve("true.tally");
        assertThat(againstTheProposal(result).status()).isZero();
        Path honest = resigned(result, "honest.tally", p -> { });
        assertThat(Cli.run("verify", honest.toString(), "--roster", roster.toString()).status()).as("re-signed unchanged, it holds").isZero();

        Path fewerLate = resigned(result, "late.tally", p -> ((ObjectNode) p.get("proposal")).put("late", 0));
        Cli late = Cli.run("verify", fewerLate.toString());
        assertThat(late.status()).isEqualTo(1);
        assertThat(late.err()).contains("late");
        assertThat(Cli.run("verify", fewerLate.toString(), "--roster", roster.toString()).status()).isEqualTo(1);

        // c3 made on time, and the counts made to agree: the day to report by says otherwise
        Path onTime = resigned(result, "ontime.tally", p -> {
            report(p, "c3").put("onTime", true);
            ((ObjectNode) p.get("proposal")).put("onTime", 4).put("late", 0);
        });
        Cli lie = Cli.run("verify", onTime.toString());
        assertThat(lie.status()).isEqualTo(1);
        assertThat(lie.err()).contains("c3").contains("2026-12-21").contains("2026-12-20");

        // c3's meeting moved before the day, everything agreeing: only its verdict, counted again, says otherwise
        Path moved = resigned(result, "moved.tally", p -> {
            report(p, "c3").put("date", "2026-12-19").put("onTime", true);
            ((ObjectNode) p.get("proposal")).put("onTime", 4).put("late", 0);
        });
        assertThat(Cli.run("verify", moved.toString()).status()).as("consistent in itself").isZero();
        Cli recounted = Cli.run("verify", moved.toString(), "--roster", roster.toString());
        assertThat(recounted.status()).isEqualTo(1);
        assertThat(recounted.err()).contains("c3").contains("2026-12-19").contains("2026-12-21");
    }

    @Test
    void aMunicipalitysResultAgainstItsProposalIsCountedByTheRegion() throws Exception {
        Path result = tmp.resolve("m7.tally");
        assertThat(againstTheProposal(result).status()).isZero();
        ObjectNode r = RosterBook.create("region", "R1", "Riverlands");
        RosterBook.enrollAll(r, IDS.stream().map(Communities::exported).toList(), LocalDate.of(2026, 1, 1));
        Path region = tmp.resolve("r1.roster.json");
        Files.write(region, RosterBook.plain(r));
        Path out = tmp.resolve("r1.tally");
        Cli counted = Cli.run("combine", "--roster", region.toString(), "--resolution", "M7-R4", "--text-sha256", proposal.textSha256(),
                result.toString(), "--out", out.toString());
        assertThat(counted.status()).as(counted.err()).isZero();
        assertThat(payload(out).get("counts").get("reporting").asInt()).isEqualTo(4);
        assertThat(payload(out).get("counts").get("refused").asInt()).isZero();
    }

    @Test
    void aProposalsReportsAreEntriesOfTheResultsListsForItsSizeRule() throws Exception {
        // a Collective's count reports 100,000 verdicts: more than the 1 MiB a result may hold beside its lists
        Path result = tmp.resolve("m7.tally");
        assertThat(againstTheProposal(result).status()).isZero();
        int many = 25_000;
        Path large = resigned(result, "large.tally", p -> {
            ObjectNode block = (ObjectNode) p.get("proposal");
            var reports = block.putArray("reports");
            for (int i = 0; i < many; i++) reports.addObject().put("community", String.format("c%06d", i)).put("date", "2026-12-01").put("onTime", true);
            block.put("onTime", many).put("late", 0);
            ((ObjectNode) p.get("counts")).put("reporting", many);
        });
        assertThat(Files.size(large)).isGreaterThan(4L * 1024 * 1024 / 3);
        Cli verified = Cli.run("verify", large.toString());
        assertThat(verified.status()).as(verified.err()).isZero();
        // and the Region counting it reads its verdicts, not its counts
        ObjectNode r = RosterBook.create("region", "R1", "Riverlands");
        RosterBook.enrollAll(r, IDS.stream().map(Communities::exported).toList(), LocalDate.of(2026, 1, 1));
        Path region = tmp.resolve("r1.roster.json");
        Files.write(region, RosterBook.plain(r));
        Path out = tmp.resolve("r1.tally");
        Cli counted = Cli.run("combine", "--roster", region.toString(), "--resolution", "M7-R4", "--text-sha256", proposal.textSha256(),
                large.toString(), "--out", out.toString());
        assertThat(counted.status()).as(counted.err()).isZero();
        assertThat(payload(out).get("counts").get("reporting").asInt()).isEqualTo(4);
        assertThat(payload(out).get("counts").get("refused").asInt()).isZero();
    }
}
