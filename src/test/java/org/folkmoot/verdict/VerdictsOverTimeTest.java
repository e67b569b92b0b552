package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.record.Chain;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts over a book's meetings (docs/procedure.md, "The Community Verdict"): issued at each meeting's close for
 * every resolution whose standing changed there, each later one superseding the earlier, counted by a body
 * by the latest.
 */
class VerdictsOverTimeTest {
    @TempDir
    Path tmp;

    private static final String TEXT = "The Community plants forty fruit trees along the river path.";

    /** Meeting 1 passes R1 and elects Ivo; meeting 2 keeps R1 at a contention vote, fails to elect Uma, recalls Ivo. */
    static List<String> book() {
        String header = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"oak-2\",\"name\":\"Oak 2\",\"members\":150},"
                + "\"meeting\":{\"date\":\"2026-12-03\",\"place\":\"Oak hall\",\"facilitator\":\"Ana\",\"secretary\":\"Bo\"}}";
        String upstream = "{\"level\":\"municipality\",\"body\":\"m\",\"resolution\":\"M-1\",\"textSha256\":\""
                + Meeting.textSha256(TEXT) + "\"}";
        return List.of(header,
                "{\"do\":\"attendance\",\"present\":100,\"at\":\"2026-12-03T19:00:00Z\"}",
                "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"Fruit trees\",\"text\":\"" + TEXT + "\",\"proposer\":\"Cy\","
                        + "\"upstream\":" + upstream + ",\"at\":\"2026-12-03T19:02:00Z\"}",
                "{\"do\":\"vote\",\"stage\":\"check-1\",\"for\":95,\"against\":5,\"abstain\":0,\"at\":\"2026-12-03T19:10:00Z\"}",
                "{\"do\":\"elect\",\"name\":\"Ivo\",\"mandate\":\"Plant by April.\",\"for\":60,\"against\":40,\"abstain\":0,\"at\":\"2026-12-03T19:20:00Z\"}",
                "{\"do\":\"adjourn\",\"at\":\"2026-12-03T21:00:00Z\"}",
                "{\"do\":\"meeting\",\"date\":\"2026-12-10\",\"place\":\"Oak hall\",\"facilitator\":\"Cy\",\"secretary\":\"Di\",\"at\":\"2026-12-10T19:00:00Z\"}",
                "{\"do\":\"attendance\",\"present\":90,\"at\":\"2026-12-10T19:01:00Z\"}",
                "{\"do\":\"vote\",\"stage\":\"contention\",\"for\":60,\"against\":30,\"abstain\":0,\"resolution\":\"R1\",\"at\":\"2026-12-10T19:10:00Z\"}",
                "{\"do\":\"elect\",\"name\":\"Uma\",\"mandate\":\"Water them.\",\"for\":40,\"against\":50,\"abstain\":0,\"resolution\":\"R1\",\"at\":\"2026-12-10T19:20:00Z\"}",
                "{\"do\":\"recall\",\"name\":\"Ivo\",\"for\":50,\"against\":40,\"abstain\":0,\"at\":\"2026-12-10T19:30:00Z\"}");
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private Path replayed(String name, List<String> lines) throws Exception {
        Path out = tmp.resolve(name);
        Verdicts.replayFile(write(name + ".jsonl", lines), out);
        return out;
    }

    private static VerdictVerifier.Verified verified(Path file) throws SignedFile.Refused {
        return VerdictVerifier.verify(file, null, VerdictVerifier.Expected.ANY);
    }

    @Test
    void thePrefixToTheFirstCloseGivesV1AndTheWholeBookV2SupersedingIt() throws Exception {
        List<String> book = book();
        VerdictVerifier.Verified v1 = verified(replayed("first", book.subList(0, 6)).resolve("R1.verdict"));
        VerdictVerifier.Verified v2 = verified(replayed("whole", book).resolve("R1.verdict"));

        assertThat(v1.json().path("supersedes")).isEmpty();
        assertThat(v1.json().path("meeting").path("date").asText()).isEqualTo("2026-12-03");
        assertThat(v2.json().path("supersedes")).hasSize(1);
        assertThat(v2.json().path("supersedes").get(0).asText()).isEqualTo(Chain.sha256(v1.payload()));
        assertThat(v2.json().path("meeting").path("date").asText()).isEqualTo("2026-12-10");
        assertThat(v2.json().path("meeting").path("facilitator").asText()).isEqualTo("Cy");
        JsonNode delegates = v2.json().path("delegates");
        assertThat(delegates).hasSize(1);
        assertThat(delegates.get(0).path("recalled").asBoolean()).isTrue();
        // the record a verdict names is the record as it stood at its meeting's close
        assertThat(v1.json().path("recordSha256").asText())
                .isEqualTo(Chain.sha256(Replay.recordBytes(Files.readAllLines(tmp.resolve("first").resolve("record.jsonl")))));
        assertThat(v1.json().path("issuedAt").asText()).isEqualTo("2026-12-03T21:00:00Z");
    }

    @Test
    void theWholeBookIssuesTheVerySameV1AtItsFirstClose() throws Exception {
        List<String> book = book();
        VerdictVerifier.Verified v1 = verified(replayed("first", book.subList(0, 6)).resolve("R1.verdict"));
        Replay.Result whole = Replay.run(String.join("\n", book).getBytes(StandardCharsets.UTF_8), null, null,
                java.time.Clock.systemUTC());
        byte[] key = Ed25519Keys.decodeBase64(v1.json().path("community").path("publicKey").asText());
        List<VerdictPayload.Issued> issued = VerdictPayload.issue(whole.meeting(), whole.record(), key, v1.json().path("program").asText());
        assertThat(issued).extracting(VerdictPayload.Issued::meeting).containsExactly(1, 2);
        assertThat(issued.get(0).payload()).isEqualTo(v1.payload());
        assertThat(issued.get(1).supersedes()).containsExactly(issued.get(0).sha256());
    }

    @Test
    void aContentionVoteThatKeepsItAndAFailedElectionIssueNoNewVerdict() throws Exception {
        List<String> book = book();
        byte[] first = Files.readAllBytes(replayed("first", book.subList(0, 6)).resolve("R1.verdict"));
        // meeting 2 without the recall: its contention vote kept R1, its election failed: the standing is as it was
        byte[] untilElection = Files.readAllBytes(replayed("kept", book.subList(0, 10)).resolve("R1.verdict"));
        assertThat(untilElection).isEqualTo(first);
    }

    @Test
    void aBookThatEndsAdjournedHasClosedItsMeetingAtTheAdjourn() throws Exception {
        List<String> book = book();
        byte[] atAdjourn = Files.readAllBytes(replayed("first", book.subList(0, 6)).resolve("R1.verdict"));
        // a note after the adjourn (the secretary's, before the laptop is shut) changes nothing the body holds
        List<String> noted = new ArrayList<>(book.subList(0, 6));
        noted.add("{\"do\":\"note\",\"text\":\"The hall was locked at 22:00.\",\"at\":\"2026-12-03T21:05:00Z\"}");
        assertThat(Files.readAllBytes(replayed("noted", noted).resolve("R1.verdict"))).isEqualTo(atAdjourn);
        // and the next meeting, which then begins, issues the same v1 at that close
        noted.addAll(book.subList(6, book.size()));
        VerdictVerifier.Verified v2 = verified(replayed("whole", noted).resolve("R1.verdict"));
        assertThat(v2.json().path("supersedes").get(0).asText())
                .isEqualTo(Chain.sha256(verified(tmp.resolve("first").resolve("R1.verdict")).payload()));
    }

    @Test
    void aResolutionACorrectionTookBackToTheLadderHasNoVerdictFileUntilItReachesAnOutcomeAgain() throws Exception {
        List<String> whole = book();
        // meeting 1 passes R1 (and elects no one); meeting 2 begins
        List<String> book = new ArrayList<>(whole.subList(0, 4));
        book.addAll(whole.subList(5, 8));
        // at meeting 2 the tellers find check 1 of meeting 1 was 85 for, 15 against: R1 did not pass
        book.add("{\"do\":\"correct\",\"entry\":3,\"reason\":\"Recounted.\",\"with\":{\"do\":\"vote\",\"stage\":\"check-1\","
                + "\"for\":85,\"against\":15,\"abstain\":0},\"at\":\"2026-12-10T19:05:00Z\"}");
        Path out = tmp.resolve("taken-back");
        AuditAndKeysTest.Run run = AuditAndKeysTest.cli("replay", write("taken-back.jsonl", book).toString(), "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("R1 open - -\n");
        assertThat(out.resolve("R1.verdict")).doesNotExist();
    }

    @Test
    void aBodyCountsTheCommunityOnceByItsLatestVerdict() throws Exception {
        List<String> book = book();
        Path v1 = replayed("first", book.subList(0, 6)).resolve("R1.verdict");
        Path v2 = replayed("whole", book).resolve("R1.verdict");
        Path roster = Verdicts.roster(tmp, "oak-2", Verdicts.dataFolderKey().publicKey(), "");
        Path result = tmp.resolve("result.tally");
        AuditAndKeysTest.Run combine = AuditAndKeysTest.cli("combine", "--roster", roster.toString(), "--resolution", "M-1",
                "--text-sha256", Meeting.textSha256(TEXT), v1.toString(), v2.toString(), "--out", result.toString());
        assertThat(combine.status()).as(combine.err()).isZero();
        JsonNode envelope = Json.MAPPER.readTree(Files.readAllBytes(result));
        JsonNode tally = Json.MAPPER.readTree(java.util.Base64.getDecoder().decode(envelope.path("payload").asText()));
        assertThat(tally.path("counts").path("reporting").asLong()).isEqualTo(1);
        assertThat(tally.path("counts").path("passed").asLong()).isEqualTo(1);
        assertThat(tally.path("counts").path("superseded").asLong()).isEqualTo(1);
        assertThat(tally.path("counts").path("conflicts").asLong()).isZero();
        List<String> carried = new ArrayList<>();
        for (JsonNode e : tally.path("verdicts")) carried.add(Chain.sha256(java.util.Base64.getDecoder().decode(e.path("payload").asText())));
        assertThat(carried).containsExactly(Chain.sha256(verified(v2).payload()));
    }

    @Test
    void auditChecksAnyVerdictAgainstTheWholeBook() throws Exception {
        List<String> book = book();
        Path v1 = replayed("first", book.subList(0, 6)).resolve("R1.verdict");
        Path whole = replayed("whole", book);
        AuditAndKeysTest.Run early = AuditAndKeysTest.cli("audit", v1.toString(), whole.resolve("record.jsonl").toString());
        assertThat(early.status()).as(early.err()).isZero();
        assertThat(early.out()).contains("audit passed").contains("meeting 1").contains("superseded by the verdict of meeting 2");
        AuditAndKeysTest.Run late = AuditAndKeysTest.cli("audit", whole.resolve("R1.verdict").toString(),
                whole.resolve("record.jsonl").toString());
        assertThat(late.status()).as(late.err()).isZero();
        assertThat(late.out()).contains("meeting 2").doesNotContain("superseded");
    }
}
