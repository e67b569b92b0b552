package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.folkmoot.combine.Communities.Decided.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Community's later verdict supersedes its earlier ones (docs/procedure.md, "Combining verdicts"): the latest
 * counts, the earlier are listed as superseded, and two that do not supersede one another are a conflict.
 */
class SupersedingTest {
    static final CommunityKey BODY = CommunityKey.fromSeed(new byte[32]);

    @TempDir
    Path tmp;

    private record Run(Combination.Summary summary, List<Combination.Refusal> refused, Path result, ObjectNode payload) {
    }

    private Run combine(Roster roster, List<Path> inputs, int threads) throws Exception {
        Path out = tmp.resolve("result-" + System.nanoTime() + ".tally");
        try (Combination c = new Combination(roster, BodyRules.defaults(), Communities.RESOLUTION, Communities.SHA, tmp, null,
                CheckedKeys.none())) {
            c.read(inputs, threads);
            Combination.Summary s = c.summary();
            List<Combination.Refusal> refused = new ArrayList<>();
            c.refusals().forEach(refused::add);
            TallyWriter.write(out, c, s, roster.body() == null ? new Roster.Body("municipality", "M1", "Municipality M1") : roster.body(), BODY);
            return new Run(s, refused, out, (ObjectNode) Json.MAPPER.readTree(SignedFile.parse(Files.readAllBytes(out)).payload()));
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = tmp.resolve("stick").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private Roster roster(String body, String... ids) throws Exception {
        return Roster.read(Communities.roster(tmp.resolve(body + ".json"), body, List.of(ids)));
    }

    private static String sha(byte[] verdict) {
        return Communities.payloadSha(verdict);
    }

    /** The result's list of superseded verdicts, as "community hash" lines. */
    private static List<String> superseded(Run run) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : run.payload().get("superseded")) out.add(e.get("community").asText() + " " + e.get("payloadSha256").asText());
        return out;
    }

    private static String carried(Run run, int i) {
        return Json.compact(run.payload().get("verdicts").get(i));
    }

    private static String envelope(byte[] verdict) throws Exception {
        return Json.compact(Json.MAPPER.readTree(verdict));
    }

    @Test
    void theLaterVerdictCountsAndTheEarlierIsSupersededInEitherOrder() throws Exception {
        Roster roster = roster("M1", "c01", "c02");
        byte[] v1 = Communities.verdict("c01", PASSED, "2026-11-26T21:00:00Z");
        byte[] v2 = Communities.verdict("c01", TABLED, "2026-12-03T21:00:00Z", sha(v1));
        Path f1 = write("v1.verdict", v1);
        Path f2 = write("v2.verdict", v2);
        Path other = write("c02.verdict", Communities.verdict("c02", PASSED));

        Run forward = combine(roster, List.of(f1, f2, other), 1);
        Run backward = combine(roster, List.of(f2, f1, other), 1);
        for (Run run : List.of(forward, backward)) {
            Combination.Summary s = run.summary();
            assertThat(s.reporting()).as("c01 once, by v2; c02").isEqualTo(2);
            assertThat(s.count(Combination.Kind.TABLED)).isEqualTo(1);
            assertThat(s.count(Combination.Kind.PASSED)).isEqualTo(1);
            assertThat(s.conflicts()).isEmpty();
            assertThat(s.duplicates()).isZero();
            assertThat(s.superseded()).containsExactly(new Combination.Superseded("c01", sha(v1)));
            assertThat(run.payload().get("counts").get("superseded").asLong()).isEqualTo(1);
            assertThat(run.payload().get("counts").get("conflicts").asLong()).isZero();
            assertThat(superseded(run)).containsExactly("c01 " + sha(v1));
            assertThat(run.payload().get("verdicts")).hasSize(2);
            assertThat(carried(run, 0)).as("the latest is the one carried").isEqualTo(envelope(v2));
        }
        assertThat(Files.readAllBytes(forward.result())).isEqualTo(Files.readAllBytes(backward.result()));
    }

