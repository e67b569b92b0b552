package org.folkmoot.verdict;

import java.time.LocalDate;

/**
 * A roster's content hash ({@link Roster#contentSha256}): each field of each entry as read, length-prefixed (no JSON written again,
 * so a roster of a million entries costs a hash of some 100 MB, not a second tree), then the body and version.
 */
final class RosterContent {
    private RosterContent() {
    }

    static java.security.MessageDigest digest() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    static void entry(java.security.MessageDigest d, String id, String name, long members, byte[] key, LocalDate from,
                      LocalDate until, String status) {
        text(d, id);
        text(d, name);
        text(d, Long.toString(members));
        d.update(key);
        text(d, from == null ? "" : from.toString());
        text(d, until == null ? "" : until.toString());
        text(d, status);
    }

    static void head(java.security.MessageDigest d, Roster.Body body, long version) {
        text(d, "body");
        text(d, body == null ? "" : String.valueOf(body.level()));
        text(d, body == null ? "" : String.valueOf(body.id()));
        text(d, body == null ? "" : String.valueOf(body.name()));
        text(d, Long.toString(version));
    }

    private static void text(java.security.MessageDigest d, String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int n = b.length;
        d.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        d.update(b);
    }
}
