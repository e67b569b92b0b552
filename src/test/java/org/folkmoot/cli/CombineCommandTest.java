package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.folkmoot.combine.Communities;
import org.folkmoot.combine.RosterBook;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
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
    void aKeyEnrolledHereIsOneTheCountNeedNotCheckAgain() throws Exception {
        // the check of a key (a scalar multiplication) is made at enrolment; the count looks the key up
        Path roster = tmp.resolve("checked.roster.json");
        assertThat(Cli.run("roster", "new", roster.toString(), "--level", "municipality", "--id", "MK-" + System.nanoTime(),
                "--name", "Kiln").status()).isZero();
        String id = "k-" + System.nanoTime();
        byte[] key = Communities.key(id).publicKey();
        byte[] hash = java.util.Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-256").digest(key), 16);
        Path checked = DataFolder.path().resolve("checked-keys");
        assertThat(remembered(checked, hash)).isFalse();
        assertThat(Cli.run("roster", "enroll", roster.toString(), exported(id).toString()).status()).isZero();
        assertThat(remembered(checked, hash)).as("remembered in the data folder's checked-keys").isTrue();
    }

    private static boolean remembered(Path checked, byte[] hash) throws Exception {
        if (!Files.exists(checked)) return false;
        byte[] all = Files.readAllBytes(checked);
        for (int at = 0; at + 16 <= all.length; at += 16) {
            if (java.util.Arrays.equals(all, at, at + 16, hash, 0, 16)) return true;
        }
        return false;
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
        assertThat(twice.err()).contains("is not above 4, the highest this laptop has signed or seen");
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
        assertThat(refused.err()).contains("the roster's signature does not hold for the key ").contains("--roster-key KEY");
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

    private Path stick(String... ids) throws Exception {
        Path stick = Files.createDirectories(tmp.resolve("stick-" + System.nanoTime()));
        for (String id : ids) Files.write(stick.resolve(id + ".verdict"), Communities.verdict(id, Communities.Decided.PASSED));
        return stick;
    }

    private static Cli combine(Path roster, Path stick, Path out) {
        return Cli.run("combine", "--roster", roster.toString(), "--resolution", Communities.RESOLUTION, "--text-sha256", Communities.SHA,
                stick.toString(), "--out", out.toString());
    }

    @Test
    void anOlderRosterThanOneSignedHereIsRefusedWhereverItIsTaken() throws Exception {
        // finding 4: combine took an older signed roster that still listed a key the newer one (signed here) revoked
        String body = "M7-" + System.nanoTime();
        Path roster = tmp.resolve("m7.roster.json");
        String r = roster.toString();
        assertThat(Cli.run("roster", "new", r, "--level", "municipality", "--id", body).status()).isZero();
        assertThat(Cli.run("roster", "enroll", r, exported("c1").toString(), exported("c2").toString()).status()).isZero();
        Path older = tmp.resolve("v2.roster.signed");
        assertThat(Cli.run("roster", "sign", r, "--out", older.toString()).status()).isZero();
        assertThat(Cli.run("roster", "revoke", r, "c2").status()).isZero();
        Path newer = tmp.resolve("v3.roster.signed");
        assertThat(Cli.run("roster", "sign", r, "--out", newer.toString()).status()).isZero();

        Path stick = stick("c1", "c2");
        String why = "version 2 of municipality " + body + "'s roster is older than version 3, which this laptop has signed: "
                + "an older roster may list keys a newer one revoked";
        Path result = tmp.resolve("old.tally");
        Cli combined = combine(older, stick, result);
        assertThat(combined.status()).as(combined.out()).isEqualTo(2);
        assertThat(combined.err().strip()).isEqualTo("folkmoot: " + older + ": " + why);
        assertThat(Files.exists(result)).isFalse();
        Cli verified = Cli.run("verify", stick.resolve("c2.verdict").toString(), "--roster", older.toString());
        assertThat(verified.status()).isEqualTo(1);
        assertThat(verified.err().strip()).isEqualTo("folkmoot: " + older + ": " + why);
        Cli shown = Cli.run("roster", "show", older.toString());
        assertThat(shown.status()).isEqualTo(2);
        assertThat(shown.err().strip()).isEqualTo("folkmoot: " + older + ": " + why);
        // the clerk's Count verdicts tab: the form is refused with the same reason, nothing counted
        var tab = new org.folkmoot.app.combine.CombineViewModel(java.util.ResourceBundle.getBundle("org.folkmoot.app.messages",
                java.util.Locale.ROOT), CommunityKey.loadOrCreateBody(DataFolder.path()), DataFolder.work(), Runnable::run);
        tab.rosterProperty().set(older.toString());
        tab.resolutionProperty().set(Communities.RESOLUTION);
        tab.textSha256Property().set(Communities.SHA);
        tab.inputsProperty().set(stick.toString());
        tab.targetProperty().set(tmp.resolve("tab.tally").toString());
        assertThat(tab.count()).isNull();
        assertThat(tab.messageProperty().get()).isEqualTo("The roster cannot be used: " + why);

        // the newer one counts, and so does its plain file (the same entries); a plain file of version 3 that differs does not
        Cli counted = combine(newer, stick, tmp.resolve("new.tally"));
        assertThat(counted.status()).as(counted.err()).isZero();
        assertThat(counted.out()).contains("Reporting: 1 of 2");
        assertThat(combine(roster, stick, tmp.resolve("plain.tally")).status()).isZero();
        Path other = tmp.resolve("other-v3.json");
        Files.writeString(other, Files.readString(roster).replace("\"revoked\"", "\"active\""));
        Cli differs = combine(other, stick, tmp.resolve("other.tally"));
        assertThat(differs.status()).isEqualTo(2);
        assertThat(differs.err().strip()).isEqualTo("folkmoot: " + other + ": this is not the version 3 of municipality " + body
                + "'s roster that this laptop has signed (its entries differ): a version is signed once");
        // what is remembered is kept whole in the data folder, with no temporary file left beside it
        assertThat(Files.readString(DataFolder.path().resolve("rosters.json"))).contains("\"" + body + "\":{\"version\":3,\"sha256\":\"");
        try (var left = Files.list(DataFolder.path())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aSignedRosterSeenHereRaisesTheVersionAPlainOneDoesNot() throws Exception {
        CommunityKey region = CommunityKey.fromSeed(new byte[] {7, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        String id = "R-" + System.nanoTime();
        var roster = RosterBook.create("region", id, "Riverlands");
        RosterBook.enroll(roster, Communities.exported("c1"), java.time.LocalDate.of(2026, 1, 1));
        Path v2 = tmp.resolve("v2.signed");
        Files.write(v2, RosterBook.sign(roster, region));
        RosterBook.enroll(roster, Communities.exported("c2"), java.time.LocalDate.of(2026, 1, 1));
        Path v3plain = tmp.resolve("v3.json");
        Files.write(v3plain, RosterBook.plain(roster));
        String key = Ed25519Keys.base64(region.publicKey());
        assertThat(Cli.run("roster", "show", v3plain.toString()).status()).isZero();
        assertThat(Cli.run("roster", "show", v2.toString(), "--roster-key", key).status()).as("a plain roster is anyone's draft").isZero();
        Path v3 = tmp.resolve("v3.signed");
        Files.write(v3, RosterBook.sign(roster, region));
        assertThat(Cli.run("roster", "show", v3.toString(), "--roster-key", key).status()).isZero();
        Cli older = Cli.run("roster", "show", v2.toString(), "--roster-key", key);
        assertThat(older.status()).isEqualTo(2);
        assertThat(older.err()).contains("version 2 of region " + id + "'s roster is older than version 3, which this laptop has seen");
    }

    @Test
    void aRosterStatusOtherThanActiveRetiredOrRevokedRefusesTheRoster() throws Exception {
        // finding 4: "Revoked" or "suspended" counted as active
        Path stick = stick("c1", "c2");
        for (String status : List.of("Revoked", "suspended")) {
            Path roster = Communities.roster(tmp.resolve(status + ".json"), "M1", List.of("c1", "c2"));
            Files.writeString(roster, Files.readString(roster).replaceFirst("\"active\"(?![\\s\\S]*\"active\")", "\"" + status + "\""));
            Path out = tmp.resolve(status + ".tally");
            Cli refused = combine(roster, stick, out);
            assertThat(refused.status()).as(refused.out()).isEqualTo(2);
            assertThat(refused.err().strip()).isEqualTo("folkmoot: " + roster + ": the roster entry c2 has the status \"" + status
                    + "\"; a key is active, retired or revoked");
            assertThat(Files.exists(out)).isFalse();
        }
        // a date that cannot be read, read from the roster: refused with the entry it is in
        Path dated = Communities.roster(tmp.resolve("dated.json"), "M1", List.of("c1", "c2"));
        Files.writeString(dated, Files.readString(dated).replaceFirst("\"validFrom\" : null", "\"validFrom\" : \"2026-01-01 or so\""));
        Cli badDate = combine(dated, stick, tmp.resolve("dated.tally"));
        assertThat(badDate.status()).isEqualTo(2);
        assertThat(badDate.err().strip()).isEqualTo("folkmoot: " + dated + ": the roster entry c1 has a validFrom that cannot be read (YYYY-MM-DD): 2026-01-01 or so");
    }

    @Test
    void aKeyExportThatCouldNotBeReadBackIsNotEnrolled() throws Exception {
        // finding 4: validFrom "tomorrow" was enrolled, and no command could read the roster again
        Path roster = tmp.resolve("r.roster.json");
        assertThat(Cli.run("roster", "new", roster.toString(), "--level", "municipality", "--id", "M-" + System.nanoTime()).status()).isZero();
        byte[] before = Files.readAllBytes(roster);
        Path tomorrow = tmp.resolve("tomorrow.key.json");
        Files.writeString(tomorrow, Json.compact(Communities.exported("c1").put("validFrom", "tomorrow")));
        Cli enrolled = Cli.run("roster", "enroll", roster.toString(), exported("c2").toString(), tomorrow.toString());
        assertThat(enrolled.status()).isEqualTo(2);
        assertThat(enrolled.err().strip()).isEqualTo("folkmoot: " + roster + ": the entry for c1: its validFrom 'tomorrow' cannot be read (YYYY-MM-DD)");
        assertThat(Files.readAllBytes(roster)).as("nothing enrolled").isEqualTo(before);

        // a small-order public key (the identity point): no secret signs for it
        byte[] identity = new byte[32];
        identity[0] = 1;
        Path small = tmp.resolve("small.key.json");
        Files.writeString(small, Json.compact(Communities.exported("c3").put("publicKey", Ed25519Keys.base64(identity))));
        Cli smallOrder = Cli.run("roster", "enroll", roster.toString(), small.toString());
        assertThat(smallOrder.status()).isEqualTo(2);
        assertThat(smallOrder.err().strip()).isEqualTo("folkmoot: " + roster
                + ": the public key of c3 is not a valid Ed25519 key (small order or not canonical)");
        assertThat(Files.readAllBytes(roster)).isEqualTo(before);
        Cli smallBodyKey = Cli.run("roster", "show", roster.toString(), "--roster-key", Ed25519Keys.base64(identity));
        assertThat(smallBodyKey.status()).isEqualTo(2);
        assertThat(smallBodyKey.err().strip()).isEqualTo(RosterKeys.NOT_A_KEY);

        Path dated = tmp.resolve("dated.key.json");
        Files.writeString(dated, Json.compact(Communities.exported("c4").put("validFrom", "2026-12-01")));
        assertThat(Cli.run("roster", "enroll", roster.toString(), dated.toString()).status()).isZero();
        assertThat(Cli.run("roster", "show", roster.toString()).out()).contains("c4  Community c4  150 members").contains("from 2026-12-01");
    }

    @Test
    void aVerdictWhoseMeetingDateCannotBeReadIsRefusedByVerifyAndAudit() throws Exception {
        // finding 3, the command line's paths: the meeting typed its date as words
        Path meeting = tmp.resolve("worded.jsonl");
        Files.writeString(meeting, Files.readString(Path.of("assets", "meetings", "bakery.jsonl")).replace("\"2026-11-28\"", "\"1 December 2026\""));
        assertThat(Cli.run("replay", meeting.toString(), "--out", tmp.resolve("worded").toString()).status())
                .as("such a meeting no longer starts").isEqualTo(2);
        // a verdict written by an older Folkmoot, or by hand, with the date in words: made here and signed again
        assertThat(Cli.run("replay", Path.of("assets", "meetings", "bakery.jsonl").toString(), "--out", tmp.resolve("out").toString())
                .status()).isZero();
        Path verdict = tmp.resolve("out/B-1.verdict");
        org.folkmoot.verdict.SignedFile original = org.folkmoot.verdict.SignedFile.parse(Files.readAllBytes(verdict));
        String worded = new String(original.payload(), java.nio.charset.StandardCharsets.UTF_8).replace("\"2026-11-28\"", "\"1 December 2026\"");
        org.folkmoot.verdict.CommunityKey key = org.folkmoot.verdict.CommunityKey.loadOrCreate(org.folkmoot.files.DataFolder.path());
        Files.write(verdict, org.folkmoot.verdict.Dsse.sign(org.folkmoot.verdict.Dsse.VERDICT_TYPE,
                worded.getBytes(java.nio.charset.StandardCharsets.UTF_8), key));
        Cli verified = Cli.run("verify", verdict.toString());
        assertThat(verified.status()).isEqualTo(1);
        assertThat(verified.err().strip()).isEqualTo(verdict + ": refused — the meeting date '1 December 2026' cannot be read (YYYY-MM-DD)");
        Cli audited = Cli.run("audit", verdict.toString(), tmp.resolve("out/record.jsonl").toString());
        assertThat(audited.status()).isNotZero();
        assertThat(audited.err()).contains("the meeting date '1 December 2026' cannot be read (YYYY-MM-DD)");
    }
}
