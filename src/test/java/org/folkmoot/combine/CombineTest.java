package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.folkmoot.combine.Communities.Decided.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.folkmoot.verdict.StreamingEd25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every sort a clerk meets: counted, refused (each with its reason), duplicate, conflicting, missing. */
class CombineTest {
    @TempDir
    Path tmp;

    private record Run(Combination.Summary summary, List<Combination.Refusal> refused, Path result, ObjectNode payload) {
        String reason(String fileEnd) {
            return refused.stream().filter(r -> r.file().endsWith(fileEnd)).map(Combination.Refusal::reason)
                    .findFirst().orElseThrow(() -> new AssertionError("not refused: " + fileEnd + " in " + refused));
        }
    }

    private Run combine(Roster roster, BodyRules rules, List<Path> inputs) throws Exception {
        CommunityKey body = CommunityKey.fromSeed(new byte[32]);
        Path out = tmp.resolve("result-" + System.nanoTime() + ".tally");
        try (Combination c = new Combination(roster, rules, Communities.RESOLUTION, Communities.SHA, tmp, null)) {
            c.read(inputs, 2);
            Combination.Summary s = c.summary();
            List<Combination.Refusal> refused = new ArrayList<>();
            c.refusals().forEach(refused::add);
            TallyWriter.write(out, c, s, new Roster.Body("municipality", "M1", "Municipality M1"), body);
            SignedFile envelope = SignedFile.parse(Files.readAllBytes(out));
            assertThat(envelope.payloadType()).isEqualTo(Dsse.TALLY_TYPE);
            assertThat(envelope.signedBy(body.publicKey())).as("the result is signed by the body").isTrue();
            return new Run(s, refused, out, (ObjectNode) Json.MAPPER.readTree(envelope.payload()));
        }
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = tmp.resolve("stick").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    private static List<String> ids(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> String.format("c%02d", i)).collect(Collectors.toList());
    }