    @Test
    void twoVerdictsThatSupersedeOnlyTheFirstAreAConflictUntilAThirdSupersedesBoth() throws Exception {
        Roster roster = roster("M1", "c01");
        byte[] v1 = Communities.verdict("c01", PASSED, "2026-11-26T21:00:00Z");
        byte[] v2a = Communities.verdict("c01", TABLED, "2026-12-03T21:00:00Z", sha(v1));
        byte[] v2b = Communities.verdict("c01", PASSED, "2026-12-03T21:30:00Z", sha(v1));
        List<Path> files = new ArrayList<>(List.of(write("v1.verdict", v1), write("v2a.verdict", v2a), write("v2b.verdict", v2b)));

        Run conflict = combine(roster, files, 2);
        assertThat(conflict.summary().conflicts()).containsExactly("c01");
        assertThat(conflict.summary().reporting()).isZero();
        assertThat(conflict.summary().missing()).isEmpty();
        assertThat(conflict.summary().superseded()).as("v1 is superseded whichever of the two stands")
                .containsExactly(new Combination.Superseded("c01", sha(v1)));
        assertThat(conflict.payload().get("verdicts")).as("neither side is carried").isEmpty();
        assertThat(conflict.payload().get("counts").get("conflicts").asLong()).isEqualTo(1);

        byte[] v3 = Communities.verdict("c01", NOT_PASSED, "2026-12-10T21:00:00Z", sha(v2a), sha(v2b));
        files.add(0, write("v3.verdict", v3));
        Run resolved = combine(roster, files, 2);
        assertThat(resolved.summary().conflicts()).isEmpty();
        assertThat(resolved.summary().reporting()).isEqualTo(1);
        assertThat(resolved.summary().count(Combination.Kind.NOT_PASSED)).isEqualTo(1);
        List<Combination.Superseded> expected = new ArrayList<>(List.of(new Combination.Superseded("c01", sha(v1)),
                new Combination.Superseded("c01", sha(v2a)), new Combination.Superseded("c01", sha(v2b))));
        expected.sort(java.util.Comparator.comparing(Combination.Superseded::payloadSha256));
        assertThat(resolved.summary().superseded()).as("sorted by community, then hash").containsExactlyElementsOf(expected);
        assertThat(resolved.payload().get("counts").get("superseded").asLong()).isEqualTo(3);
        assertThat(carried(resolved, 0)).isEqualTo(envelope(v3));
    }

    @Test
    void aChainWithItsMiddleMissingStillResolves() throws Exception {
        Roster roster = roster("M1", "c01");
        byte[] v1 = Communities.verdict("c01", PASSED, "2026-11-26T21:00:00Z");
        byte[] v2 = Communities.verdict("c01", TABLED, "2026-12-03T21:00:00Z", sha(v1));
        byte[] v3 = Communities.verdict("c01", NOT_PASSED, "2026-12-10T21:00:00Z", sha(v1), sha(v2));
        Run run = combine(roster, List.of(write("v3.verdict", v3), write("v1.verdict", v1)), 1);
        assertThat(run.summary().reporting()).isEqualTo(1);
        assertThat(run.summary().count(Combination.Kind.NOT_PASSED)).isEqualTo(1);
        assertThat(run.summary().conflicts()).isEmpty();
        assertThat(run.summary().superseded()).containsExactly(new Combination.Superseded("c01", sha(v1)));
        assertThat(carried(run, 0)).isEqualTo(envelope(v3));
    }

    @Test
    void copiesAreDuplicatesAndEarlierVerdictsSupersededEachCountedOnce() throws Exception {
        Roster roster = roster("M1", "c01", "c02");
        byte[] v1 = Communities.verdict("c01", PASSED, "2026-11-26T21:00:00Z");
        byte[] v2 = Communities.verdict("c01", TABLED, "2026-12-03T21:00:00Z", sha(v1));
        // v2's payload in a second envelope (another copy, signed again with a witness's signature beside it)
        SignedFile parsed = SignedFile.parse(v2);
        List<Dsse.Signature> both = new ArrayList<>(parsed.signatures());
        both.add(new Dsse.Signature("witness", Communities.key("witness").sign(Dsse.pae(Dsse.VERDICT_TYPE, parsed.payload()))));
        byte[] v2witnessed = Dsse.envelope(Dsse.VERDICT_TYPE, parsed.payload(), both);
        List<Path> files = List.of(write("a/v1.verdict", v1), write("b/v1.verdict", v1), write("a/v2.verdict", v2),
                write("b/v2.verdict", v2), write("c/v2.verdict", v2witnessed), write("c02.verdict", Communities.verdict("c02", PASSED)));
        Run run = combine(roster, files, 2);
        assertThat(run.summary().duplicates()).as("a second v1, a second and a third v2").isEqualTo(3);
        assertThat(run.summary().superseded()).containsExactly(new Combination.Superseded("c01", sha(v1)));
        assertThat(run.summary().reporting()).isEqualTo(2);
        assertThat(run.summary().conflicts()).isEmpty();
        // of v2's two envelopes, the one carried does not depend on which came first
        List<Path> backwards = new ArrayList<>(files);
        java.util.Collections.reverse(backwards);
        Run reversed = combine(roster, backwards, 1);
        assertThat(Files.readAllBytes(reversed.result())).isEqualTo(Files.readAllBytes(run.result()));
    }

