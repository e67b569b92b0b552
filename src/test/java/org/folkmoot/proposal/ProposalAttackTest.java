package org.folkmoot.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.folkmoot.combine.Communities;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an attacker or a careless clerk brings as a proposal, a body's key file or a hand-edited {@code bodies.json}:
 * each refused with one line, never taken, never a failure of the program's own.
 */
class ProposalAttackTest {
    static final Roster.Body MILLBROOK = new Roster.Body("municipality", "M7", "Millbrook");
    static final CommunityKey BODY = CommunityKey.fromSeed(ProposalTest.seed(7));
    static final CommunityKey OTHER = CommunityKey.fromSeed(ProposalTest.seed(8));

    @TempDir
    Path tmp;

    private static Proposal.Draft draft(Roster.Body body, String title, String text, String proposer, LocalDate reportBy)
            throws Exception {
        return new Proposal.Draft(body, "M7-R4", title, text, proposer, null, ProposalTest.roster(), reportBy);
    }

    private static Proposal issue(Proposal.Draft d) throws Proposal.Refused {
        return Proposal.issue(d, "2026-12-02T10:00:00Z", BODY);
    }

    /** Millbrook's proposal with {@code change} made to its payload and signed again by its own key: only the content is wrong. */
    private static byte[] resigned(Consumer<ObjectNode> change) throws Exception {
        Proposal p = issue(draft(MILLBROOK, "Sunday market", "We open the market on Sundays.", null, LocalDate.of(2026, 12, 20)));
        ObjectNode payload = (ObjectNode) Json.MAPPER.readTree(p.payload());
        change.accept(payload);
        return Dsse.sign(Dsse.PROPOSAL_TYPE, Json.compact(payload).getBytes(StandardCharsets.UTF_8), BODY);
    }