    @Test
    void everySortOfFileIsSortedWithItsReason() throws Exception {
        Path rosterFile = Communities.roster(tmp.resolve("roster.json"), "M1", ids(13));
        ObjectNode r = RosterBook.load(rosterFile, List.of());
        RosterBook.revoke(r, "c08", null);
        Files.write(rosterFile, RosterBook.plain(r));

        byte[] c01 = Communities.verdict("c01", PASSED);
        write("c01.verdict", c01);
        write("copy/c01.verdict", c01);
        write("c02.verdict", Communities.verdict("c02", PASSED));
        write("c03.verdict", Communities.verdict("c03", PASSED_AMENDED));
        write("c04.verdict", Communities.verdict("c04", NOT_PASSED));
        write("c05.verdict", Communities.verdict("c05", TABLED));
        write("c06.verdict", Communities.verdict("c06", DISMISSED));
        write("c07.verdict", Communities.verdict("c07", WITHDRAWN));
        write("c08-revoked.verdict", Communities.verdict("c08", PASSED));
        // c09's payload, signed by someone else's key
        byte[] c09 = SignedFile.parse(Communities.verdict("c09", PASSED)).payload();
        write("c09-forged.verdict", Dsse.sign(Dsse.VERDICT_TYPE, c09, Communities.key("intruder")));
        write("c10-other-resolution.verdict", Communities.sign("c10",
                new String(Communities.payload(PASSED, "M-R2", Communities.TEXT, null), StandardCharsets.UTF_8)));
        write("c11-other-text.verdict", Communities.sign("c11",
                new String(Communities.payload(PASSED, Communities.RESOLUTION, "Another text.", null), StandardCharsets.UTF_8)));
        write("c12-a.verdict", Communities.verdict("c12", PASSED));
        write("c12-b.verdict", Communities.verdict("c12", NOT_PASSED));
        byte[] c02 = Communities.verdict("c02", PASSED);
        write("truncated.verdict", java.util.Arrays.copyOf(c02, c02.length / 2));
        write("notes.txt", "Bring the chairs back to the hall.\n".getBytes(StandardCharsets.UTF_8));
        write("stranger.verdict", Communities.verdict("stranger", PASSED));

        Run run = combine(Roster.read(rosterFile), BodyRules.defaults(), List.of(tmp.resolve("stick")));
        Combination.Summary s = run.summary();

        assertThat(s.count(Combination.Kind.PASSED)).isEqualTo(2);
        assertThat(s.count(Combination.Kind.PASSED_WITH_AMENDMENTS)).isEqualTo(1);
        assertThat(s.count(Combination.Kind.NOT_PASSED)).isEqualTo(1);
        assertThat(s.count(Combination.Kind.TABLED)).isEqualTo(1);
        assertThat(s.count(Combination.Kind.DISMISSED)).isEqualTo(1);
        assertThat(s.count(Combination.Kind.WITHDRAWN)).isEqualTo(1);
        assertThat(s.reporting()).isEqualTo(7);
        assertThat(s.duplicates()).as("the same file twice counts once").isEqualTo(1);
        assertThat(s.conflicts()).as("two different verdicts: counted for neither").containsExactly("c12");
        assertThat(s.missing()).containsExactly("c08", "c09", "c10", "c11", "c13");
        assertThat(s.refused()).isEqualTo(7);
        assertThat(run.reason("c08-revoked.verdict")).isEqualTo("the key of c08 is revoked");
        assertThat(run.reason("c09-forged.verdict")).isEqualTo("the signature does not hold for c09's key in the roster");
        assertThat(run.reason("c10-other-resolution.verdict")).contains("another resolution (M-R2, not M-R1)");
        assertThat(run.reason("c11-other-text.verdict")).contains("another text");
        assertThat(run.reason("truncated.verdict")).isEqualTo("the file is not JSON");
        assertThat(run.reason("notes.txt")).isEqualTo("the file is not JSON");
        assertThat(run.reason("stranger.verdict")).isEqualTo("the community stranger is not in the roster");
        // 7 of 13 report (a quorum), 2 of 7 passed the text as proposed
        assertThat(s.outcome()).isEqualTo("not-passed");
        assertThat(s.amendmentGroups()).singleElement().satisfies(g -> {
            assertThat(g.find()).isEqualTo("open on market days");
            assertThat(g.replace()).isEqualTo("open every day");
            assertThat(g.communities()).containsExactly("c03");
        });

        // the result: the counts as the format names them, and every counted verdict carried unchanged
        JsonNode counts = run.payload().get("counts");
        assertThat(counts.get("reporting").asLong()).isEqualTo(7);
        assertThat(counts.get("passedWithAmendments").asLong()).isEqualTo(1);
        assertThat(counts.get("refused").asLong()).isEqualTo(7);
        assertThat(counts.get("conflicts").asLong()).isEqualTo(1);
        assertThat(counts.get("missing").asLong()).isEqualTo(5);
        assertThat(run.payload().get("outcome").asText()).isEqualTo("not-passed");
        assertThat(run.payload().get("refused")).hasSize(7);
        assertThat(run.payload().get("verdicts")).hasSize(7);
        assertThat(Json.compact(run.payload().get("verdicts").get(0)))
                .isEqualTo(Json.compact(Json.MAPPER.readTree(c01)));
        assertThat(run.payload().get("rules").get("consensus").asText()).isEqualTo("9/10");
        assertThat(run.payload().get("roster").get("version").asLong()).isEqualTo(3); // made, 13 enrolled at once, 1 revoked
    }

