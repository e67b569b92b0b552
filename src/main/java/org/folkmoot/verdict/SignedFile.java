package org.folkmoot.verdict;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.folkmoot.record.Json;

/**
 * A DSSE envelope read from a file with every limit of docs/signed-files.md: size checked before reading,
 * strict UTF-8, JSON no deeper than 32, no duplicate keys, the payload type known, base64 that decodes,
 * signatures of exactly 64 bytes. Anything else is a {@link Refused} with one line saying why.
 */
public record SignedFile(String payloadType, byte[] payload, List<Dsse.Signature> signatures) {
    /** The largest verdict or proposal file read, and each verdict a result carries (docs/decisions/0006-files.md: a roster and a result have bounds of their own). */
    public static final long MAX_BYTES = 1024 * 1024;

    /** Why a file was not accepted, for the person reading it. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    public static SignedFile read(Path file, long maxBytes) throws Refused {
        byte[] bytes;
        try {
            bytes = org.folkmoot.files.InputFile.read(file, maxBytes, maxBytes == MAX_BYTES ? "a verdict" : "a signed file");
        } catch (org.folkmoot.files.InputFile.Refused e) {
            throw new Refused(e.reason());
        }
        return parse(bytes);
    }

    public static SignedFile parse(byte[] bytes) throws Refused {
        if (bytes.length > MAX_BYTES) throw new Refused("the file is larger than " + MAX_BYTES + " bytes");
        ObjectNode env = object(bytes, "the file");
        onlyKeys(env, "the envelope", "payloadType", "payload", "signatures");
        String type = text(env, "payloadType", "the envelope");
        if (!type.equals(Dsse.VERDICT_TYPE) && !type.equals(Dsse.TALLY_TYPE) && !type.equals(Dsse.ROSTER_TYPE)
                && !type.equals(Dsse.PROPOSAL_TYPE)) {
            throw new Refused("unknown payload type \"" + shorten(type) + "\"");
        }
        byte[] payload = Ed25519Keys.decodeBase64(text(env, "payload", "the envelope"));
        if (payload == null) throw new Refused("the payload is not base64");
        JsonNode sigs = env.get("signatures");
        if (sigs == null || !sigs.isArray() || sigs.isEmpty()) throw new Refused("the envelope has no signatures");
        List<Dsse.Signature> signatures = new ArrayList<>();
        for (JsonNode s : sigs) {
            if (!(s instanceof ObjectNode o)) throw new Refused("a signature is not an object");
            signatures.add(signature(o));
        }
        return new SignedFile(type, payload, signatures);
    }

    /**
     * Whether one of the signatures holds for {@code publicKey} over PAE of the bytes received. The key id is
     * only a hint, but a signature that names another key is not taken as this key's.
     */
    public boolean signedBy(byte[] publicKey) {
        byte[] pae = Dsse.pae(payloadType, payload);
        for (Dsse.Signature s : Dsse.mayBe(signatures, Ed25519Keys.keyId(publicKey))) {
            if (Ed25519Keys.verify(publicKey, pae, s.sig())) return true;
        }
        return false;
    }