    private static void text(ObjectNode payload, String text) {
        ((ObjectNode) payload.get("resolution")).put("text", text).put("textSha256", Meeting.textSha256(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "+999999999-12-31", "-0001-12-20", "2026-12-20T00:00:00Z"})
    void aDayToReportByIsADayWrittenYyyyMmDd(String day) throws Exception {
        // the result names the day as YYYY-MM-DD, and its verifier reads no other: a day past 9999 gave a result verify refused
        assertThatThrownBy(() -> Proposal.parse(resigned(p -> p.put("reportBy", day))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("reportBy").hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> issue(draft(MILLBROOK, "Sunday market", "We open.", null, LocalDate.of(10000, 1, 1))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("YYYY-MM-DD");
        assertThat(issue(draft(MILLBROOK, "Sunday market", "We open.", null, LocalDate.of(9999, 12, 31))).reportBy())
                .isEqualTo(LocalDate.of(9999, 12, 31));
    }

    @Test
    void theTextIsMeasuredAsTheVerdictsThatCarryItWriteIt() throws Exception {
        // 256 KiB of short lines: each line break is two bytes in a verdict's JSON, and it carries the text twice
        String lines = "a\n".repeat(Proposal.MAX_TEXT_BYTES / 2);
        assertThat(lines.getBytes(StandardCharsets.UTF_8)).hasSize(Proposal.MAX_TEXT_BYTES);
        byte[] verdict = Communities.verdictAt("c1", Communities.Decided.PASSED, "2026-12-01", lines, upstream(lines));
        assertThat((long) verdict.length).as("the verdict of such a text is over what any verifier reads").isGreaterThan(SignedFile.MAX_BYTES);
        assertThatThrownBy(() -> issue(draft(MILLBROOK, "Sunday market", lines, null, LocalDate.of(2026, 12, 20))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("256 KiB");
        String quotes = "\"".repeat(Proposal.MAX_TEXT_BYTES / 2 + 1);
        assertThatThrownBy(() -> issue(draft(MILLBROOK, "Sunday market", quotes, null, LocalDate.of(2026, 12, 20))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("256 KiB");

        // the longest text taken still gives a verdict every verifier reads
        String longest = "a\n".repeat(Proposal.MAX_TEXT_BYTES / 3 - 1000);
        Proposal p = issue(draft(MILLBROOK, "Sunday market", longest, null, LocalDate.of(2026, 12, 20)));
        byte[] fits = Communities.verdictAt("c1", Communities.Decided.PASSED, "2026-12-01", p.text(), upstream(p.text()));
        assertThat((long) fits.length).isLessThanOrEqualTo(SignedFile.MAX_BYTES);

        // a proposal signed elsewhere is held to the same limit when it is read
        String huge = "a".repeat(700 * 1024);
        assertThatThrownBy(() -> Proposal.parse(resigned(q -> text(q, huge))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("256 KiB");
        String title = "t".repeat(Proposal.MAX_TEXT_BYTES);
        assertThatThrownBy(() -> Proposal.parse(resigned(q -> ((ObjectNode) q.get("resolution")).put("title", title))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("256 KiB");
    }

    private static ObjectNode upstream(String text) {
        return Json.MAPPER.createObjectNode().put("level", "municipality").put("body", "M7").put("resolution", "M7-R4")
                .put("textSha256", Meeting.textSha256(text)).put("proposalSha256", "0".repeat(64));
    }

    @Test
    void aTitleIsNeededAndTheTitleTheProposerAndTheBodysNameAreOneLineEach() throws Exception {
        // each is printed on one line (proposal show, the console's source line, the count's proposal line): a line break
        // there writes a line of its own, "signed by …" included
        assertThatThrownBy(() -> Proposal.parse(resigned(p -> ((ObjectNode) p.get("resolution")).put("title", "  "))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("no title");
        assertThatThrownBy(() -> Proposal.parse(resigned(p -> ((ObjectNode) p.get("resolution"))
                .put("title", "Sunday market\n  signed by ed25519:0000000000000000 — enrolled for Uplands (region R2)"))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("title").hasMessageContaining("line break");
        assertThatThrownBy(() -> Proposal.parse(resigned(p -> ((ObjectNode) p.get("resolution")).put("proposer", "Council\rof all"))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("proposer").hasMessageContaining("line break");
        assertThatThrownBy(() -> Proposal.parse(resigned(p -> ((ObjectNode) p.get("body")).put("name", "Mill\u2028brook"))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("name").hasMessageContaining("line break");
        assertThatThrownBy(() -> issue(draft(MILLBROOK, "Sunday\nmarket", "We open.", null, LocalDate.of(2026, 12, 20))))
                .isInstanceOf(Proposal.Refused.class).hasMessageContaining("line break");
        // the text keeps its lines
        assertThat(Proposal.parse(resigned(p -> text(p, "We open.\n\nOn Sundays.\r\n"))).text()).isEqualTo("We open.\n\nOn Sundays.\r\n");
    }

    @Test
    void aBodyARosterNamesThatNoProposalMayCarryIsRefusedWhenTheProposalIsMade() throws Exception {
        // before: the proposal was signed, then could not be read back — "unexpected failure: IllegalStateException"
        for (Roster.Body body : new Roster.Body[] {new Roster.Body("municipality", "M7", "Mill\u0007brook"),
                new Roster.Body("municipality", "M".repeat(65), "Millbrook"), new Roster.Body("municipality", "M7\u2028", "Millbrook"),
                new Roster.Body("municipality", "M7", "Mill\nbrook")}) {
            assertThatThrownBy(() -> issue(draft(body, "Sunday market", "We open.", null, LocalDate.of(2026, 12, 20))))
                    .as(body.toString()).isInstanceOf(Proposal.Refused.class);
        }
    }

    private static String keyFile(String body) {
        return "{\"format\":\"folkmoot-body-key/1\"" + (body == null ? "" : ",\"body\":" + body) + ",\"publicKey\":\""
                + Ed25519Keys.base64(BODY.publicKey()) + "\",\"keyId\":\"" + BODY.keyId() + "\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"level\":\"municipality\",\"id\":\"M7\",\"name\":\"Mill\\u001b[2Jbrook\"}",
            "{\"level\":\"municipality\",\"id\":\"M7\",\"name\":\"Millbrook\\nfrom Uplands (region R2)\"}",
            "{\"level\":\"municipality\",\"id\":\"M7\",\"name\":\"Millbrook\",\"signsFor\":\"everyone\"}",
            "{\"level\":\"municipality\",\"id\":\"M7\",\"name\":7}",
            "{\"level\":\"municipality\",\"id\":7}"})
    void aBodysKeyFileNamesItsBodyPlainly(String body) throws Exception {
        // the name is printed by `bodies add`, `bodies show`, and the console when a proposal is taken
        assertThatThrownBy(() -> Bodies.readKeyFile(keyFile(body).getBytes(StandardCharsets.UTF_8), LocalDate.now()))
                .isInstanceOf(Proposal.Refused.class).hasMessageStartingWith("the body's key file");
        assertThat(Bodies.readKeyFile(keyFile("{\"level\":\"municipality\",\"id\":\"M7\",\"name\":\"Millbrook\"}")
                .getBytes(StandardCharsets.UTF_8), LocalDate.now()).body()).isEqualTo(MILLBROOK);
    }

    private String bodiesJson(String entry) {
        return "{\"format\":\"folkmoot-bodies/1\",\"bodies\":[" + entry + "]}";
    }

    private static String entry(CommunityKey key, String keyId, String more) {
        return "{\"body\":{\"level\":\"municipality\",\"id\":\"M7\",\"name\":\"Millbrook\"},\"publicKey\":\""
                + Ed25519Keys.base64(key.publicKey()) + "\",\"keyId\":\"" + keyId + "\",\"enrolled\":\"2026-12-01\"" + more + "}";
    }

    @Test
    void aBodiesFileEditedByHandIsRefusedNotReadAsSomethingElse() throws Exception {
        Bodies.load(tmp).add(Bodies.readKeyFile(Bodies.keyFile(MILLBROOK, BODY), LocalDate.of(2026, 12, 1)));
        Path file = tmp.resolve(Bodies.FILE);
        assertThat(Bodies.load(tmp).all()).hasSize(1);
        String[] edits = {
            bodiesJson(entry(OTHER, BODY.keyId(), "")),                          // the key changed, its id left
            bodiesJson(entry(BODY, BODY.keyId(), ",\"signsFor\":\"region R2\"")), // a key this program does not read
            bodiesJson(entry(BODY, BODY.keyId(), "") + "," + entry(BODY, BODY.keyId(), "")), // one key twice
            "{\"format\":\"folkmoot-bodies/1\",\"bodys\":[]}",                     // the list misspelled: not "none enrolled"
            "{\"format\":\"folkmoot-bodies/1\",\"bodies\":{\"a\":" + entry(BODY, BODY.keyId(), "") + "}}",
            bodiesJson(entry(BODY, BODY.keyId(), "").replace("Millbrook", "Mill\\u001b[2Jbrook")),
        };
        for (String edit : edits) {
            Files.writeString(file, edit);
            assertThatThrownBy(() -> Bodies.load(tmp)).as(edit).isInstanceOf(Proposal.Refused.class)
                    .hasMessageContaining(file.toString());
        }
        // refused, the file is never written over by an enrolment
        Files.writeString(file, edits[3]);
        assertThatThrownBy(() -> Bodies.load(tmp).add(Bodies.readKeyFile(Bodies.keyFile(MILLBROOK, OTHER), LocalDate.now())))
                .isInstanceOf(Proposal.Refused.class);
        assertThat(Files.readString(file)).isEqualTo(edits[3]);
    }

    @Test
    void aDamagedCopyOnTheShelfIsReplacedWhenTheProposalIsKeptAgain() throws Exception {
        Proposal p = issue(draft(MILLBROOK, "Sunday market", "We open the market on Sundays.", null, LocalDate.of(2026, 12, 20)));
        ProposalShelf shelf = new ProposalShelf(tmp);
        Path copy = Files.createDirectories(tmp.resolve("proposals")).resolve(p.payloadSha256() + ".proposal");
        // another proposal under this one's name (its name does not match its content): found as nothing
        Proposal other = issue(draft(MILLBROOK, "Sunday market", "We close the market on Sundays.", null, LocalDate.of(2026, 12, 20)));
        Files.write(copy, other.file());
        assertThat(shelf.find(p.payloadSha256())).isEmpty();
        shelf.keep(p);
        assertThat(shelf.find(p.payloadSha256())).contains(p);
        assertThat(Files.readAllBytes(copy)).isEqualTo(p.file());

        // a link in its place is replaced, the file it pointed to left as it was
        Path elsewhere = Files.write(tmp.resolve("elsewhere.proposal"), other.file());
        Files.delete(copy);
        Files.createSymbolicLink(copy, elsewhere);
        assertThat(shelf.find(p.payloadSha256())).isEmpty();
        shelf.keep(p);
        assertThat(Files.isSymbolicLink(copy)).isFalse();
        assertThat(shelf.find(p.payloadSha256())).contains(p);
        assertThat(Files.readAllBytes(elsewhere)).isEqualTo(other.file());
    }
}