    @Test
    void aLowerBodysResultIsCheckedVerdictByVerdictAndEachCommunityCountsOnce() throws Exception {
        List<String> a = List.of("a1", "a2", "a3");
        List<String> b = List.of("b1", "b2");
        Roster rosterA = Roster.read(Communities.roster(tmp.resolve("a.json"), "MA", a));
        Roster rosterB = Roster.read(Communities.roster(tmp.resolve("b.json"), "MB", b));
        List<Path> filesA = new ArrayList<>();
        for (String id : a) filesA.add(write("a/" + id + ".verdict", Communities.verdict(id, PASSED)));
        for (String id : b) write("b/" + id + ".verdict", Communities.verdict(id, PASSED));
        Run resultA = combine(rosterA, BodyRules.defaults(), List.of(tmp.resolve("stick/a")));
        Run resultB = combine(rosterB, BodyRules.defaults(), List.of(tmp.resolve("stick/b")));
        assertThat(resultA.summary().reporting()).isEqualTo(3);

        // the Municipality B's result with b2's verdict altered inside it, signed again by that body
        ObjectNode tampered = resultB.payload().deepCopy();
        ObjectNode inner = (ObjectNode) tampered.get("verdicts").get(1);
        String payload = new String(Base64.getDecoder().decode(inner.get("payload").asText()), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"title\":\"Seed library\"");
        inner.put("payload", Base64.getEncoder().encodeToString(payload.replace("\"title\":\"Seed library\"",
                "\"title\":\"Seed library, abolished\"").getBytes(StandardCharsets.UTF_8)));
        Path forgedB = tmp.resolve("region/MB.tally");
        Files.createDirectories(forgedB.getParent());
        Files.write(forgedB, Dsse.sign(Dsse.TALLY_TYPE, Json.compact(tampered).getBytes(StandardCharsets.UTF_8),
                CommunityKey.fromSeed(new byte[32])));
        Files.copy(resultA.result(), tmp.resolve("region/MA.tally"));
        Files.copy(filesA.get(0), tmp.resolve("region/a1-again.verdict"));

        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        Roster region = Roster.read(Communities.roster(tmp.resolve("region.json"), "R1", all));
        Run run = combine(region, BodyRules.defaults(), List.of(tmp.resolve("region")));
        assertThat(run.summary().reporting()).isEqualTo(4);
        assertThat(run.summary().count(Combination.Kind.PASSED)).isEqualTo(4);
        assertThat(run.summary().duplicates()).as("a1 came in its Municipality's result and on its own").isEqualTo(1);
        assertThat(run.summary().missing()).containsExactly("b2");
        assertThat(run.refused()).singleElement().satisfies(r -> {
            assertThat(r.file()).endsWith("MB.tally › verdict 2");
            assertThat(r.reason()).isEqualTo("the signature does not hold for b2's key in the roster");
        });
        assertThat(run.payload().get("verdicts")).hasSize(4);
    }

    @ParameterizedTest(name = "{0} of {1} pass of {2} in the roster: {3}")
    @CsvSource({
        "18, 20, 20, passed, consensus",      // exactly 9/10
        "17, 20, 20, passed, supermajority",  // one under 9/10, above 2/3
        "20, 30, 30, passed, supermajority",  // exactly 2/3
        "19, 30, 30, not-passed, ",           // one under 2/3
        "5, 5, 10, incomplete, ",             // exactly half the roster reports: no quorum
        "6, 6, 10, passed, consensus",        // one more: a quorum
    })
    void theBodysThresholdsAndQuorumAreExact(int passed, int reporting, int rostered, String outcome, String route) throws Exception {
        List<String> ids = ids(rostered);
        Roster roster = Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", ids));
        for (int i = 0; i < reporting; i++) {
            write(ids.get(i) + ".verdict", Communities.verdict(ids.get(i), i < passed ? PASSED : NOT_PASSED));
        }
        Combination.Summary s = combine(roster, BodyRules.defaults(), List.of(tmp.resolve("stick"))).summary();
        assertThat(s.reporting()).isEqualTo(reporting);
        assertThat(s.outcome()).isEqualTo(outcome);
        assertThat(s.route()).isEqualTo(route);
    }

    @Test
    void aVerdictDecidedUnderWeakerRulesIsRefusedAndAStricterOneCounts() throws Exception {
        Roster roster = Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", List.of("lax", "strict", "cast")));
        write("lax.verdict", Communities.sign("lax", new String(Communities.payload(PASSED, Communities.RESOLUTION,
                Communities.TEXT, "{\"consensus\":\"4/5\"}"), StandardCharsets.UTF_8)));
        write("strict.verdict", Communities.sign("strict", new String(Communities.payload(PASSED, Communities.RESOLUTION,
                Communities.TEXT, "{\"consensus\":\"19/20\",\"basis\":\"present\"}"), StandardCharsets.UTF_8)));
        write("cast.verdict", Communities.verdict("cast", PASSED));
        Run run = combine(roster, BodyRules.defaults(), List.of(tmp.resolve("stick")));
        assertThat(run.summary().reporting()).isEqualTo(2);
        assertThat(run.reason("lax.verdict")).startsWith("decided with a consensus threshold of 4/5, lower than the body's 9/10");

        BodyRules present = new BodyRules(new org.folkmoot.procedure.Fraction(9, 10), new org.folkmoot.procedure.Fraction(2, 3),
                new org.folkmoot.procedure.Fraction(1, 2), org.folkmoot.procedure.Basis.PRESENT,
                new org.folkmoot.procedure.Fraction(9, 10), new org.folkmoot.procedure.Fraction(2, 3),
                new org.folkmoot.procedure.Fraction(1, 2));
        Run byPresent = combine(roster, present, List.of(tmp.resolve("stick")));
        assertThat(byPresent.summary().reporting()).isEqualTo(1);
        assertThat(byPresent.reason("cast.verdict")).startsWith("decided on votes cast");
        assertThat(byPresent.payload().get("rules").get("basis").asText()).isEqualTo("present");
    }

