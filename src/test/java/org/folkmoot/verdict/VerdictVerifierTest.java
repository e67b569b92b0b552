package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.folkmoot.record.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every refusal of docs/signed-files.md's last section, each with its reason. */
class VerdictVerifierTest {
    @TempDir
    Path tmp;

    Path verdict;
    byte[] bytes;
    CommunityKey key;

    @BeforeEach
    void replayAnExample() throws Exception {
        Verdicts.replay("bakery.jsonl", tmp.resolve("out"));
        verdict = tmp.resolve("out/B-1.verdict");
        bytes = Files.readAllBytes(verdict);
        key = Verdicts.dataFolderKey();
    }

    private String refusal(byte[] file) {
        try {
            VerdictVerifier.verify(SignedFile.parse(file), null, VerdictVerifier.Expected.ANY);
            return null;
        } catch (SignedFile.Refused e) {
            return e.getMessage();
        }
    }

    private byte[] signed(String payloadType, byte[] payload, byte[] sig) {
        return Dsse.envelope(payloadType, payload, List.of(new Dsse.Signature(key.keyId(), sig)));
    }

    private byte[] payload() throws SignedFile.Refused {
        return SignedFile.parse(bytes).payload();
    }

    @Test
    void aFreshVerdictVerifiesWithAndWithoutTheRoster() throws Exception {
        VerdictVerifier.Verified v = VerdictVerifier.verify(verdict, null, VerdictVerifier.Expected.ANY);
        assertThat(v.communityId()).isEqualTo("millbrook-2");
        assertThat(v.outcome()).isEqualTo("passed");
        assertThat(v.route()).isEqualTo("supermajority");
        assertThat(v.fingerprint()).matches("[0-9a-f]{4}( [0-9a-f]{4}){4}");
        Path roster = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), "");
        assertThat(VerdictVerifier.verify(verdict, Roster.read(roster), VerdictVerifier.Expected.ANY).rosterChecked()).isTrue();
    }

    @Test
    void everySingleByteChangedIsRefused() {
        for (int i = 0; i < bytes.length; i++) {
            for (int mask : new int[] {0x01, 0x80}) {
                byte[] changed = bytes.clone();
                changed[i] ^= (byte) mask;
                assertThat(refusal(changed)).as("byte %d ^ 0x%02x", i, mask).isNotNull();
            }
        }
    }

    @Test
    void signaturesOfSixtyThreeAndSixtyFiveBytesAreRefused() throws Exception {
        byte[] sig = key.sign(Dsse.pae(Dsse.VERDICT_TYPE, payload()));
        assertThat(refusal(signed(Dsse.VERDICT_TYPE, payload(), java.util.Arrays.copyOf(sig, 63))))
                .isEqualTo("a signature is 63 bytes, not 64");
        assertThat(refusal(signed(Dsse.VERDICT_TYPE, payload(), java.util.Arrays.copyOf(sig, 65))))
                .isEqualTo("a signature is 65 bytes, not 64");
        assertThat(refusal(signed(Dsse.VERDICT_TYPE, payload(), sig))).isNull();
    }

    @Test
    void aWrongOrUnknownPayloadTypeIsRefused() throws Exception {
        byte[] p = payload();
        assertThat(refusal(signed("application/vnd.folkmoot.verdict+json;version=2", p, key.sign(Dsse.pae("x", p)))))
                .isEqualTo("unknown payload type \"application/vnd.folkmoot.verdict+json;version=2\"");
        assertThat(refusal(signed("Application/vnd.folkmoot.verdict+json;version=1", p, key.sign(Dsse.pae("x", p)))))
                .startsWith("unknown payload type");
        assertThat(refusal(signed(Dsse.TALLY_TYPE, p, key.sign(Dsse.pae(Dsse.TALLY_TYPE, p)))))
                .startsWith("not a Community Verdict");
    }

    @Test
    void theKeyOfAnotherCommunityDoesNotHold() throws Exception {
        CommunityKey other = CommunityKey.fromSeed(Verdicts.SEED);
        Path roster = Verdicts.roster(tmp, "millbrook-2", other.publicKey(), "");
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, Roster.read(roster), VerdictVerifier.Expected.ANY))
                .hasMessage("the signature does not hold for millbrook-2's key in the roster");
        // signed by another key, the verdict claiming to be millbrook-2's
        byte[] forged = Dsse.sign(Dsse.VERDICT_TYPE, payload(), other);
        Path mine = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), "");
        assertThatThrownBy(() -> VerdictVerifier.verify(SignedFile.parse(forged), Roster.read(mine), VerdictVerifier.Expected.ANY))
                .hasMessage("the signature does not hold for millbrook-2's key in the roster");
        Path elsewhere = Verdicts.roster(tmp, "hillside-1", key.publicKey(), "");
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, Roster.read(elsewhere), VerdictVerifier.Expected.ANY))
                .hasMessage("the community millbrook-2 is not in the roster");
    }

    @Test
    void revokedAndExpiredKeysVerifyNothing() throws Exception {
        Path revoked = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), ",\"status\":\"revoked\"");
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, Roster.read(revoked), VerdictVerifier.Expected.ANY))
                .hasMessage("the key of millbrook-2 is revoked");
        Path retired = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), ",\"validUntil\":\"2026-11-01\",\"status\":\"retired\"");
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, Roster.read(retired), VerdictVerifier.Expected.ANY))
                .hasMessage("the key of millbrook-2 was valid until 2026-11-01, the verdict is of 2026-11-28");
        Path stillValid = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), ",\"validUntil\":\"2026-12-31\",\"status\":\"retired\"");
        assertThat(VerdictVerifier.verify(verdict, Roster.read(stillValid), VerdictVerifier.Expected.ANY)).isNotNull();
    }

    @Test
    void aVerdictForAnotherResolutionOrTextIsRefused() throws Exception {
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, null, new VerdictVerifier.Expected("B-2", null)))
                .hasMessage("the verdict is for another resolution (B-1, not B-2)");
        String sha = org.folkmoot.procedure.Meeting.textSha256("Another text.");
        assertThatThrownBy(() -> VerdictVerifier.verify(verdict, null, new VerdictVerifier.Expected(null, sha)))
                .hasMessageStartingWith("the verdict is for another text");
        String right = org.folkmoot.procedure.Meeting.textSha256("The Community opens a bakery in the old mill. "
                + "Bread is baked every morning. The bakery is run by volunteers.");
        assertThat(VerdictVerifier.verify(verdict, null, new VerdictVerifier.Expected("B-1", right))).isNotNull();
    }

    /** The bakery verdict, its resolution presented from body {@code upstream} names, signed again by the Community. */
    private SignedFile withUpstream(String upstream) throws Exception {
        ObjectNode p = (ObjectNode) Json.MAPPER.readTree(payload());
        ((ObjectNode) p.get("resolution")).set("upstream", Json.MAPPER.readTree(upstream));
        return SignedFile.parse(Dsse.sign(Dsse.VERDICT_TYPE, (Json.compact(p) + "\n").getBytes(StandardCharsets.UTF_8), key));
    }

    @Test
    void aVerdictAnswersABodysProposalOnlyWhenItsUpstreamNamesItInText() throws Exception {
        String sha = org.folkmoot.procedure.Meeting.textSha256("A text.");
        VerdictVerifier.Expected body7 = new VerdictVerifier.Expected("4", sha, "municipality", "7");
        String right = "{\"level\":\"municipality\",\"body\":\"7\",\"resolution\":\"4\",\"textSha256\":\"" + sha + "\"}";
        assertThat(VerdictVerifier.verify(withUpstream(right), null, body7)).isNotNull();
        // the same body, resolution and text spelled otherwise than as text: a number, null, upper-case hex
        for (String other : List.of(right.replace("\"body\":\"7\"", "\"body\":7"), right.replace("\"resolution\":\"4\"", "\"resolution\":4"),
                right.replace(sha, sha.toUpperCase(java.util.Locale.ROOT)))) {
            assertThatThrownBy(() -> VerdictVerifier.verify(withUpstream(other), null, body7)).as(other)
                    .isInstanceOf(SignedFile.Refused.class);
        }
        VerdictVerifier.Expected bodyNull = new VerdictVerifier.Expected("4", sha, "municipality", "null");
        assertThatThrownBy(() -> VerdictVerifier.verify(withUpstream(right.replace("\"body\":\"7\"", "\"body\":null")), null, bodyNull))
                .hasMessageContaining("not text");
    }

    @Test
    void duplicateKeysAreRefused() {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        String twice = text.replaceFirst("\\{\"payloadType\"", "{\"payloadType\":\"x\",\"payloadType\"");
        assertThat(refusal(twice.getBytes(StandardCharsets.UTF_8))).startsWith("the file has a key twice");
    }

    @Test
    void aPayloadWithDuplicateKeysIsRefusedEvenWhenSigned() throws Exception {
        String p = new String(payload(), StandardCharsets.UTF_8).replaceFirst("\\{\"format\"", "{\"outcome\":\"passed\",\"format\"");
        byte[] dup = p.getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(Dsse.sign(Dsse.VERDICT_TYPE, dup, key))).startsWith("the payload has a key twice");
    }

    @Test
    @Timeout(5)
    void jsonNestedAHundredThousandDeepIsRefusedQuickly() {
        byte[] deep = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        assertThat(refusal(deep)).isEqualTo("the file is JSON nested deeper than 32, or too large");
        byte[] deepObject = ("{\"a\":".repeat(40) + "1" + "}".repeat(40)).getBytes(StandardCharsets.US_ASCII);
        assertThat(refusal(deepObject)).contains("nested deeper than 32");
    }

    @Test
    @Timeout(5)
    void aOneGigabyteFileIsRefusedBeforeItIsRead() throws Exception {
        Path big = tmp.resolve("big.verdict");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1L << 30); // sparse: no gigabyte is written, none may be read
        }
        assertThatThrownBy(() -> VerdictVerifier.verify(big, null, VerdictVerifier.Expected.ANY))
                .hasMessage("too large: 1 GiB, a verdict is at most 1 MiB");
    }

    @Test
    void notUtf8NotJsonAndBadBase64AreRefused() {
        assertThat(refusal(new byte[] {(byte) 0xff, '{', '}'})).isEqualTo("the file is not UTF-8 text");
        assertThat(refusal("payload".getBytes(StandardCharsets.UTF_8))).isEqualTo("the file is not JSON");
        assertThat(refusal("{\"payloadType\":\"application/vnd.folkmoot.verdict+json;version=1\",\"payload\":\"***\",\"signatures\":[]}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("the payload is not base64");
    }

    @Test
    void aSignedPayloadMissingAKeyOrCountingMoreThanPresentIsRefused() throws Exception {
        ObjectNode p = SignedFile.object(payload(), "p");
        p.remove("votes");
        assertThat(refusal(Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(p).getBytes(StandardCharsets.UTF_8), key)))
                .isEqualTo("the payload misses the key 'votes'");

        ObjectNode q = SignedFile.object(payload(), "p");
        ((ObjectNode) ((ArrayNode) q.get("votes")).get(0)).put("present", 20);
        assertThat(refusal(Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(q).getBytes(StandardCharsets.UTF_8), key)))
                .isEqualTo("vote 6 counts 130 hands, but only 20 were present");

        ObjectNode r = SignedFile.object(payload(), "p");
        ((ObjectNode) r.get("resolution")).put("finalText", "Something else.");
        assertThat(refusal(Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(r).getBytes(StandardCharsets.UTF_8), key)))
                .isEqualTo("the resolution's finalText does not match its finalSha256");
    }

    @Test
    void theSameRecordAlwaysGivesTheSameVerdictBytes() throws Exception {
        Verdicts.replay("bakery.jsonl", tmp.resolve("again"));
        assertThat(Files.readAllBytes(tmp.resolve("again/B-1.verdict"))).isEqualTo(bytes);
        Verdicts.replayFile(tmp.resolve("out/record.jsonl"), tmp.resolve("from-record"));
        assertThat(Files.readAllBytes(tmp.resolve("from-record/B-1.verdict"))).isEqualTo(bytes);
    }

    /** The bakery's verdict changed by {@code change}, signed again by its own key: why it is refused, or null. */
    private String changed(java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode p = SignedFile.object(payload(), "p");
        change.accept(p);
        return refusal(Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(p).getBytes(StandardCharsets.UTF_8), key));
    }

    private static ObjectNode vote(ObjectNode p, int i) {
        return (ObjectNode) p.get("votes").get(i);
    }

    private static ObjectNode votes(ObjectNode p, long... tallies) {
        ArrayNode votes = p.putArray("votes");
        String[] stages = {"check-1", "check-2", "final", "contention"};
        for (int i = 0; i < tallies.length / 2; i++) {
            votes.addObject().put("seq", 6 + i).put("stage", stages[Math.min(i, 3)]).put("for", tallies[2 * i])
                    .put("against", tallies[2 * i + 1]).put("abstain", 0).put("present", 130);
        }
        p.remove("decidingVote");
        return p;
    }

    @Test
    void anOutcomeThatDoesNotFollowFromItsOwnVotesIsRefused() throws Exception {
        // finding 10: "passed (consensus)" with 1 for and 100 against was counted
        assertThat(changed(p -> votes(p, 1, 100).put("route", "consensus").putNull("objections")))
                .isEqualTo("its outcome 'passed (consensus)' does not follow from its votes: 1 for, 100 against, threshold 9/10");
        // passed by supermajority with a final vote under 2/3
        assertThat(changed(p -> vote(p, 2).put("for", 80).put("against", 45)))
                .isEqualTo("its outcome 'passed (supermajority)' does not follow from its votes: 80 for, 45 against, threshold 2/3");
        // not passed, its final vote passing
        assertThat(changed(p -> p.put("outcome", "not-passed").putNull("route").put("carriedForward", false)))
                .isEqualTo("its outcome 'not-passed' does not follow from its votes: 105 for, 20 against, threshold 2/3");
        // passed at check 2 (route amended) with a second check below 9/10
        assertThat(changed(p -> p.put("route", "amended")))
                .isEqualTo("its outcome 'passed (amended)' does not follow from its votes: 110 for, 15 against, threshold 9/10");
        // passed by consensus when check 1 fell short
        assertThat(changed(p -> p.put("route", "consensus")))
                .isEqualTo("its outcome 'passed (consensus)' does not follow from its votes: 100 for, 25 against, threshold 9/10");
        // tabled, the contention vote keeping it
        assertThat(changed(p -> p.put("outcome", "tabled").putNull("route").put("carriedForward", false)))
                .isEqualTo("its outcome 'tabled' does not follow from its votes: 90 for, 35 against, threshold 1/2");
        // withdrawn after its final vote passed it
        assertThat(changed(p -> p.put("outcome", "withdrawn").putNull("route").put("carriedForward", false)))
                .isEqualTo("its outcome 'withdrawn' does not follow from its votes: final vote 28 decided it (105 for, 20 against, threshold 2/3)");
        // under basis "present", the same counts measured against those present
        // 85 of 125 cast reaches 2/3; 85 of the 130 present does not
        assertThat(changed(p -> vote(p, 2).put("for", 85).put("against", 40))).isNull();
        assertThat(changed(p -> {
            vote(p, 2).put("for", 85).put("against", 40);
            ((ObjectNode) p.get("rules")).put("basis", "present");
        }))
                .isEqualTo("its outcome 'passed (supermajority)' does not follow from its votes: 85 for, 40 against, 130 present, "
                        + "threshold 2/3 of those present");
    }

    @Test
    void votesThatDoNotFollowTheLadderAreRefused() throws Exception {
        assertThat(changed(p -> vote(p, 0).put("stage", "check-2")))
                .isEqualTo("its votes do not follow the ladder: vote 6 is a check-2 vote where a check-1 vote comes next");
        assertThat(changed(p -> ((ArrayNode) p.get("votes")).remove(1)))
                .isEqualTo("its votes do not follow the ladder: vote 28 is a final vote where a check-2 vote comes next");
        assertThat(changed(p -> ((ObjectNode) p.get("objections")).put("dealBreakers", 11)))
                .isEqualTo("its objections (15 non-deal-breakers, 11 deal-breakers) do not add up to the 25 against at check 1");
        assertThat(changed(p -> p.putNull("objections")))
                .isEqualTo("its votes do not follow the ladder: vote 19 (check-2) follows a check 1 that failed, but no objections are recorded");
        assertThat(changed(p -> vote(p, 2).put("reached", false)))
                .isEqualTo("vote 28 says it did not reach its threshold, but 105 for, 20 against, threshold 2/3 reaches it");
        assertThat(changed(p -> p.put("decidingVote", 19))).isEqualTo("its deciding vote is 19, but its votes were decided by vote 28");
        assertThat(changed(p -> vote(p, 3).put("for", 30).put("against", 95)))
                .as("a contention vote that tables it, then still said passed")
                .isEqualTo("its outcome 'passed (supermajority)' does not follow from its votes: 105 for, 20 against, threshold 2/3");
        assertThat(changed(p -> p.put("outcome", "withdrawn").putNull("route").put("carriedForward", false).putNull("decidingVote")
                .putArray("votes"))).isEqualTo("it records objections, but no check 1 failed");
        // the rulebook skips check 2 when no one declared a non-deal-breaker: a final vote may follow check 1 then
        assertThat(changed(p -> {
            ((ArrayNode) p.get("votes")).remove(1);
            ((ObjectNode) p.get("objections")).put("nonDealBreakers", 0).put("dealBreakers", 25);
        })).isNull();
        assertThat(changed(p -> { })).isNull();
    }

    @Test
    void aMeetingDateThatCannotBeReadIsRefusedWithOrWithoutARoster() throws Exception {
        // finding 3: a retired key's verdict dated after its retirement was counted when its date could not be parsed
        Path retired = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), ",\"validUntil\":\"2026-11-01\",\"status\":\"retired\"");
        ObjectNode p = SignedFile.object(payload(), "p");
        ((ObjectNode) p.get("meeting")).put("date", "1 December 2026");
        SignedFile undated = SignedFile.parse(Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(p).getBytes(StandardCharsets.UTF_8), key));
        assertThatThrownBy(() -> VerdictVerifier.verify(undated, Roster.read(retired), VerdictVerifier.Expected.ANY))
                .hasMessage("the meeting date '1 December 2026' cannot be read (YYYY-MM-DD)");
        assertThatThrownBy(() -> VerdictVerifier.verify(undated, null, VerdictVerifier.Expected.ANY))
                .hasMessage("the meeting date '1 December 2026' cannot be read (YYYY-MM-DD)");
        assertThat(changed(q -> ((ObjectNode) q.get("meeting")).put("date", "2026-12-01 evening")))
                .isEqualTo("the meeting date '2026-12-01 evening' cannot be read (YYYY-MM-DD)");
        assertThat(changed(q -> ((ObjectNode) q.get("meeting")).put("date", 20261201)))
                .isEqualTo("the meeting date '20261201' cannot be read (YYYY-MM-DD)");
        assertThat(changed(q -> q.put("issuedAt", "soon"))).isEqualTo("its issuedAt 'soon' cannot be read (YYYY-MM-DDThh:mm:ssZ)");

        // no date at all: a key valid only until a day cannot be checked against it
        ObjectNode none = SignedFile.object(payload(), "p");
        ((ObjectNode) none.get("meeting")).putNull("date");
        none.putNull("issuedAt");
        SignedFile noDate = SignedFile.parse(Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(none).getBytes(StandardCharsets.UTF_8), key));
        assertThatThrownBy(() -> VerdictVerifier.verify(noDate, Roster.read(retired), VerdictVerifier.Expected.ANY))
                .hasMessage("the verdict gives no date (its meeting's, or issuedAt) to check the key of millbrook-2 against: it is valid until 2026-11-01");
        Path open = Verdicts.roster(tmp, "millbrook-2", key.publicKey(), "");
        assertThat(VerdictVerifier.verify(noDate, Roster.read(open), VerdictVerifier.Expected.ANY)).isNotNull();
        // with no meeting date, the day of issuedAt as written
        ObjectNode issued = SignedFile.object(payload(), "p");
        ((ObjectNode) issued.get("meeting")).putNull("date");
        SignedFile byIssued = SignedFile.parse(Dsse.sign(Dsse.VERDICT_TYPE, Json.compact(issued).getBytes(StandardCharsets.UTF_8), key));
        assertThatThrownBy(() -> VerdictVerifier.verify(byIssued, Roster.read(retired), VerdictVerifier.Expected.ANY))
                .hasMessage("the key of millbrook-2 was valid until 2026-11-01, the verdict is of 2026-11-28");
    }
}
