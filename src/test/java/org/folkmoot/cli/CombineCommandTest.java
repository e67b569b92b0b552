package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.folkmoot.combine.Communities;
import org.folkmoot.combine.RosterBook;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.DataFolder;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clerk's roster kept from the command line, signed, and a resolution counted against it. */
class CombineCommandTest {
    @TempDir
    Path tmp;

    private Path exported(String id) throws Exception {
        Path file = tmp.resolve(id + ".key.json");
        Files.writeString(file, Json.compact(Communities.exported(id)) + "\n");
        return file;
    }

    @Test
    void aRosterIsKeptSignedAndCountedAgainst() throws Exception {
        Path roster = tmp.resolve("m7.roster.json");
        String r = roster.toString();
        assertThat(Cli.run("roster", "new", r, "--level", "municipality", "--id", "M7-" + System.nanoTime(), "--name", "Millbrook").status()).isZero();
        assertThat(Cli.run("roster", "new", r, "--level", "municipality", "--id", "M7").err()).contains("already exists");

        Cli enrolled = Cli.run("roster", "enroll", r, exported("c1").toString());
        assertThat(enrolled.status()).isZero();
        assertThat(enrolled.out()).contains("enrolled Community c1 (c1), 150 members, key " + Communities.key("c1").keyId())
                .contains("read each key id against the one printed on that Community's minutes").contains("version 2");
        // a day's enrolments at once: all of them, one version
        Cli three = Cli.run("roster", "enroll", r, exported("c2").toString(), exported("c3").toString(), exported("c4").toString());
        assertThat(three.status()).as(three.err()).isZero();
        assertThat(three.out()).contains("enrolled Community c4 (c4)").contains("version 3");
        // one refused among several: none enrolled, the roster as it was
        byte[] before = Files.readAllBytes(roster);
        Cli again = Cli.run("roster", "enroll", r, exported("c5").toString(), exported("c2").toString());
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.err()).contains("this key is already enrolled (for c2)");
        assertThat(Files.readAllBytes(roster)).isEqualTo(before);
        assertThat(Cli.run("roster", "revoke", r, "c4").out()).contains("revoked the key of c4").contains("version 4");
        Cli retire = Cli.run("roster", "retire", r, "nobody");
        assertThat(retire.status()).isEqualTo(2);
        assertThat(retire.err()).contains("nobody is not in the roster");

        Path signed = tmp.resolve("m7.roster.signed");
        Cli sign = Cli.run("roster", "sign", r, "--out", signed.toString());
        assertThat(sign.status()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("signed version 4");
        assertThat(SignedFile.parse(Files.readAllBytes(signed)).payloadType()).isEqualTo(Dsse.ROSTER_TYPE);
        Cli twice = Cli.run("roster", "sign", r, "--out", signed.toString());
        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.err()).contains("is not above 4, the last one signed here");
        assertThat(Cli.run("roster", "show", signed.toString()).out()).contains("Millbrook").contains("version 4, 4 Communities")
                .contains("c4  Community c4  150 members").contains("revoked");

