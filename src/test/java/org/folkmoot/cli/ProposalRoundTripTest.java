package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.record.Json;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way down and back up, from the command line: the Municipality issues a proposal, two Communities
 * enroll its key and present it (one passes the text as proposed, one passes it amended), their delegates bring
 * the verdicts, and the clerk counts them against the same proposal file — no hash typed anywhere.
 */
class ProposalRoundTripTest {
    @TempDir
    Path tmp;
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(DataFolder.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
    }

    private Cli on(String laptop, String... args) {
        System.setProperty(DataFolder.PROPERTY, tmp.resolve(laptop).toString());
        Cli c = Cli.run(args);
        assertThat(c.err()).as("%s: %s", laptop, String.join(" ", args)).doesNotContain("Exception");
        return c;
    }

    private Cli ok(String laptop, String... args) {
        Cli c = on(laptop, args);
        assertThat(c.status()).as("%s: %s\n%s", laptop, String.join(" ", args), c.err()).isZero();
        return c;
    }

    /** A Community's meeting presenting the proposal as the console does: its text unchanged, upstream filled from it. */
    private Path meeting(String community, String name, List<String> ladder, Proposal p, String date) throws Exception {
        ObjectNode header = Json.MAPPER.createObjectNode().put("format", "folkmoot-meeting/1");
        header.putObject("community").put("id", community).put("name", name).put("members", 150);
        header.putObject("meeting").put("date", date).put("place", name + " hall").put("facilitator", "Ana").put("secretary", "Bo");
        ObjectNode present = Json.MAPPER.createObjectNode().put("do", "present").put("resolution", p.resolution())
                .put("title", p.title()).put("text", p.text()).put("proposer", p.proposer());
        present.putObject("upstream").put("level", p.body().level()).put("body", p.body().id()).put("resolution", p.resolution())
                .put("textSha256", p.textSha256()).put("proposalSha256", p.payloadSha256());
        StringBuilder script = new StringBuilder(Json.compact(header)).append('\n')
                .append("{\"do\":\"attendance\",\"present\":120}\n").append(Json.compact(present)).append('\n');
        for (String line : ladder) script.append(line).append('\n');
        Path file = tmp.resolve(community + ".jsonl");
        Files.writeString(file, script);
        return file;
    }