    @Test
    void aSupersededVerdictRefusedForAnotherReasonStaysRefused() throws Exception {
        Roster roster = roster("M1", "c01", "c02");
        byte[] v1other = Communities.sign("c01", new String(Communities.payload(PASSED, "M-R2", Communities.TEXT, null), StandardCharsets.UTF_8));
        byte[] v2 = Communities.verdict("c01", TABLED, "2026-12-03T21:00:00Z", sha(v1other));
        // c02's later verdict is forged: it supersedes nothing, and c02's first verdict counts
        byte[] c02v1 = Communities.verdict("c02", PASSED, "2026-11-26T21:00:00Z");
        byte[] c02v2 = Dsse.sign(Dsse.VERDICT_TYPE, SignedFile.parse(Communities.verdict("c02", NOT_PASSED, "2026-12-03T21:00:00Z",
                sha(c02v1))).payload(), Communities.key("intruder"));
        Run run = combine(roster, List.of(write("v1other.verdict", v1other), write("v2.verdict", v2),
                write("c02v1.verdict", c02v1), write("c02v2.verdict", c02v2)), 2);
        assertThat(run.summary().superseded()).isEmpty();
        assertThat(run.summary().refused()).isEqualTo(2);
        assertThat(run.refused()).extracting(Combination.Refusal::reason)
                .anySatisfy(r -> assertThat(r).contains("another resolution"))
                .anySatisfy(r -> assertThat(r).isEqualTo("the signature does not hold for c02's key in the roster"));
        assertThat(run.summary().count(Combination.Kind.TABLED)).isEqualTo(1);
        assertThat(run.summary().count(Combination.Kind.PASSED)).isEqualTo(1);
        assertThat(run.payload().get("counts").get("superseded").asLong()).isZero();
        assertThat(run.payload().get("superseded")).isEmpty();
    }

    @Test
    void aRegionCountsTheCommunitysLaterVerdictOverTheOneItsMunicipalityCarries() throws Exception {
        byte[] a1v1 = Communities.verdict("a1", PASSED, "2026-11-26T21:00:00Z");
        byte[] a2 = Communities.verdict("a2", PASSED, "2026-11-26T21:00:00Z");
        Run municipality = combine(roster("MA", "a1", "a2"), List.of(write("a/a1.verdict", a1v1), write("a/a2.verdict", a2)), 1);
        assertThat(municipality.summary().reporting()).isEqualTo(2);
        byte[] a1v2 = Communities.verdict("a1", TABLED, "2026-12-03T21:00:00Z", sha(a1v1));
        Path region = Files.createDirectories(tmp.resolve("region"));
        Files.copy(municipality.result(), region.resolve("MA.tally"));
        Files.write(region.resolve("a1-later.verdict"), a1v2);

        Run run = combine(roster("R1", "a1", "a2"), List.of(region), 2);
        assertThat(run.refused()).isEmpty();
        assertThat(run.summary().reporting()).isEqualTo(2);
        assertThat(run.summary().count(Combination.Kind.TABLED)).isEqualTo(1);
        assertThat(run.summary().count(Combination.Kind.PASSED)).isEqualTo(1);
        assertThat(run.summary().superseded()).containsExactly(new Combination.Superseded("a1", sha(a1v1)));
        assertThat(carried(run, 0)).isEqualTo(envelope(a1v2));
        // and the Region's result verifies, its verdicts counted again
        TallyVerifier.Checked checked = TallyVerifier.verify(run.result(), BODY.publicKey(), roster("R1", "a1", "a2"), tmp);
        assertThat(checked.recounted()).isTrue();
    }

    @Test
    void theSummaryNamesWhatWasSupersededOnlyWhenSomethingWas() throws Exception {
        Roster roster = roster("M1", "c01", "c02");
        byte[] v1 = Communities.verdict("c01", PASSED, "2026-11-26T21:00:00Z");
        byte[] v2 = Communities.verdict("c01", TABLED, "2026-12-03T21:00:00Z", sha(v1));
        Path c02 = write("c02.verdict", Communities.verdict("c02", PASSED));
        Run with = combine(roster, List.of(write("v1.verdict", v1), write("v2.verdict", v2), c02), 1);
        assertThat(SummaryText.lines(with.summary(), null))
                .contains("Not counted: 0 refused, 0 duplicates, 1 superseded, 0 in conflict, 0 missing");
        Run without = combine(roster, List.of(write("v2.verdict", v2), c02), 1);
        assertThat(SummaryText.lines(without.summary(), null))
                .contains("Not counted: 0 refused, 0 duplicates, 0 in conflict, 0 missing");
    }

