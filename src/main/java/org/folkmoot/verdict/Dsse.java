package org.folkmoot.verdict;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.folkmoot.record.Json;

/** The DSSE envelope, protocol v1 (github.com/secure-systems-lab/dsse). */
public final class Dsse {
    public static final String VERDICT_TYPE = "application/vnd.folkmoot.verdict+json;version=1";
    public static final String TALLY_TYPE = "application/vnd.folkmoot.tally+json;version=1";
    public static final String ROSTER_TYPE = "application/vnd.folkmoot.roster+json;version=1";
    public static final String PROPOSAL_TYPE = "application/vnd.folkmoot.proposal+json;version=1";

    /** One signature: a key id (a hint, never trusted) and the 64 signature bytes. */
    public record Signature(String keyId, byte[] sig) {
    }

    private Dsse() {
    }

    /** {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, lengths in bytes, ASCII decimal. */
    public static byte[] pae(String payloadType, byte[] body) {
        byte[] head = paeHead(payloadType, body.length);
        // built in place: a body counts a million of these, and each copy is garbage to collect
        byte[] pae = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, pae, head.length, body.length);
        return pae;
    }

    /**
     * The signatures that may be {@code keyId}'s: those naming it, and those naming no key. The key id is only a
     * hint, but a signature that names another key is not taken as this key's.
     */
    public static List<Signature> mayBe(List<Signature> signatures, String keyId) {
        return signatures.stream().filter(s -> s.keyId().isEmpty() || s.keyId().equals(keyId)).toList();
    }

    /** PAE up to the body: what is hashed before a body too large to copy. */
    public static byte[] paeHead(String payloadType, long bodyLength) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        return ("DSSEv1 " + type.length + " " + payloadType + " " + bodyLength + " ").getBytes(StandardCharsets.UTF_8);
    }

    /** The envelope's file bytes: compact JSON and a final newline. */
    public static byte[] envelope(String payloadType, byte[] payload, List<Signature> signatures) {
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        env.put("payloadType", payloadType);
        env.put("payload", Ed25519Keys.base64(payload));
        ArrayNode sigs = env.putArray("signatures");
        for (Signature s : signatures) {
            sigs.addObject().put("keyid", s.keyId()).put("sig", Ed25519Keys.base64(s.sig()));
        }
        return (Json.compact(env) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Signs {@code payload} with the Community's key and wraps it. */
    public static byte[] sign(String payloadType, byte[] payload, CommunityKey key) {
        byte[] sig = key.sign(pae(payloadType, payload));
        return envelope(payloadType, payload, List.of(new Signature(key.keyId(), sig)));
    }
}