    @Test
    void aProposalGoesDownToTwoCommunitiesAndTheirVerdictsAreCountedAgainstIt() throws Exception {
        // the Municipality's clerk: a roster of the two Communities, enrolled from their exported keys
        Path roster = tmp.resolve("m7.roster.json");
        ok("body", "roster", "new", roster.toString(), "--level", "municipality", "--id", "M7", "--name", "Millbrook");
        for (String[] c : new String[][] {{"riverside-3", "Riverside 3"}, {"harbour-9", "Harbour 9"}}) {
            Path key = tmp.resolve(c[0] + ".key.json");
            ok(c[0], "keys", "export", key.toString(), "--id", c[0], "--name", c[1], "--members", "150");
            ok("body", "roster", "enroll", roster.toString(), key.toString());
        }
        Path bodyKey = tmp.resolve("m7.body-key.json");
        ok("body", "roster", "key", "--export", bodyKey.toString(), "--roster", roster.toString());
        Path text = tmp.resolve("sunday-market.txt");
        Files.writeString(text, "The market opens on Sundays from 9:00 to 14:00.\n"); // as an editor saves it
        Path proposalFile = tmp.resolve("M7-R4.proposal");
        ok("body", "proposal", "new", "--id", "M7-R4", "--title", "Sunday market", "--text-file", text.toString(),
                "--report-by", "2026-12-20", "--roster", roster.toString(), "--out", proposalFile.toString());
        Proposal p = Proposal.parse(Files.readAllBytes(proposalFile));

        // each Community enrolls the body's key in person, checks the proposal, and presents it
        for (String c : List.of("riverside-3", "harbour-9")) {
            ok(c, "bodies", "add", bodyKey.toString());
            assertThat(ok(c, "proposal", "show", proposalFile.toString()).out()).contains("from Millbrook (municipality M7)");
        }
        Path passed = meeting("riverside-3", "Riverside 3", List.of("{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":115,\"against\":3,\"abstain\":2}"),
                p, "2026-12-10");
        Path amended = meeting("harbour-9", "Harbour 9", List.of(
                "{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":80,\"against\":30,\"abstain\":10}",
                "{\"do\":\"objections\",\"nonDealBreakers\":30,\"dealBreakers\":0}",
                "{\"do\":\"grievance\",\"round\":1,\"category\":\"Hours\",\"members\":30,\"statement\":\"Noon is too early.\",\"delegate\":\"Cy\"}",
                "{\"do\":\"plead\",\"category\":\"Hours\"}",
                "{\"do\":\"amend\",\"id\":\"A1\",\"category\":\"Hours\",\"find\":\"9:00 to 14:00\",\"replace\":\"9:00 to 16:00\"}",
                "{\"do\":\"amendment-vote\",\"id\":\"A1\",\"for\":90,\"against\":20,\"abstain\":10}",
                "{\"do\":\"close-round\"}",
                "{\"do\":\"vote\",\"stage\":\"check-2\",\"for\":112,\"against\":5,\"abstain\":3}"), p, "2026-12-22");
        assertThat(ok("riverside-3", "replay", passed.toString(), "--out", tmp.resolve("stick-1").toString()).out())
                .contains("M7-R4 passed consensus 115/118");
        assertThat(ok("harbour-9", "replay", amended.toString(), "--out", tmp.resolve("stick-2").toString()).out())
                .contains("M7-R4 passed amended 112/117");
        Files.copy(proposalFile, tmp.resolve("stick-1").resolve("M7-R4.proposal")); // the delegate's stick holds it too

        // the clerk counts against the same proposal file
        Path result = tmp.resolve("M7-R4.tally");
        Cli count = ok("body", "combine", "--roster", roster.toString(), "--proposal", proposalFile.toString(),
                tmp.resolve("stick-1").toString(), tmp.resolve("stick-2").toString(), "--out", result.toString());
        assertThat(count.out()).contains("M7-R4").contains(p.fingerprint());
        JsonNode tally = Json.MAPPER.readTree(SignedFile.read(result, 64L << 20).payload());
        assertThat(tally.path("resolution").path("id").asText()).isEqualTo("M7-R4");
        assertThat(tally.path("resolution").path("textSha256").asText()).isEqualTo(p.textSha256());
        JsonNode counts = tally.path("counts");
        assertThat(counts.path("reporting").asLong()).isEqualTo(2);
        assertThat(counts.path("passed").asLong()).isEqualTo(1);
        assertThat(counts.path("passedWithAmendments").asLong()).isEqualTo(1);
        assertThat(counts.path("refused").asLong()).as("the proposal on the stick is passed over, not refused").isZero();
        assertThat(tally.path("amendmentGroups").get(0).path("replace").asText()).isEqualTo("9:00 to 16:00");
        JsonNode against = tally.path("proposal");
        assertThat(against.path("sha256").asText()).isEqualTo(p.payloadSha256());
        assertThat(against.path("reportBy").asText()).isEqualTo("2026-12-20");
        assertThat(against.path("onTime").asLong()).isEqualTo(1);
        assertThat(against.path("late").asLong()).as("Harbour 9 met on the 22nd, after the day to report by").isEqualTo(1);
        for (JsonNode r : against.path("reports")) {
            assertThat(r.path("onTime").asBoolean()).isEqualTo(r.path("community").asText().equals("riverside-3"));
        }
        assertThat(new String(Files.readAllBytes(result), StandardCharsets.UTF_8)).isNotEmpty();
        assertThat(ok("body", "verify", result.toString(), "--roster", roster.toString()).status()).isZero();
        // anyone holding the proposal checks the result and the verdicts against it
        Cli checked = ok("body", "verify", result.toString(), "--roster", roster.toString(), "--proposal", proposalFile.toString());
        assertThat(checked.out()).contains("counted against proposal " + p.fingerprint());
        ok("riverside-3", "verify", tmp.resolve("stick-1").resolve("M7-R4.verdict").toString(), "--proposal", proposalFile.toString());
        Path another = tmp.resolve("M7-R5.proposal");
        ok("body", "proposal", "new", "--id", "M7-R5", "--title", "Another", "--text-file", text.toString(), "--report-by", "2026-12-20",
                "--roster", roster.toString(), "--out", another.toString());
        Cli wrong = on("body", "verify", result.toString(), "--proposal", another.toString());
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("counted against another proposal");
        assertThat(on("riverside-3", "verify", tmp.resolve("stick-1").resolve("M7-R4.verdict").toString(), "--proposal", another.toString())
                .err()).contains("another resolution");
    }