    // ---- a result's list of superseded verdicts, checked ------------------------------------------------------

    private Run supersededOnce() throws Exception {
        byte[] v1 = Communities.verdict("c01", PASSED, "2026-11-26T21:00:00Z");
        byte[] v2 = Communities.verdict("c01", TABLED, "2026-12-03T21:00:00Z", sha(v1));
        return combine(roster("M1", "c01", "c02", "c03"), List.of(write("v1.verdict", v1), write("v2.verdict", v2),
                write("c02.verdict", Communities.verdict("c02", PASSED))), 1);
    }

    /** The result's payload changed by {@code change}, signed again by the body. */
    private Path resigned(Run run, java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode p = run.payload().deepCopy();
        change.accept(p);
        Path file = tmp.resolve("changed-" + System.nanoTime() + ".tally");
        Files.write(file, Dsse.sign(Dsse.TALLY_TYPE, Json.compact(p).getBytes(StandardCharsets.UTF_8), BODY));
        return file;
    }

    private String refusal(Path result, Roster roster) {
        try {
            TallyVerifier.verify(result, BODY.publicKey(), roster, tmp);
            return null;
        } catch (SignedFile.Refused e) {
            return e.getMessage();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aResultWhoseSupersededListAndCountDisagreeIsRefusedWithOrWithoutTheRoster() throws Exception {
        Run run = supersededOnce();
        Roster roster = roster("M1", "c01", "c02", "c03");
        assertThat(refusal(run.result(), roster)).isNull();
        assertThat(refusal(run.result(), null)).isNull();

        Path counted2 = resigned(run, p -> ((ObjectNode) p.get("counts")).put("superseded", 2));
        assertThat(refusal(counted2, null)).isEqualTo("the result counts 2 superseded, but lists 1");
        assertThat(refusal(counted2, roster)).isEqualTo("the result counts 2 superseded, but lists 1");
        Path unlisted = resigned(run, p -> p.remove("superseded"));
        assertThat(refusal(unlisted, null)).isEqualTo("the result counts 1 superseded, but lists none");
        Path notAnEntry = resigned(run, p -> ((ArrayNode) p.get("superseded")).set(0, Json.MAPPER.getNodeFactory().textNode("c01")));
        assertThat(refusal(notAnEntry, null)).isEqualTo("the result's superseded list holds \"c01\", not {community, payloadSha256}");
        Path twice = resigned(run, p -> {
            ArrayNode list = (ArrayNode) p.get("superseded");
            list.add(list.get(0).deepCopy());
            ((ObjectNode) p.get("counts")).put("superseded", 2);
        });
        assertThat(refusal(twice, null)).isEqualTo("the result's superseded list is not sorted by community and hash, each once");
    }

    @Test
    void aResultThatListsAsSupersededWhatItDoesNotAccountForIsRefusedOnRecount() throws Exception {
        Run run = supersededOnce();
        Roster roster = roster("M1", "c01", "c02", "c03");
        String counted = Communities.payloadSha(Json.compact(run.payload().get("verdicts").get(0)).getBytes(StandardCharsets.UTF_8));

        Path missingOne = resigned(run, p -> ((ObjectNode) p.get("superseded").get(0)).put("community", "c03"));
        assertThat(refusal(missingOne, roster))
                .isEqualTo("the result lists a superseded verdict of c03, whose Community it neither counts nor shows in conflict");
        assertThat(refusal(missingOne, null)).as("without the roster, only its form is checked").isNull();
        Path stranger = resigned(run, p -> ((ObjectNode) p.get("superseded").get(0)).put("community", "c99"));
        assertThat(refusal(stranger, roster)).isEqualTo("the result lists a superseded verdict of c99, which is not in the roster");
        Path theCountedOne = resigned(run, p -> ((ObjectNode) p.get("superseded").get(0)).put("payloadSha256", counted));
        assertThat(refusal(theCountedOne, roster)).isEqualTo("the result lists the verdict of c01 it counts as superseded");
    }

    @Test
    void aResultThatCarriesASupersededVerdictIsRefusedOnRecount() throws Exception {
        byte[] v1 = Communities.verdict("c01", PASSED, "2026-11-26T21:00:00Z");
        Run run = supersededOnce();
        Roster roster = roster("M1", "c01", "c02", "c03");
        Path carriesBoth = resigned(run, p -> {
            try {
                ((ArrayNode) p.get("verdicts")).insert(0, Json.MAPPER.readTree(v1));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(refusal(carriesBoth, roster)).startsWith("the result carries a superseded verdict of c01");
    }
}