    /** Strict UTF-8 JSON object, with the parser's limits; {@code what} names it in the refusal. */
    public static ObjectNode object(byte[] bytes, String what) throws Refused {
        if (plainAscii(bytes)) return tree(bytes, null, what); // most files: read straight from the bytes
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(what + " is not UTF-8 text");
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            // JSON allows only tab, newline and return between tokens, and no control character inside strings
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') throw new Refused(what + " is not JSON (a control character)");
        }
        return tree(null, text, what);
    }

    /** Bytes below 0x80 with no control character but tab, newline and return: UTF-8 already, and JSON's alphabet. */
    private static boolean plainAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return false; // negative: not ASCII
        }
        return true;
    }

    private static ObjectNode tree(byte[] bytes, String text, String what) throws Refused {
        JsonNode node;
        try {
            node = bytes != null ? Json.MAPPER.readTree(bytes) : Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new Refused(what + " " + jsonProblem(e));
        }
        if (!(node instanceof ObjectNode o)) throw new Refused(what + " is not a JSON object");
        return o;
    }

    /** What is wrong with JSON the parser refused, as the end of a sentence ("… is not JSON"). */
    public static String jsonProblem(java.io.IOException e) {
        if (e instanceof StreamConstraintsException) return "is JSON nested deeper than 32, or too large";
        String m = e instanceof JsonProcessingException j && j.getOriginalMessage() != null ? j.getOriginalMessage() : "";
        if (m.startsWith("Duplicate field")) return "has a key twice (" + m + ")";
        if (m.contains("nesting depth")) return "is JSON nested deeper than 32";
        return "is not JSON";
    }

    /**
     * A DSSE envelope read as a stream, for a file too large for the limits of a verdict (a roster of a
     * million Communities): its payload decoded from the bytes with no string in between, the same keys
     * and signatures required as {@link #parse} requires.
     */
    public record Streamed(String payloadType, byte[] payload, List<Dsse.Signature> signatures) {
        /** As {@link SignedFile#signedBy}, hashing the payload where it lies rather than copying it into PAE. */
        public boolean signedBy(byte[] publicKey) {
            byte[] head = Dsse.paeHead(payloadType, payload.length);
            for (Dsse.Signature s : Dsse.mayBe(signatures, Ed25519Keys.keyId(publicKey))) {
                try {
                    if (StreamingEd25519.verify(publicKey, d -> {
                        d.update(head);
                        d.update(payload);
                    }, s.sig())) return true;
                } catch (java.io.IOException impossible) {
                    throw new IllegalStateException("hashing bytes in memory does not fail", impossible);
                }
            }
            return false;
        }
    }

    /** A DSSE envelope read as a stream ({@link EnvelopeReader}); {@code what} names the file in a refusal. */
    public static Streamed stream(byte[] bytes, String what) throws Refused {
        java.io.ByteArrayOutputStream[] payload = new java.io.ByteArrayOutputStream[1];
        EnvelopeReader.Envelope read = EnvelopeReader.read(bytes, new EnvelopeReader.Rules(what, what + " is not a JSON object",
                List.of(STANDARD, URL_SAFE)), () -> payload[0] = new java.io.ByteArrayOutputStream(bytes.length / 4 * 3 + 3));
        return new Streamed(read.type(), payload[0].toByteArray(), read.signatures());
    }

    // base64 as Ed25519Keys.decodeBase64 takes it: standard or URL-safe, padded or not
    private static final Base64Variant STANDARD =
            Base64Variants.MIME_NO_LINEFEEDS.withReadPadding(Base64Variant.PaddingReadBehaviour.PADDING_ALLOWED);
    private static final Base64Variant URL_SAFE =
            Base64Variants.MODIFIED_FOR_URL.withReadPadding(Base64Variant.PaddingReadBehaviour.PADDING_ALLOWED);

    /** A signature object: {@code sig} of 64 bytes in base64, and {@code keyid} (a hint) or nothing else. */
    static Dsse.Signature signature(ObjectNode o) throws Refused {
        onlyKeys(o, "a signature", "keyid", "sig");
        byte[] sig = Ed25519Keys.decodeBase64(text(o, "sig", "a signature"));
        if (sig == null) throw new Refused("a signature is not base64");
        if (sig.length != Ed25519Keys.SIGNATURE_BYTES) {
            throw new Refused("a signature is " + sig.length + " bytes, not 64");
        }
        JsonNode keyId = o.get("keyid");
        return new Dsse.Signature(keyId != null && keyId.isTextual() ? keyId.textValue() : "", sig);
    }

    /** A DSSE envelope has these keys and no others: a stray key is a damaged or foreign file. */
    private static void onlyKeys(ObjectNode node, String where, String... allowed) throws Refused {
        java.util.Set<String> known = java.util.Set.of(allowed);
        for (java.util.Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) throw new Refused(where + " has an unknown key '" + shorten(key) + "'");
        }
    }

    static String text(ObjectNode node, String key, String where) throws Refused {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) throw new Refused(where + " has no '" + key + "'");
        return v.textValue();
    }

    public static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