        Path stick = Files.createDirectories(tmp.resolve("stick"));
        for (String id : List.of("c1", "c2", "c3", "c4")) {
            Files.write(stick.resolve(id + ".verdict"), Communities.verdict(id, id.equals("c3") ? Communities.Decided.NOT_PASSED : Communities.Decided.PASSED));
        }
        Path result = tmp.resolve("M-R1.tally");
        Cli combine = Cli.run("combine", "--roster", signed.toString(), "--resolution", Communities.RESOLUTION,
                "--text-sha256", Communities.SHA, stick.toString(), "--out", result.toString());
        assertThat(combine.status()).as(combine.err()).isZero();
        assertThat(combine.out()).contains("Millbrook (municipality M7-").contains("Reporting: 3 of 4 Communities")
                .contains("passed                          2").contains("Not counted: 1 refused, 0 duplicates, 0 in conflict, 1 missing")
                .contains("Missing: Community c4 (c4)").contains("Result: PASSED by supermajority — 2 of 3 reporting passed the text (66.7%); needs 2/3")
                .contains("Wrote " + result + " — fingerprint ");
        CommunityKey body = CommunityKey.loadOrCreateBody(DataFolder.path());
        assertThat(SignedFile.parse(Files.readAllBytes(result)).signedBy(body.publicKey())).isTrue();
    }

    @Test
    void aRosterSignedByAnotherBodyIsTakenOnlyWithThatBodysKey() throws Exception {
        CommunityKey region = CommunityKey.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        var roster = RosterBook.create("region", "R1", "Riverlands");
        RosterBook.enroll(roster, Communities.exported("c1"), java.time.LocalDate.of(2026, 1, 1));
        Path signed = tmp.resolve("r1.roster.signed");
        Files.write(signed, RosterBook.sign(roster, region));
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        Files.write(stick.resolve("c1.verdict"), Communities.verdict("c1", Communities.Decided.PASSED));
        String[] args = {"combine", "--roster", signed.toString(), "--resolution", Communities.RESOLUTION,
            "--text-sha256", Communities.SHA, stick.toString(), "--out", tmp.resolve("r.tally").toString()};
        Cli refused = Cli.run(args);
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("the roster's signature does not hold for the body's key");
        String[] withKey = java.util.Arrays.copyOf(args, args.length + 2);
        withKey[args.length] = "--roster-key";
        withKey[args.length + 1] = Ed25519Keys.base64(region.publicKey());
        Cli counted = Cli.run(withKey);
        assertThat(counted.status()).as(counted.err()).isZero();
        assertThat(counted.out()).contains("Reporting: 1 of 1").contains("PASSED by consensus");
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws Exception {
        Path roster = Communities.roster(tmp.resolve("roster.json"), "M1", List.of("c1"));
        Path out = tmp.resolve("never.tally");
        Cli badHex = Cli.run("combine", "--roster", roster.toString(), "--resolution", "M-R1", "--text-sha256", "abc",
                tmp.toString(), "--out", out.toString());
        assertThat(badHex.status()).isEqualTo(2);
        assertThat(badHex.err().strip()).isEqualTo("folkmoot: --text-sha256 must be 64 hex digits");
        Cli noFolder = Cli.run("combine", "--roster", roster.toString(), "--resolution", "M-R1", "--text-sha256", Communities.SHA,
                tmp.resolve("nowhere").toString(), "--out", out.toString());
        assertThat(noFolder.status()).isEqualTo(2);
        assertThat(noFolder.err().strip()).endsWith("nowhere: no such file or folder");
        Cli badRule = Cli.run("combine", "--roster", roster.toString(), "--resolution", "M-R1", "--text-sha256", Communities.SHA,
                tmp.toString(), "--out", out.toString(), "--consensus", "9/0");
        assertThat(badRule.status()).isEqualTo(2);
        assertThat(badRule.err().lines().count()).isEqualTo(1);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aResultIsVerifiedItsVerdictsCountedAgainAndATamperedOneRefused() throws Exception {
        Path roster = Communities.roster(tmp.resolve("roster.json"), "M1", List.of("c1", "c2", "c3"));
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        for (String id : List.of("c1", "c2", "c3")) Files.write(stick.resolve(id + ".verdict"), Communities.verdict(id, Communities.Decided.PASSED));
        Path result = tmp.resolve("M-R1.tally");
        assertThat(Cli.run("combine", "--roster", roster.toString(), "--resolution", Communities.RESOLUTION, "--text-sha256",
                Communities.SHA, stick.toString(), "--out", result.toString()).status()).isZero();

        Cli plain = Cli.run("verify", result.toString());
        assertThat(plain.status()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("verified — the result of Municipality M1 (municipality M1), resolution M-R1: passed (consensus), 3 reporting")
                .contains("the key it carries").contains("give --roster to count the verdicts it carries again");
        CommunityKey body = CommunityKey.loadOrCreateBody(DataFolder.path());
        Cli full = Cli.run("verify", result.toString(), "--roster", roster.toString(), "--body-key", Ed25519Keys.base64(body.publicKey()));
        assertThat(full.status()).as(full.err()).isZero();
        assertThat(full.out()).contains("(the key given)").contains("every verdict it carries holds against the roster and they give its counts");

        Cli otherRoster = Cli.run("verify", result.toString(), "--roster",
                Communities.roster(tmp.resolve("other.json"), "M1", List.of("c1", "c2")).toString());
        assertThat(otherRoster.status()).isEqualTo(1);
        assertThat(otherRoster.err()).contains("the result was counted against another roster");

        // the body's own count changed and signed again: the verdicts it carries say otherwise
        SignedFile signed = SignedFile.parse(Files.readAllBytes(result));
        String payload = new String(signed.payload(), java.nio.charset.StandardCharsets.UTF_8);
        Path inflated = tmp.resolve("inflated.tally");
        Files.write(inflated, Dsse.sign(Dsse.TALLY_TYPE, payload.replace("\"reporting\":3", "\"reporting\":30")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), body));
        Cli lie = Cli.run("verify", inflated.toString(), "--roster", roster.toString());
        assertThat(lie.status()).isEqualTo(1);
        assertThat(lie.err()).contains("the result counts 30 reporting, but its verdicts give 3");

        // one byte of the payload changed, not signed again
        byte[] bytes = Files.readAllBytes(result);
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\"payload\":\"") + 40;
        bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
        Path flipped = tmp.resolve("flipped.tally");
        Files.write(flipped, bytes);
        Cli broken = Cli.run("verify", flipped.toString());
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).contains("refused");
    }
}
