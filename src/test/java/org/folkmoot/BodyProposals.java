package org.folkmoot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Roster;

/** A body's signed proposal for the tests that present one: Millbrook's M7-R4, and its key enrolled in a data folder. */
public final class BodyProposals {
    public static final Roster.Body MILLBROOK = new Roster.Body("municipality", "M7", "Millbrook");
    public static final String TEXT = "Every Community keeps a seed library, open on market days.";
    public static final LocalDate REPORT_BY = LocalDate.of(2026, 12, 20);

    private BodyProposals() {
    }

    /** A body's key from a word, so runs repeat. */
    public static CommunityKey key(String seed) {
        try {
            return CommunityKey.fromSeed(MessageDigest.getInstance("SHA-256").digest(("body seed " + seed).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body's roster (no Community listed yet): what a proposal names by version and SHA-256. */
    public static Roster roster(Roster.Body body) throws Exception {
        String json = "{\"format\":\"" + Roster.FORMAT + "\",\"version\":3,\"body\":{\"level\":\"" + body.level() + "\",\"id\":\""
                + body.id() + "\",\"name\":\"" + body.name() + "\"},\"communities\":[]}";
        return Roster.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code body}'s proposal, signed with {@code key}. */
    public static Proposal proposal(Roster.Body body, CommunityKey key, String resolution) throws Exception {
        return Proposal.issue(new Proposal.Draft(body, resolution, "Seed library", TEXT, "Millbrook council", null, roster(body),
                REPORT_BY), "2026-11-20T10:00:00Z", key);
    }

    /** Millbrook's M7-R4. */
    public static Proposal millbrook(CommunityKey key) throws Exception {
        return proposal(MILLBROOK, key, "M7-R4");
    }

    /** Enrolls {@code body}'s key in data folder {@code folder}, as {@code bodies add} does with the key file it gives. */
    public static void enroll(Path folder, Roster.Body body, CommunityKey key) throws Exception {
        Bodies.load(folder).add(Bodies.readKeyFile(Bodies.keyFile(body, key), LocalDate.now()));
    }
}
