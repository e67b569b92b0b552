package org.folkmoot.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.folkmoot.combine.BodyRules;
import org.folkmoot.combine.RosterBook;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A body's proposal: made, read back, trusted only from an enrolled body, refused when changed in any byte. */
class ProposalTest {
    static final Roster.Body MILLBROOK = new Roster.Body("municipality", "M7", "Millbrook");
    static final CommunityKey BODY = CommunityKey.fromSeed(seed(7));
    static final CommunityKey OTHER = CommunityKey.fromSeed(seed(8));

    @TempDir
    Path tmp;

    static byte[] seed(int b) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) b);
        return s;
    }

    static Roster roster() throws Exception {
        return Roster.parse(RosterBook.plain(RosterBook.create("municipality", "M7", "Millbrook")));
    }

    static Proposal proposal(String text, BodyRules rules, CommunityKey key) throws Exception {
        return Proposal.issue(new Proposal.Draft(MILLBROOK, "M7-R4", "Sunday market", text, null, rules, roster(),
                LocalDate.of(2026, 12, 20)), "2026-12-02T10:00:00Z", key);
    }

    private Bodies enrolled(CommunityKey key) throws Exception {
        return Bodies.load(tmp).add(Bodies.readKeyFile(Bodies.keyFile(MILLBROOK, key), LocalDate.of(2026, 12, 1)));
    }

    @Test
    void aProposalCarriesWhatTheBodyStatedAndReadsBackTheSame() throws Exception {
        BodyRules strict = new BodyRules(new Fraction(19, 20), new Fraction(3, 4), new Fraction(1, 2), Basis.PRESENT,
                new Fraction(9, 10), new Fraction(2, 3), new Fraction(2, 3));
        Proposal p = proposal("We open the market on Sundays.", strict, BODY);
        Proposal read = Proposal.parse(p.file());
        assertThat(read.resolution()).isEqualTo("M7-R4");
        assertThat(read.title()).isEqualTo("Sunday market");
        assertThat(read.text()).isEqualTo("We open the market on Sundays.");
        assertThat(read.textSha256()).isEqualTo(Meeting.textSha256("We open the market on Sundays."));
        assertThat(read.proposer()).as("the body proposes it, unless a proposer is named").isEqualTo("Millbrook");
        assertThat(read.rules()).isEqualTo(strict);
        assertThat(read.body()).isEqualTo(MILLBROOK);
        assertThat(read.reportBy()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(read.rosterVersion()).isEqualTo(1);
        assertThat(read.rosterSha256()).isEqualTo(roster().sha256());
        assertThat(read.payloadSha256()).isEqualTo(org.folkmoot.record.Chain.sha256(read.payload()));
        assertThat(read.signedBy(BODY.publicKey())).isTrue();
        assertThat(read.signedBy(OTHER.publicKey())).isFalse();
        assertThat(Json.MAPPER.readTree(read.payload()).path("format").asText()).isEqualTo("folkmoot-proposal/1");
        assertThat(new String(p.file(), StandardCharsets.UTF_8)).contains(Dsse.PROPOSAL_TYPE);
    }

    @Test
    void aTextFileGivesTheSameTextWithOrWithoutItsFinalLineBreak() throws Exception {
        String text = "We open the market\non Sundays.";
        byte[] bare = text.getBytes(StandardCharsets.UTF_8);
        for (String ending : List.of("", "\n", "\r\n", "\r")) {
            String read = Proposal.textOf((text + ending).getBytes(StandardCharsets.UTF_8));
            assertThat(read).as("ending %s", ending.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(text);
            assertThat(Meeting.textSha256(read)).isEqualTo(Meeting.textSha256(new String(bare, StandardCharsets.UTF_8)));
        }
        assertThat(Proposal.textOf((text + "\n\n").getBytes(StandardCharsets.UTF_8))).as("only one line break is the editor's")
                .isEqualTo(text + "\n");
        assertThatThrownBy(() -> Proposal.textOf(new byte[] {'a', (byte) 0xC3})).hasMessageContaining("not UTF-8");
    }

    @Test
    void aProposalChangedInAnyOneByteIsRefused() throws Exception {
        Bodies bodies = enrolled(BODY);
        Proposal p = proposal("We open the market on Sundays.", BodyRules.defaults(), BODY);
        assertThat(bodies.check(p.file(), List.of()).proposal()).isEqualTo(p);
        byte[] file = p.file();
        for (int i = 0; i < file.length; i++) {
            for (byte to : new byte[] {(byte) (file[i] ^ 0x01), ' ', '\t', 'A', '0'}) {
                if (to == file[i]) continue;
                byte[] changed = file.clone();
                changed[i] = to;
                int at = i;
                assertThatThrownBy(() -> bodies.check(changed, List.of()))
                        .as("byte %d changed to %d", at, to).isInstanceOf(Proposal.Refused.class);
            }
        }
        // a changed payload is told as a changed file, whatever the changed bytes now say
        byte[] changed = file.clone();
        int at = new String(file, StandardCharsets.US_ASCII).indexOf("\"payload\":\"") + 12;
        changed[at] = (byte) (changed[at] == 'e' ? 'f' : 'e');
        assertThatThrownBy(() -> bodies.check(changed, List.of())).hasMessageContaining("changed after it was signed");
        byte[] longer = java.util.Arrays.copyOf(file, file.length + 1);
        longer[file.length] = ' ';
        assertThatThrownBy(() -> bodies.check(longer, List.of())).isInstanceOf(Proposal.Refused.class);
    }

    @Test
    void aProposalFromABodyNotEnrolledIsRefusedWithTheReason() throws Exception {
        Proposal p = proposal("We open the market on Sundays.", BodyRules.defaults(), OTHER);
        assertThatThrownBy(() -> Bodies.load(tmp).check(p.file(), List.of())).hasMessageContaining("enrolled no body's key yet");
        Bodies bodies = enrolled(BODY);
        // signed by another key but naming the enrolled body: changed, or another key
        assertThatThrownBy(() -> bodies.check(p.file(), List.of())).hasMessageContaining("does not hold for the key enrolled for Millbrook");
        Proposal fromRegion = Proposal.issue(new Proposal.Draft(new Roster.Body("region", "R2", "Uplands"), "R2-1", "Water",
                "Shared wells.", null, null, roster(), LocalDate.of(2027, 1, 5)), "2026-12-02T10:00:00Z", OTHER);
        assertThatThrownBy(() -> bodies.check(fromRegion.file(), List.of())).hasMessageContaining("holds for no body this Community enrolled");
        // the Region's key, once enrolled, takes it as it is
        Bodies both = bodies.add(Bodies.readKeyFile(Bodies.keyFile(new Roster.Body("region", "R2", "Uplands"), OTHER), LocalDate.now()));
        assertThat(both.check(fromRegion.file(), List.of()).enrolled().body().id()).isEqualTo("R2");
        assertThat(Bodies.load(tmp).all()).as("kept in the data folder").hasSize(2);
    }

    @Test
    void aKeyEnrolledForOneBodyDoesNotSignForAnother() throws Exception {
        Bodies bodies = enrolled(BODY);
        Proposal asRegion = Proposal.issue(new Proposal.Draft(new Roster.Body("region", "R2", "Uplands"), "R2-1", "Water",
                "Shared wells.", null, null, roster(), LocalDate.of(2027, 1, 5)), "2026-12-02T10:00:00Z", BODY);
        assertThatThrownBy(() -> bodies.check(asRegion.file(), List.of()))
                .hasMessageContaining("signed with the key enrolled for Millbrook (municipality M7), but it says it is from Uplands (region R2)");
    }

    @Test
    void aBodysKeyFileIsReadStrictly() throws Exception {
        Bodies.Body b = Bodies.readKeyFile(Bodies.keyFile(MILLBROOK, BODY), LocalDate.now());
        assertThat(b.keyId()).isEqualTo(BODY.keyId());
        assertThat(b.body()).isEqualTo(MILLBROOK);
        byte[] identity = new byte[32];
        identity[0] = 1;
        String small = "{\"format\":\"folkmoot-body-key/1\",\"publicKey\":\"" + Ed25519Keys.base64(identity) + "\"}";
        assertThatThrownBy(() -> Bodies.readKeyFile(small.getBytes(StandardCharsets.UTF_8), LocalDate.now())).hasMessageContaining("prime order");
        String wrongId = new String(Bodies.keyFile(MILLBROOK, BODY), StandardCharsets.UTF_8).replace(BODY.keyId(), OTHER.keyId());
        assertThatThrownBy(() -> Bodies.readKeyFile(wrongId.getBytes(StandardCharsets.UTF_8), LocalDate.now())).hasMessageContaining("was changed");
        assertThatThrownBy(() -> Bodies.readKeyFile("{\"format\":\"folkmoot-roster/1\"}".getBytes(StandardCharsets.UTF_8), LocalDate.now()))
                .hasMessageContaining("not a body's key file");
        Bodies once = Bodies.load(tmp).add(b);
        assertThatThrownBy(() -> once.add(b)).hasMessageContaining("already enrolled");
        assertThat(Bodies.load(tmp).remove(BODY.keyId()).all()).isEmpty();
        assertThat(Bodies.load(tmp).all()).isEmpty();
    }

    @Test
    void aPayloadWithAKeyThisProgramDoesNotReadOrALyingHashIsRefused() throws Exception {
        Proposal p = proposal("We open the market on Sundays.", BodyRules.defaults(), BODY);
        var payload = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(p.payload());
        payload.put("extra", 1);
        assertThatThrownBy(() -> Proposal.parse(Dsse.sign(Dsse.PROPOSAL_TYPE, Json.compact(payload).getBytes(StandardCharsets.UTF_8), BODY)))
                .hasMessageContaining("unknown key 'extra'");
        payload.remove("extra");
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("resolution")).put("text", "We close the market on Sundays.");
        assertThatThrownBy(() -> Proposal.parse(Dsse.sign(Dsse.PROPOSAL_TYPE, Json.compact(payload).getBytes(StandardCharsets.UTF_8), BODY)))
                .hasMessageContaining("textSha256 is not the SHA-256 of its text");
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("resolution")).put("text", "We open\u001b[2J");
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("resolution")).put("textSha256", Meeting.textSha256("We open\u001b[2J"));
        assertThatThrownBy(() -> Proposal.parse(Dsse.sign(Dsse.PROPOSAL_TYPE, Json.compact(payload).getBytes(StandardCharsets.UTF_8), BODY)))
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> Proposal.parse(Dsse.sign(Dsse.VERDICT_TYPE, p.payload(), BODY))).hasMessageContaining("not a proposal");
    }

    @Test
    void theShelfKeepsAPresentedProposalUnchanged() throws Exception {
        Proposal p = proposal("We open the market on Sundays.", BodyRules.defaults(), BODY);
        ProposalShelf shelf = new ProposalShelf(tmp);
        assertThat(shelf.find(p.payloadSha256())).isEmpty();
        shelf.keep(p);
        assertThat(shelf.find(p.payloadSha256())).contains(p);
        assertThat(Files.readAllBytes(tmp.resolve("proposals").resolve(p.payloadSha256() + ".proposal"))).isEqualTo(p.file());
        assertThat(shelf.find("../x")).isEmpty();
    }
}