    @Test
    void verdictsOfAnIndependentImplementationCountExactlyAsOurs() throws Exception {
        List<String> ids = List.of("ours-1", "ours-2", "theirs-1", "theirs-2");
        List<ObjectNode> entries = new ArrayList<>();
        List<byte[]> theirKeys = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith("ours")) {
                entries.add(Communities.exported(id));
                write(id + ".verdict", Communities.verdict(id, id.endsWith("1") ? PASSED : PASSED_AMENDED));
                continue;
            }
            // their own writer: the JDK's Ed25519, PAE by hand, indented JSON, URL-safe base64 without padding, no keyid
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] raw = raw((EdECPublicKey) pair.getPublic());
            theirKeys.add(raw);
            ObjectNode e = Communities.exported(id);
            e.put("publicKey", Base64.getEncoder().encodeToString(raw));
            entries.add(e);
            String template = new String(Communities.payload(id.endsWith("1") ? PASSED : PASSED_AMENDED, Communities.RESOLUTION,
                    Communities.TEXT, null), StandardCharsets.UTF_8);
            ObjectNode p = Json.object(template.strip());
            ((ObjectNode) p.get("community")).put("id", id).put("publicKey", Base64.getEncoder().encodeToString(raw)).remove("keyId");
            byte[] payload = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(p);
            String type = "application/vnd.folkmoot.verdict+json;version=1";
            byte[] pae = ("DSSEv1 " + type.length() + " " + type + " " + payload.length + " ").getBytes(StandardCharsets.UTF_8);
            byte[] message = new byte[pae.length + payload.length];
            System.arraycopy(pae, 0, message, 0, pae.length);
            System.arraycopy(payload, 0, message, pae.length, payload.length);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            String envelope = "{\n  \"payloadType\": \"" + type + "\",\n  \"payload\": \""
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "\",\n  \"signatures\": [ { \"sig\": \""
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign()) + "\" } ]\n}\n";
            write(id + ".verdict", envelope.getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode r = RosterBook.create("municipality", "M1", "M1");
        for (ObjectNode e : entries) RosterBook.enroll(r, e, LocalDate.of(2026, 1, 1));
        Path rosterFile = tmp.resolve("roster.json");
        Files.write(rosterFile, RosterBook.plain(r));

        Run run = combine(Roster.read(rosterFile), BodyRules.defaults(), List.of(tmp.resolve("stick")));
        assertThat(run.refused()).isEmpty();
        assertThat(run.summary().count(Combination.Kind.PASSED)).isEqualTo(2);
        assertThat(run.summary().count(Combination.Kind.PASSED_WITH_AMENDMENTS)).isEqualTo(2);
        assertThat(run.summary().amendmentGroups()).singleElement()
                .satisfies(g -> assertThat(g.communities()).containsExactly("ours-2", "theirs-2"));
        assertThat(theirKeys).hasSize(2);
    }

    @Test
    void whatFolkmootWritesBesideAVerdictIsPassedOverInAFolderButAStrangeFileIsRefused() throws Exception {
        Roster roster = Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", ids(2)));
        write("c01/c01.verdict", Communities.verdict("c01", PASSED));
        write("c01/minutes.pdf", "%PDF-1.7 the minutes".getBytes(StandardCharsets.UTF_8));
        write("c01/record.jsonl", "{\"format\":\"folkmoot-meeting/1\"}\n".getBytes(StandardCharsets.UTF_8));
        write("c01/c01.key.json", Json.compact(Communities.exported("c01")).getBytes(StandardCharsets.UTF_8));
        write("c02/c02.verdict", Communities.verdict("c02", PASSED));
        write("c02/notes.txt", "bring chairs".getBytes(StandardCharsets.UTF_8));

        Run run = combine(roster, BodyRules.defaults(), List.of(tmp.resolve("stick")));
        assertThat(run.summary().reporting()).isEqualTo(2);
        assertThat(run.summary().passedOver()).isEqualTo(3);
        assertThat(run.refused()).extracting(Combination.Refusal::file).singleElement().asString().endsWith("notes.txt");
        assertThat(SummaryText.lines(run.summary(), new Roster.Body("municipality", "M1", "Municipality M1")))
                .contains("Passed over: 3 files Folkmoot writes beside verdicts (minutes, meeting records, public keys, proposals)");

        // named on its own, a file is always read: the clerk asked for it
        Run named = combine(roster, BodyRules.defaults(), List.of(tmp.resolve("stick/c01/minutes.pdf")));
        assertThat(named.summary().passedOver()).isZero();
        assertThat(named.reason("minutes.pdf")).isEqualTo("the file is not JSON");
    }

    @Test
    void refusalsBeyondWhatIsSortedInMemoryAreMergedInOrder() throws Exception {
        Roster roster = Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", ids(1)));
        java.util.Random random = new java.util.Random(7);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String name = "junk-" + Integer.toString(random.nextInt(1_000_000), 36) + "-" + i + ".txt";
            names.add(name);
            write(name, ("not a verdict " + i).getBytes(StandardCharsets.UTF_8));
        }
        try (Combination c = new Combination(roster, BodyRules.defaults(), Communities.RESOLUTION, Communities.SHA, tmp, null)) {
            c.sortRefusalsInRunsOf(40); // seven runs on disk
            c.read(List.of(tmp.resolve("stick")), 2);
            List<String> refused = new ArrayList<>();
            for (Combination.Refusal r : c.refusals()) refused.add(r.file().substring(r.file().lastIndexOf('/') + 1));
            names.sort(null);
            assertThat(refused).isEqualTo(names);
            assertThat(c.summary().refused()).isEqualTo(250);
        }
    }

    @Test
    void aCommunityThatAdoptedTheSameChangeTwiceIsOneProposerOfIt() throws Exception {
        Roster roster = Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", ids(3)));
        ObjectNode p = Json.object(new String(Communities.payload(PASSED_AMENDED, Communities.RESOLUTION, Communities.TEXT, null),
                StandardCharsets.UTF_8).strip());
        com.fasterxml.jackson.databind.node.ArrayNode amendments = (com.fasterxml.jackson.databind.node.ArrayNode) p.get("amendments");
        amendments.add(amendments.get(0).deepCopy());
        write("c01.verdict", Communities.sign("c01", Json.compact(p)));
        write("c02.verdict", Communities.verdict("c02", PASSED_AMENDED));

        Run run = combine(roster, BodyRules.defaults(), List.of(tmp.resolve("stick")));
        assertThat(run.refused()).isEmpty();
        assertThat(run.summary().amendmentGroups()).singleElement()
                .satisfies(g -> assertThat(g.communities()).containsExactly("c01", "c02"));
    }

    @Test
    void theSameFilesGiveTheSameResultBytesAndTheResultVerifiesAsAStream() throws Exception {
        Roster roster = Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", ids(6)));
        for (String id : ids(5)) write(id + ".verdict", Communities.verdict(id, PASSED));
        Run first = combine(roster, BodyRules.defaults(), List.of(tmp.resolve("stick")));
        Run second = combine(roster, BodyRules.defaults(), List.of(tmp.resolve("stick")));
        assertThat(Files.readAllBytes(first.result())).isEqualTo(Files.readAllBytes(second.result()));

        SignedFile envelope = SignedFile.parse(Files.readAllBytes(first.result()));
        byte[] pae = Dsse.pae(envelope.payloadType(), envelope.payload());
        CommunityKey body = CommunityKey.fromSeed(new byte[32]);
        assertThat(StreamingEd25519.verify(body.publicKey(), d -> d.update(pae), envelope.signatures().get(0).sig())).isTrue();
        assertThat(Ed25519Keys.verify(body.publicKey(), pae, envelope.signatures().get(0).sig())).isTrue();
    }

    @Test
    void aRetiredKeySignsForItsDaysAndItsSuccessorAfter() throws Exception {
        ObjectNode r = RosterBook.create("municipality", "M1", "M1");
        RosterBook.enroll(r, Communities.exported("c1"), LocalDate.of(2026, 1, 1));
        RosterBook.enroll(r, Communities.exported("c2"), LocalDate.of(2026, 1, 1));
        // c1 gets a new key on 1 December: the old one is retired the day before, and still signs for 26 November
        ObjectNode renewed = Communities.exported("c1");
        renewed.put("publicKey", Ed25519Keys.base64(Communities.key("c1 renewed").publicKey()));
        RosterBook.enroll(r, renewed, LocalDate.of(2026, 12, 1));
        RosterBook.retire(r, "c2", LocalDate.of(2026, 11, 25));
        assertThat(r.get("version").asLong()).isEqualTo(5);
        Path rosterFile = tmp.resolve("roster.json");
        Files.write(rosterFile, RosterBook.plain(r));
        Roster roster = Roster.read(rosterFile);
        assertThat(roster.keys("c1")).hasSize(2);
        assertThat(roster.keys("c1").get(0).validUntil()).isEqualTo(LocalDate.of(2026, 11, 30));

        write("c1.verdict", Communities.verdict("c1", PASSED)); // of 26 November, by the old key
        write("c2.verdict", Communities.verdict("c2", PASSED)); // of 26 November, a day after c2's key was retired
        Run run = combine(roster, BodyRules.defaults(), List.of(tmp.resolve("stick")));
        assertThat(run.summary().reporting()).isEqualTo(1);
        assertThat(run.reason("c2.verdict")).isEqualTo("the key of c2 was valid until 2026-11-25, the verdict is of 2026-11-26");
        assertThat(run.summary().missing()).containsExactly("c2");

        try {
            RosterBook.enroll(r, renewed, LocalDate.of(2026, 12, 2));
            throw new AssertionError("enrolled twice");
        } catch (RosterBook.Refused e) {
            assertThat(e.getMessage()).isEqualTo("this key is already enrolled (for c1)");
        }
        assertThat(r.get("version").asLong()).as("a refused change changes nothing").isEqualTo(5);
    }

    /** A lower body's result of {@code ids} (each passing), counted by the body with key {@code new byte[32]}. */
    private Run lowerResult(String body, List<String> ids) throws Exception {
        for (String id : ids) write(body + "/" + id + ".verdict", Communities.verdict(id, PASSED));
        return combine(Roster.read(Communities.roster(tmp.resolve(body + ".json"), body, ids)), BodyRules.defaults(),
                List.of(tmp.resolve("stick/" + body)));
    }

    /** The result's payload as {@code payload} says, signed again by its body: what a lower body could send. */
    private Path resigned(String name, String payload) throws Exception {
        Path file = tmp.resolve("region/" + name);
        Files.createDirectories(file.getParent());
        Files.write(file, Dsse.sign(Dsse.TALLY_TYPE, payload.getBytes(StandardCharsets.UTF_8), CommunityKey.fromSeed(new byte[32])));
        return file;
    }

    /** c1's key retired on 25 November, c2's active: the roster a count of c1's later verdicts is checked against. */
    private Roster c1Retired(String body) throws Exception {
        ObjectNode r = RosterBook.create("municipality", body, body);
        RosterBook.enrollAll(r, List.of(Communities.exported("c1"), Communities.exported("c2")), LocalDate.of(2026, 1, 1));
        RosterBook.retire(r, "c1", LocalDate.of(2026, 11, 25));
        Path file = tmp.resolve(body + "-retired.json");
        Files.write(file, RosterBook.plain(r));
        return Roster.read(file);
    }

    /** c1's verdict of 26 November with its meeting date written as {@code date}, signed by c1's (old) key. */
    private static byte[] c1Dated(String date) throws Exception {
        ObjectNode p = (ObjectNode) Json.MAPPER.readTree(SignedFile.parse(Communities.verdict("c1", PASSED)).payload());
        ((ObjectNode) p.get("meeting")).put("date", date);
        return Dsse.sign(Dsse.VERDICT_TYPE, (Json.compact(p) + "\n").getBytes(StandardCharsets.UTF_8), Communities.key("c1"));
    }

    @Test
    void aRetiredKeysVerdictWhoseDateCannotBeReadIsRefusedAloneAndInsideAResult() throws Exception {
        // finding 3: refused when written 2026-12-01, counted when written "1 December 2026"
        write("dated.verdict", c1Dated("2026-12-01"));
        write("undated.verdict", c1Dated("1 December 2026"));
        // a forgery is refused as one, whatever its date says
        write("undated-forgery.verdict", Dsse.sign(Dsse.VERDICT_TYPE, SignedFile.parse(c1Dated("1 December 2026")).payload(),
                Communities.key("intruder")));
        Run alone = combine(c1Retired("M1"), BodyRules.defaults(), List.of(tmp.resolve("stick")));
        assertThat(alone.reason("dated.verdict")).isEqualTo("the key of c1 was valid until 2026-11-25, the verdict is of 2026-12-01");
        assertThat(alone.reason("undated.verdict")).isEqualTo("the meeting date '1 December 2026' cannot be read (YYYY-MM-DD)");
        assertThat(alone.reason("undated-forgery.verdict")).isEqualTo("the signature does not hold for c1's key in the roster");
        assertThat(alone.summary().reporting()).isZero();

        // the same verdict carried inside a lower body's result (signed again by that body)
        ObjectNode payload = lowerResult("MA", List.of("c2")).payload().deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) payload.get("verdicts")).insert(0, Json.MAPPER.readTree(c1Dated("1 December 2026")));
        resigned("MA.tally", Json.compact(payload));
        Run region = combine(c1Retired("R1"), BodyRules.defaults(), List.of(tmp.resolve("region")));
        assertThat(region.summary().reporting()).isEqualTo(1);
        assertThat(region.refused()).singleElement().satisfies(r -> {
            assertThat(r.file()).endsWith("MA.tally › verdict 1");
            assertThat(r.reason()).isEqualTo("the meeting date '1 December 2026' cannot be read (YYYY-MM-DD)");
        });
    }

    @Test
    void aResultWhoseVerdictsBeginWithANonObjectOrThatRepeatsAKeyIsRefusedNeverLost() throws Exception {
        // finding 10: such a result's valid verdicts were neither counted nor refused
        ObjectNode payload = lowerResult("MA", List.of("a1", "a2")).payload().deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode verdicts = (com.fasterxml.jackson.databind.node.ArrayNode) payload.get("verdicts");
        verdicts.insert(0, 5);
        verdicts.insert(2, "not an envelope");
        resigned("MA.tally", Json.compact(payload));
        Roster region = Roster.read(Communities.roster(tmp.resolve("region.json"), "R1", List.of("a1", "a2", "b1")));
        Run run = combine(region, BodyRules.defaults(), List.of(tmp.resolve("region")));
        assertThat(run.summary().reporting()).as("the envelopes beside them still count").isEqualTo(2);
        assertThat(run.reason("MA.tally › verdict 1")).isEqualTo("not a verdict envelope (a number)");
        assertThat(run.reason("MA.tally › verdict 3")).isEqualTo("not a verdict envelope (a string)");
        assertThat(run.summary().refused()).isEqualTo(2);

        // a key twice in the payload (or in an envelope it carries): the result refused whole, nothing of it counted
        String good = Json.compact(lowerResult("MB", List.of("a1", "a2")).payload());
        Files.delete(tmp.resolve("region/MA.tally"));
        resigned("MB-twice.tally", good.replace("\"verdicts\":[", "\"verdicts\":[],\"verdicts\":["));
        String envelopeTwice = good.replaceFirst("\\{\"payloadType\":", "{\"payloadType\":\"x\",\"payloadType\":");
        assertThat(envelopeTwice).isNotEqualTo(good);
        resigned("MB-envelope-twice.tally", envelopeTwice);
        resigned("MB-format.tally", good.replace("folkmoot-tally/1", "folkmoot-tally/9"));
        resigned("MB-deep.tally", good.replace("\"verdicts\":[", "\"deep\":" + "[".repeat(40) + "]".repeat(40) + ",\"verdicts\":["));
        Run twice = combine(region, BodyRules.defaults(), List.of(tmp.resolve("region")));
        assertThat(twice.summary().reporting()).isZero();
        assertThat(twice.reason("MB-twice.tally")).isEqualTo("the result's payload has a key twice (Duplicate field 'verdicts')");
        assertThat(twice.reason("MB-envelope-twice.tally")).isEqualTo("the result's payload has a key twice (Duplicate field 'payloadType')");
        assertThat(twice.reason("MB-format.tally")).isEqualTo("the result's format is not folkmoot-tally/1");
        assertThat(twice.reason("MB-deep.tally")).isEqualTo("the result's payload is JSON nested deeper than 32, or too large");
        assertThat(twice.summary().refused()).isEqualTo(4);
    }

    @Test
    void aResultPaddedBesideItsVerdictsIsRefusedAndALongHonestOneIsNot() throws Exception {
        // docs/signed-files.md bounds a result's size; read as decision 0006 reads it: padding is refused, lists are not
        ObjectNode payload = lowerResult("MP", List.of("a1", "a2")).payload().deepCopy();
        payload.put("padding", "x".repeat(2 * 1024 * 1024));
        Path padded = resigned("MP.tally", Json.compact(payload));
        Roster region = Roster.read(Communities.roster(tmp.resolve("region.json"), "R1", List.of("a1", "a2")));
        Run run = combine(region, BodyRules.defaults(), List.of(padded));
        assertThat(run.summary().reporting()).isZero();
        assertThat(run.reason("MP.tally")).startsWith("the result holds ").endsWith("more than its 0 listed entries allow (1 MiB and 8 KiB an entry)");
        assertThatThrownBy(() -> TallyVerifier.verify(padded, CommunityKey.fromSeed(new byte[32]).publicKey(), region, tmp))
                .isInstanceOf(SignedFile.Refused.class).hasMessageEndingWith("listed entries allow (1 MiB and 8 KiB an entry)");
        // an incomplete count of a large roster lists many missing Communities: a result of megabytes, and honest
        payload.remove("padding");
        com.fasterxml.jackson.databind.node.ArrayNode missing = payload.putArray("missing");
        for (int i = 0; i < 200_000; i++) missing.add(String.format("community-%07d", i));
        Path honest = resigned("MP-incomplete.tally", Json.compact(payload));
        assertThat(Files.size(honest)).isGreaterThan(2L * 1024 * 1024);
        Run plain = combine(region, BodyRules.defaults(), List.of(honest));
        assertThat(plain.summary().reporting()).as("%s", plain.refused()).isEqualTo(2);
        assertThat(TallyVerifier.verify(honest, CommunityKey.fromSeed(new byte[32]).publicKey(), null, tmp)).isNotNull();
    }

    @Test
    void aSymbolicLinkInAFolderIsCountedAsTheFileItNamesOrRefusedWithALine() throws Exception {
        // finding 10: a symlinked verdict in a folder was skipped without a word
        Roster roster = Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", List.of("c1", "c2")));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.write(elsewhere.resolve("c1.verdict"), Communities.verdict("c1", PASSED));
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Files.createSymbolicLink(stick.resolve("c1.verdict"), elsewhere.resolve("c1.verdict"));
        Files.createSymbolicLink(stick.resolve("gone.verdict"), tmp.resolve("nowhere.verdict"));
        Files.createSymbolicLink(stick.resolve("loop"), stick);
        Run run = combine(roster, BodyRules.defaults(), List.of(stick));
        assertThat(run.summary().reporting()).isEqualTo(1);
        assertThat(run.summary().missing()).containsExactly("c2");
        assertThat(run.reason("gone.verdict")).isEqualTo("a symbolic link to nothing that can be read, not counted");
        assertThat(run.reason("loop")).isEqualTo("a symbolic link to a folder, not followed");
        assertThat(run.summary().refused()).isEqualTo(2);
    }

    @Test
    void aVerdictWhoseOutcomeDoesNotFollowFromItsVotesIsRefusedInTheCount() throws Exception {
        // finding 10: "passed (consensus)" with 1 for and 100 against was counted
        ObjectNode p = (ObjectNode) Json.MAPPER.readTree(SignedFile.parse(Communities.verdict("c1", PASSED)).payload());
        ((ObjectNode) p.get("votes").get(0)).put("for", 1).put("against", 100).put("present", 101);
        write("c1.verdict", Dsse.sign(Dsse.VERDICT_TYPE, (Json.compact(p) + "\n").getBytes(StandardCharsets.UTF_8), Communities.key("c1")));
        write("c2.verdict", Communities.verdict("c2", NOT_PASSED));
        Run run = combine(Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", List.of("c1", "c2"))), BodyRules.defaults(),
                List.of(tmp.resolve("stick")));
        assertThat(run.reason("c1.verdict"))
                .isEqualTo("its outcome 'passed (consensus)' does not follow from its votes: 1 for, 100 against, threshold 9/10");
        assertThat(run.summary().reporting()).isEqualTo(1);
        assertThat(run.summary().count(Combination.Kind.NOT_PASSED)).isEqualTo(1);
    }

    private static byte[] raw(EdECPublicKey key) {
        byte[] y = key.getPoint().getY().toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, y.length); i++) out[i] = y[y.length - 1 - i];
        if (key.getPoint().isXOdd()) out[31] |= (byte) 0x80;
        return out;
    }
}
