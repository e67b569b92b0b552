package org.folkmoot.cli;

import java.util.ArrayList;
import java.util.List;
import org.folkmoot.verdict.Ed25519Keys;

/** The keys a signed roster may be signed by: this laptop's body key, and those given with --roster-key. */
final class RosterKeys {
    private RosterKeys() {
    }

    /**
     * @param bodyKey this laptop's body key, or null when it has none
     * @return the keys, or null when one given is not a 32-byte public key in base64, or not a valid one (a small-order
     *         or non-canonical point, which a signature with no secret behind it could hold for)
     */
    static List<byte[]> trusted(byte[] bodyKey, List<String> given) {
        List<byte[]> trusted = new ArrayList<>();
        if (bodyKey != null) trusted.add(bodyKey);
        for (String k : given) {
            byte[] key = Ed25519Keys.decodeBase64(k.strip());
            if (key == null || !Ed25519Keys.isValidPublicKey(key)) return null;
            trusted.add(key);
        }
        return trusted;
    }

    /**
     * The roster {@code file} as this laptop takes it: signed by this laptop's body key or a key given (or plain),
     * and never older than one this laptop signed or saw; null after one line on {@code err} saying why not.
     */
    static org.folkmoot.verdict.Roster read(java.nio.file.Path file, byte[] bodyKey, List<String> given, java.io.PrintWriter err) {
        List<byte[]> keys = trusted(bodyKey, given);
        if (keys == null) {
            err.println(NOT_A_KEY);
            return null;
        }
        try {
            return org.folkmoot.verdict.RosterHistory.read(file, keys);
        } catch (org.folkmoot.verdict.SignedFile.Refused e) {
            err.println("folkmoot: " + file + ": " + e.getMessage());
            return null;
        }
    }

    static final String NOT_A_KEY = "folkmoot: --roster-key is not a valid Ed25519 public key (32 bytes in base64, not of small order)";
}
