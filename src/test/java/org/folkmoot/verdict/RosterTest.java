package org.folkmoot.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.folkmoot.record.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rosters as large as the Collective's, read as a stream, with every check a small one gets. */
class RosterTest {
    @TempDir
    Path tmp;

    private static final CommunityKey BODY = CommunityKey.fromSeed(new byte[32]);

    /** A roster of {@code n} Communities (one key for all: the reader does not mind, enrolling does). */
    private static ObjectNode roster(int n) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("format", Roster.FORMAT);
        r.putObject("body").put("level", "collective").put("id", "C").put("name", "The Collective");
        r.put("version", 7);
        ArrayNode list = r.putArray("communities");
        String key = Ed25519Keys.base64(CommunityKey.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).publicKey());
        for (int i = 0; i < n; i++) {
            list.addObject().put("id", String.format("c%07d", i)).put("name", "Community " + i).put("members", 150)
                    .put("publicKey", key).putNull("validFrom").putNull("validUntil").put("status", "active");
        }
        return r;
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] json(ObjectNode r) {
        return Json.compact(r).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSignedRosterOfTwentyThousandCommunitiesIsRead() throws Exception {
        // its payload is some 4 MB of base64: more than a JSON string may be in a verdict
        Path file = write("c.roster.signed", Dsse.sign(Dsse.ROSTER_TYPE, json(roster(20_000)), BODY));
        assertThat(Files.size(file)).isGreaterThan(4L * 1024 * 1024);

        Roster r = Roster.read(file, List.of(BODY.publicKey()));
        assertThat(r.size()).isEqualTo(20_000);
        assertThat(r.version()).isEqualTo(7);
        assertThat(r.body()).isEqualTo(new Roster.Body("collective", "C", "The Collective"));
        assertThat(r.signedBy()).isEqualTo(BODY.keyId());
        assertThat(r.community("c0019999")).get().extracting(Roster.Entry::name).isEqualTo("Community 19999");
        assertThat(r.sha256()).isEqualTo(org.folkmoot.record.Chain.sha256(Files.readAllBytes(file)));
        assertThat(Roster.readJson(file, List.of(BODY.publicKey())).get("communities")).hasSize(20_000);
    }

    @Test
    void aSignedRosterIsTakenOnlyFromTheBodysKey() throws Exception {
        byte[] signed = Dsse.sign(Dsse.ROSTER_TYPE, json(roster(3)), BODY);
        Path file = write("r.signed", signed);
        CommunityKey other = CommunityKey.fromSeed(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
            9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
        assertThatThrownBy(() -> Roster.read(file)).hasMessage("the roster is signed: give the body's public key (--roster-key) to check it");
        assertThatThrownBy(() -> Roster.read(file, List.of(other.publicKey())))
                .hasMessage("the roster's signature does not hold for the key " + other.keyId()
                        + " (this laptop's body key, or --roster-key KEY with the public key of the body that signed it)");

        // one Community's name changed inside the signed payload
        ObjectNode envelope = Json.object(new String(signed, StandardCharsets.UTF_8).strip());
        String payload = new String(Base64.getDecoder().decode(envelope.get("payload").asText()), StandardCharsets.UTF_8);
        envelope.put("payload", Base64.getEncoder().encodeToString(payload.replace("Community 1", "Community X").getBytes(StandardCharsets.UTF_8)));
        Path tampered = write("tampered.signed", json(envelope));
        assertThatThrownBy(() -> Roster.read(tampered, List.of(BODY.publicKey())))
                .hasMessageStartingWith("the roster's signature does not hold for the key " + BODY.keyId());

        // URL-safe base64 without padding, as another implementation may write it
        envelope.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
        Path urlSafe = write("url-safe.signed", json(envelope));
        assertThat(Roster.read(urlSafe, List.of(BODY.publicKey())).size()).isEqualTo(3);
    }

    @Test
    void aDamagedRosterIsRefusedWithOneLine() throws Exception {
        String good = new String(json(roster(2)), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Roster.read(write("twice.json", good.replace("\"version\":7", "\"version\":7,\"version\":8")
                .getBytes(StandardCharsets.UTF_8)))).hasMessageStartingWith("the roster has a key twice");
        assertThatThrownBy(() -> Roster.read(write("cut.json", good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8))))
                .hasMessage("the roster is not JSON");
        assertThatThrownBy(() -> Roster.read(write("format.json", good.replace(Roster.FORMAT, "something-else/1")
                .getBytes(StandardCharsets.UTF_8)))).hasMessage("the roster's format is not " + Roster.FORMAT);
        ObjectNode noList = roster(0);
        noList.remove("communities");
        assertThatThrownBy(() -> Roster.read(write("nolist.json", json(noList)))).hasMessage("the roster lists no communities");
        ObjectNode badKey = roster(1);
        ((ObjectNode) badKey.get("communities").get(0)).put("publicKey", "AAAA");
        assertThatThrownBy(() -> Roster.read(write("badkey.json", json(badKey))))
                .hasMessage("the roster entry c0000000 has no 32-byte public key");
    }

    @Test
    void aCommunityListedTwiceKeepsBothKeysOldestFirst() throws Exception {
        ObjectNode r = roster(2);
        ObjectNode second = ((ObjectNode) r.get("communities").get(0)).deepCopy();
        second.put("publicKey", Ed25519Keys.base64(BODY.publicKey()));
        ((ObjectNode) r.get("communities").get(0)).put("validUntil", "2026-06-30").put("status", "retired");
        ((ArrayNode) r.get("communities")).add(second);
        Roster read = Roster.read(write("two-keys.json", json(r)));
        assertThat(read.size()).isEqualTo(2);
        assertThat(read.keys("c0000000")).extracting(Roster.Entry::status).containsExactly("retired", "active");
        assertThat(read.community("c0000000")).get().extracting(Roster.Entry::publicKey).isEqualTo(BODY.publicKey());
        // a Community's place is that of its first entry; the second key adds no Community
        assertThat(read.index("c0000000")).isZero();
        assertThat(read.index("c0000001")).isEqualTo(1);
        assertThat(read.index("c0000002")).isEqualTo(-1);
        assertThat(read.ids()).containsExactly("c0000000", "c0000001");
    }

    @Test
    void communitiesAreFoundByIdAndListedInTheirIdsOrder() throws Exception {
        ObjectNode r = roster(0);
        for (String id : new String[] {"zeta", "alpha", "mid", "Alpha", "été"}) {
            ((ArrayNode) r.get("communities")).addObject().put("id", id).put("name", id.equals("mid") ? "Middle" : id)
                    .put("publicKey", Ed25519Keys.base64(BODY.publicKey()));
        }
        Roster read = Roster.read(write("order.json", json(r)));
        assertThat(read.ids()).containsExactly("zeta", "alpha", "mid", "Alpha", "été"); // the file's order
        int[] byId = read.indexesById();
        assertThat(java.util.Arrays.stream(byId).mapToObj(read::id).toList()).containsExactly("Alpha", "alpha", "mid", "zeta", "été");
        for (String id : read.ids()) assertThat(read.id(read.index(id))).isEqualTo(id);
        assertThat(read.community("mid")).get().extracting(Roster.Entry::name).isEqualTo("Middle");
        assertThat(read.community("été")).get().extracting(Roster.Entry::name, Roster.Entry::status).containsExactly("été", "active");
        assertThat(read.keys("nobody")).isEmpty();
    }

    @Test
    void statusesDatesAndVersionsThatCannotBeReadRefuseTheRosterNamingTheEntry() throws Exception {
        for (String status : new String[] {"Revoked", "suspended", "", "active "}) {
            ObjectNode r = roster(2);
            ((ObjectNode) r.get("communities").get(1)).put("status", status);
            assertThatThrownBy(() -> Roster.read(write("status.json", json(r))))
                    .hasMessage("the roster entry c0000001 has the status \"" + status + "\"; a key is active, retired or revoked");
        }
        ObjectNode number = roster(1);
        ((ObjectNode) number.get("communities").get(0)).put("status", 3);
        assertThatThrownBy(() -> Roster.read(write("number.json", json(number))))
                .hasMessage("the roster entry c0000000 has the status 3; a key is active, retired or revoked");
        ObjectNode retired = roster(1);
        ((ObjectNode) retired.get("communities").get(0)).put("status", "retired");
        assertThatThrownBy(() -> Roster.read(write("retired.json", json(retired))))
                .hasMessage("the roster entry c0000000 is retired but gives no validUntil");
        for (String date : new String[] {"tomorrow", "2026-02-30", "2026-01-01T00:00:00Z", "26-01-01"}) {
            ObjectNode r = roster(1);
            ((ObjectNode) r.get("communities").get(0)).put("validUntil", date);
            assertThatThrownBy(() -> Roster.read(write("date.json", json(r))))
                    .hasMessage("the roster entry c0000000 has a validUntil that cannot be read (YYYY-MM-DD): " + date);
        }
        ObjectNode version = roster(1);
        version.put("version", "7");
        assertThatThrownBy(() -> Roster.read(write("version.json", json(version)))).hasMessage("the roster's version is not a whole number");
    }

    @Test
    void aPlainRosterAndItsSignedEnvelopeSayTheSameAndAnyChangedEntryDoesNot() throws Exception {
        Roster plain = Roster.read(write("plain.json", json(roster(3))));
        Roster signed = Roster.read(write("signed", Dsse.sign(Dsse.ROSTER_TYPE, json(roster(3)), BODY)), List.of(BODY.publicKey()));
        assertThat(plain.sha256()).isNotEqualTo(signed.sha256());
        assertThat(plain.contentSha256()).isEqualTo(signed.contentSha256()).matches("[0-9a-f]{64}");
        ObjectNode revoked = roster(3);
        ((ObjectNode) revoked.get("communities").get(2)).put("status", "revoked");
        assertThat(Roster.read(write("revoked.json", json(revoked))).contentSha256()).isNotEqualTo(plain.contentSha256());
        ObjectNode renamed = roster(3);
        ((ObjectNode) renamed.get("body")).put("id", "D");
        assertThat(Roster.read(write("renamed.json", json(renamed))).contentSha256()).isNotEqualTo(plain.contentSha256());
    }

    private Roster signedVersion(long version, String lastStatus) throws Exception {
        ObjectNode r = roster(2);
        r.put("version", version);
        ((ObjectNode) r.get("communities").get(1)).put("status", lastStatus);
        return Roster.read(write("v" + version + lastStatus, Dsse.sign(Dsse.ROSTER_TYPE, json(r), BODY)), List.of(BODY.publicKey()));
    }

    @Test
    void theHistoryRefusesAnOlderRosterOrAnotherOfTheSameVersionAndKeepsTheHighest() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        RosterHistory history = new RosterHistory(home);
        assertThat(history.known("collective", "C")).isNull();
        history.take(signedVersion(7, "active"));
        assertThat(history.known("collective", "C").version()).isEqualTo(7);
        history.take(signedVersion(9, "revoked"));
        assertThatThrownBy(() -> history.take(signedVersion(7, "active")))
                .hasMessage("version 7 of collective C's roster is older than version 9, which this laptop has seen: "
                        + "an older roster may list keys a newer one revoked");
        assertThatThrownBy(() -> history.take(signedVersion(9, "active")))
                .hasMessage("this is not the version 9 of collective C's roster that this laptop has seen (its entries differ): a version is signed once");
        assertThat(history.take(signedVersion(9, "revoked")).version()).isEqualTo(9);
        // a plain roster is held to what was seen but raises nothing
        ObjectNode plain = roster(2);
        plain.put("version", 50);
        history.take(Roster.read(write("plain50.json", json(plain))));
        assertThat(history.known("collective", "C").version()).isEqualTo(9);
        // another body of the same id at another level is another roster
        assertThat(history.known("region", "C")).isNull();
        // kept on disk: a new reader of the same folder knows it
        assertThat(new RosterHistory(home).known("collective", "C").version()).isEqualTo(9);

        // signing: only above every version signed or seen here
        assertThatThrownBy(() -> history.sign(new Roster.Body("collective", "C", "x"), 9, "00", () -> { }))
                .hasMessageStartingWith("version 9 of C's roster is not above 9, the highest this laptop has signed or seen");
        boolean[] written = {false};
        history.sign(new Roster.Body("collective", "C", "x"), 10, "00", () -> written[0] = true);
        assertThat(written[0]).isTrue();
        assertThat(history.known("collective", "C")).isEqualTo(new RosterHistory.Known(10, "00", true));
    }

    @Test
    void whatRosterSignKeptBeforeStillCountsAndADamagedHistoryIsRefused() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("old-home"));
        Files.writeString(home.resolve("rosters-signed.json"), "{\"C\":8}\n");
        RosterHistory history = new RosterHistory(home);
        assertThatThrownBy(() -> history.take(signedVersion(7, "active"))).hasMessageStartingWith("version 7 of collective C's roster is older than version 8");
        history.take(signedVersion(8, "active"));
        history.take(signedVersion(9, "active"));
        assertThat(history.known("collective", "C").version()).isEqualTo(9);

        Files.writeString(home.resolve("rosters.json"), "{\"format\":\"folkmoot-roster-history/1\",\"bod");
        assertThatThrownBy(() -> history.take(signedVersion(9, "active")))
                .hasMessageStartingWith("the list of rosters this laptop has signed or seen (" + home.resolve("rosters.json") + ") cannot be used: ");
    }
}
