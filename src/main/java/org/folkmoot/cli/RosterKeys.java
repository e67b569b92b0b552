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

    static final String NOT_A_KEY = "folkmoot: --roster-key is not a valid Ed25519 public key (32 bytes in base64, not of small order)";
}