    @Test
    void aRegionsProposalIsTakenAsItIsAndCountedAgainThroughTheMunicipalitysResult() throws Exception {
        Path m7 = tmp.resolve("m7.roster.json");
        Path r2 = tmp.resolve("r2.roster.json");
        ok("body", "roster", "new", m7.toString(), "--level", "municipality", "--id", "M7", "--name", "Millbrook");
        ok("region", "roster", "new", r2.toString(), "--level", "region", "--id", "R2", "--name", "Uplands");
        for (String[] c : new String[][] {{"riverside-3", "Riverside 3"}, {"harbour-9", "Harbour 9"}}) {
            Path key = tmp.resolve(c[0] + ".key.json");
            ok(c[0], "keys", "export", key.toString(), "--id", c[0], "--name", c[1], "--members", "150");
            ok("body", "roster", "enroll", m7.toString(), key.toString());
            ok("region", "roster", "enroll", r2.toString(), key.toString());
        }
        Path regionKey = tmp.resolve("r2.body-key.json");
        ok("region", "roster", "key", "--export", regionKey.toString(), "--roster", r2.toString());
        Path text = tmp.resolve("wells.txt");
        Files.writeString(text, "Every Community keeps one shared well.");
        Path proposalFile = tmp.resolve("R2-1.proposal");
        ok("region", "proposal", "new", "--id", "R2-1", "--title", "Shared wells", "--text-file", text.toString(),
                "--report-by", "2027-01-15", "--roster", r2.toString(), "--out", proposalFile.toString());
        Proposal p = Proposal.parse(Files.readAllBytes(proposalFile));
        Path forwarded = tmp.resolve("forwarded-by-M7.proposal");
        Files.copy(proposalFile, forwarded); // the Municipality passes the file on unchanged

        for (String c : List.of("riverside-3", "harbour-9")) {
            assertThat(on(c, "proposal", "show", forwarded.toString()).status()).as("no body enrolled yet").isEqualTo(1);
            ok(c, "bodies", "add", regionKey.toString());
            assertThat(ok(c, "proposal", "show", forwarded.toString()).out()).contains("from Uplands (region R2)");
            Path script = meeting(c, c, List.of("{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":115,\"against\":3,\"abstain\":2}"),
                    p, "2027-01-10");
            ok(c, "replay", script.toString(), "--out", tmp.resolve("stick-" + c).toString());
        }
        // the Municipality gathers its Communities' verdicts on the Region's proposal, trusting the Region's key
        String regionPublic = on("region", "roster", "key").out().lines().filter(l -> l.startsWith("public key:")).findFirst()
                .orElseThrow().substring("public key:".length()).strip();
        Path m7Result = tmp.resolve("R2-1.M7.tally");
        Cli atMunicipality = on("body", "combine", "--roster", m7.toString(), "--proposal", proposalFile.toString(),
                tmp.resolve("stick-riverside-3").toString(), tmp.resolve("stick-harbour-9").toString(), "--out", m7Result.toString());
        assertThat(atMunicipality.status()).as("not signed by this laptop's body key: refused").isEqualTo(FolkmootCommand.REFUSED);
        Cli gathered = ok("body", "combine", "--roster", m7.toString(), "--proposal", proposalFile.toString(), "--body-key", regionPublic,
                tmp.resolve("stick-riverside-3").toString(), tmp.resolve("stick-harbour-9").toString(), "--out", m7Result.toString());
        assertThat(gathered.out()).as("the proposal is the Region's, the count Millbrook's")
                .contains("Counted against proposal R2-1 of region R2,").doesNotContain("proposal R2-1 of Millbrook");
        // the Region counts the Municipality's result again, verdict by verdict, against its own proposal
        Path r2Result = tmp.resolve("R2-1.tally");
        Cli atRegion = ok("region", "combine", "--roster", r2.toString(), "--proposal", proposalFile.toString(), m7Result.toString(),
                "--out", r2Result.toString());
        assertThat(atRegion.out()).contains("Uplands (region R2)");
        JsonNode tally = Json.MAPPER.readTree(SignedFile.read(r2Result, 64L << 20).payload());
        assertThat(tally.path("counts").path("passed").asLong()).isEqualTo(2);
        assertThat(tally.path("outcome").asText()).isEqualTo("passed");
        assertThat(tally.path("proposal").path("sha256").asText()).isEqualTo(p.payloadSha256());
        assertThat(tally.path("proposal").path("onTime").asLong()).isEqualTo(2);
        // a Municipality's proposal is not counted by another Municipality's roster
        Path m8 = tmp.resolve("m8.roster.json");
        ok("region", "roster", "new", m8.toString(), "--level", "municipality", "--id", "M8", "--name", "Moorside");
        Path m7Proposal = tmp.resolve("M7-R9.proposal");
        ok("body", "proposal", "new", "--id", "M7-R9", "--title", "T", "--text-file", text.toString(), "--report-by", "2027-01-15",
                "--roster", m7.toString(), "--out", m7Proposal.toString());
        String m7Public = on("body", "roster", "key").out().lines().filter(l -> l.startsWith("public key:")).findFirst()
                .orElseThrow().substring("public key:".length()).strip();
        Cli sideways = on("region", "combine", "--roster", m8.toString(), "--proposal", m7Proposal.toString(), "--body-key", m7Public,
                m7Result.toString(), "--out", tmp.resolve("x.tally").toString());
        assertThat(sideways.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(sideways.err()).contains("count it with that body's roster");
    }

    @Test
    void aRosterSignedByAnotherKeyInTheProposingBodysNameIsRefusedAndLocksNothingOut() throws Exception {
        Path m7 = tmp.resolve("m7.roster.json");
        ok("body", "roster", "new", m7.toString(), "--level", "municipality", "--id", "M7", "--name", "Millbrook");
        Path key = tmp.resolve("c1.key.json");
        ok("c1", "keys", "export", key.toString(), "--id", "c1", "--name", "C1", "--members", "150");
        ok("body", "roster", "enroll", m7.toString(), key.toString());
        Path genuine = tmp.resolve("m7.roster.signed");
        ok("body", "roster", "sign", m7.toString(), "--out", genuine.toString());
        Path text = tmp.resolve("t.txt");
        Files.writeString(text, "A text.\n");
        Path proposalFile = tmp.resolve("M7-R1.proposal");
        ok("body", "proposal", "new", "--id", "M7-R1", "--title", "T", "--text-file", text.toString(), "--report-by", "2027-01-15",
                "--roster", genuine.toString(), "--out", proposalFile.toString());
        // another laptop makes a roster in Millbrook's name, raises its version and signs it with its own key
        Path fake = tmp.resolve("fake.roster.json");
        ok("other", "roster", "new", fake.toString(), "--level", "municipality", "--id", "M7", "--name", "Millbrook");
        ok("other", "roster", "enroll", fake.toString(), key.toString());
        ok("other", "roster", "retire", fake.toString(), "c1", "--until", "2030-01-01");
        Path fakeSigned = tmp.resolve("fake.roster.signed");
        ok("other", "roster", "sign", fake.toString(), "--out", fakeSigned.toString());
        String otherKey = on("other", "roster", "key").out().lines().filter(l -> l.startsWith("public key:")).findFirst()
                .orElseThrow().substring("public key:".length()).strip();
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Cli spoofed = on("body", "combine", "--roster", fakeSigned.toString(), "--roster-key", otherKey, "--proposal", proposalFile.toString(),
                stick.toString(), "--out", tmp.resolve("x.tally").toString());
        assertThat(spoofed.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(spoofed.err()).contains("a body signs both with its one key");
        assertThat(tmp.resolve("x.tally")).doesNotExist();
        // the genuine roster still counts: the refused one was not remembered as Millbrook's
        ok("body", "combine", "--roster", genuine.toString(), "--proposal", proposalFile.toString(), stick.toString(),
                "--out", tmp.resolve("M7-R1.tally").toString());
    }

    @Test
    void aRosterSignedByTheProposingBodysKeyInALowerBodysNameIsRefusedAndLocksNothingOut() throws Exception {
        Path key = tmp.resolve("c1.key.json");
        ok("c1", "keys", "export", key.toString(), "--id", "c1", "--name", "C1", "--members", "150");
        Path m7 = tmp.resolve("m7.roster.json");
        ok("body", "roster", "new", m7.toString(), "--level", "municipality", "--id", "M7", "--name", "Millbrook");
        ok("body", "roster", "enroll", m7.toString(), key.toString());
        Path genuine = tmp.resolve("m7.roster.signed");
        ok("body", "roster", "sign", m7.toString(), "--out", genuine.toString());
        Path r2 = tmp.resolve("r2.roster.json");
        ok("region", "roster", "new", r2.toString(), "--level", "region", "--id", "R2", "--name", "Uplands");
        ok("region", "roster", "enroll", r2.toString(), key.toString());
        Path text = Files.writeString(tmp.resolve("t.txt"), "A text.\n");
        Path proposalFile = tmp.resolve("R2-1.proposal");
        ok("region", "proposal", "new", "--id", "R2-1", "--title", "T", "--text-file", text.toString(), "--report-by", "2027-01-15",
                "--roster", r2.toString(), "--out", proposalFile.toString());
        // the Region's key signs a roster in Millbrook's name, of a higher version than Millbrook's own
        Path fake = tmp.resolve("fake.roster.json");
        ok("region", "roster", "new", fake.toString(), "--level", "municipality", "--id", "M7", "--name", "Millbrook");
        ok("region", "roster", "enroll", fake.toString(), key.toString());
        ok("region", "roster", "retire", fake.toString(), "c1", "--until", "2030-01-01");
        Path fakeSigned = tmp.resolve("fake.roster.signed");
        ok("region", "roster", "sign", fake.toString(), "--out", fakeSigned.toString());
        String regionKey = on("region", "roster", "key").out().lines().filter(l -> l.startsWith("public key:")).findFirst()
                .orElseThrow().substring("public key:".length()).strip();
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Cli spoofed = on("body", "combine", "--roster", fakeSigned.toString(), "--roster-key", regionKey, "--proposal",
                proposalFile.toString(), "--body-key", regionKey, stick.toString(), "--out", tmp.resolve("x.tally").toString());
        assertThat(spoofed.status()).as(spoofed.out()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(spoofed.err()).contains("a body signs both with its one key");
        assertThat(tmp.resolve("x.tally")).doesNotExist();
        // Millbrook's genuine roster still gathers: the refused one was not remembered as Millbrook's
        ok("body", "combine", "--roster", genuine.toString(), "--proposal", proposalFile.toString(), "--body-key", regionKey,
                stick.toString(), "--out", tmp.resolve("R2-1.M7.tally").toString());
    }

    @Test
    void countedAgainstAProposalAVerdictMustAnswerThatBodysResolution() throws Exception {
        Path m7 = tmp.resolve("m7.roster.json");
        ok("body", "roster", "new", m7.toString(), "--level", "municipality", "--id", "M7", "--name", "Millbrook");
        for (String c : List.of("own", "other", "right")) {
            Path key = tmp.resolve(c + ".key.json");
            ok(c, "keys", "export", key.toString(), "--id", c, "--name", c, "--members", "150");
            ok("body", "roster", "enroll", m7.toString(), key.toString());
        }
        Path text = tmp.resolve("t.txt");
        Files.writeString(text, "A shared text.\n");
        Path proposalFile = tmp.resolve("M7-R4.proposal");
        ok("body", "proposal", "new", "--id", "M7-R4", "--title", "T", "--text-file", text.toString(), "--report-by", "2027-01-15",
                "--roster", m7.toString(), "--out", proposalFile.toString());
        Proposal p = Proposal.parse(Files.readAllBytes(proposalFile));
        String check = "{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":115,\"against\":3,\"abstain\":2}";
        // the Community's own resolution of the same id and text, and another body's of the same id and text
        Path own = meeting("own", "own", List.of(check), p, "2027-01-10");
        Files.writeString(own, Files.readString(own).replaceFirst(",\"upstream\":\\{[^}]*\\}", ""));
        Path other = meeting("other", "other", List.of(check), p, "2027-01-10");
        Files.writeString(other, Files.readString(other).replace("\"body\":\"M7\"", "\"body\":\"M99\""));
        Path right = meeting("right", "right", List.of(check), p, "2027-01-10");
        Path stick = tmp.resolve("stick");
        for (Path script : List.of(own, other, right)) {
            String c = script.getFileName().toString().replace(".jsonl", "");
            ok(c, "replay", script.toString(), "--out", stick.resolve(c).toString());
        }
        assertThat(Files.readString(stick.resolve("own").resolve("record.jsonl"))).doesNotContain("upstream");
        Cli count = ok("body", "combine", "--roster", m7.toString(), "--proposal", proposalFile.toString(), stick.toString(),
                "--out", tmp.resolve("M7-R4.tally").toString());
        JsonNode tally = Json.MAPPER.readTree(SignedFile.read(tmp.resolve("M7-R4.tally"), 64L << 20).payload());
        assertThat(tally.path("counts").path("reporting").asLong()).as(count.out()).isEqualTo(1);
        assertThat(tally.path("counts").path("refused").asLong()).isEqualTo(2);
        assertThat(tally.path("refused").toString()).contains("the Community's own resolution").contains("another body's resolution (municipality M99");
        // counted by the hand-typed resolution and text, the Community's own resolution still counts, as before
        Cli byHand = ok("body", "combine", "--roster", m7.toString(), "--resolution", "M7-R4", "--text-sha256", p.textSha256(),
                stick.resolve("own").toString(), "--out", tmp.resolve("by-hand.tally").toString());
        assertThat(byHand.out()).contains("passed ");
        JsonNode hand = Json.MAPPER.readTree(SignedFile.read(tmp.resolve("by-hand.tally"), 64L << 20).payload());
        assertThat(hand.path("counts").path("reporting").asLong()).isEqualTo(1);
    }
}
