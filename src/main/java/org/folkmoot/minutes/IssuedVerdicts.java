package org.folkmoot.minutes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.VerdictPayload;

/** The verdicts the book issued, by the meeting whose close issued them, and the key they are signed with. */
final class IssuedVerdicts {
    private final List<VerdictPayload.Issued> issued;
    private final Map<String, VerdictPayload.Issued> bySha = new HashMap<>();
    private final String keyId;

    IssuedVerdicts(List<VerdictPayload.Issued> issued, String keyId) {
        this.issued = issued;
        this.keyId = keyId;
        for (VerdictPayload.Issued i : issued) bySha.put(i.sha256(), i);
    }

    String keyId() {
        return keyId;
    }

    /** The verdicts meeting {@code meeting}'s close issued, in the order issued. */
    List<VerdictPayload.Issued> issuedAt(int meeting) {
        return issued.stream().filter(i -> i.meeting() == meeting).toList();
    }

    /** The verdict of payload SHA-256 {@code sha256}, or null where the book issued none. */
    VerdictPayload.Issued bySha(String sha256) {
        return bySha.get(sha256);
    }

    /** The verdict this meeting {@code meeting}'s close issued for resolution {@code id}, or null. */
    VerdictPayload.Issued issuedAt(int meeting, String id) {
        return issued.stream().filter(i -> i.meeting() == meeting && i.resolution().equals(id)).findFirst().orElse(null);
    }

    /** The latest verdict a meeting before {@code meeting} issued for resolution {@code id}, or null. */
    VerdictPayload.Issued latestBefore(int meeting, String id) {
        VerdictPayload.Issued latest = null;
        for (VerdictPayload.Issued i : issued) if (i.meeting() < meeting && i.resolution().equals(id)) latest = i;
        return latest;
    }

    /** "supersedes the verdict of meeting 1, fingerprint …", naming each earlier one, oldest first. */
    String supersedesWords(VerdictPayload.Issued v) {
        return "supersedes " + v.supersedes().stream().map(sha -> {
            VerdictPayload.Issued earlier = bySha.get(sha);
            return earlier == null ? "the verdict with payload SHA-256 " + sha
                    : "the verdict of meeting " + earlier.meeting() + ", fingerprint " + fingerprint(earlier);
        }).collect(Collectors.joining("; and "));
    }

    static String fingerprint(VerdictPayload.Issued v) {
        return Ed25519Keys.fingerprint(v.payload());
    }
}
