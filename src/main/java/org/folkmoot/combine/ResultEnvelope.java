package org.folkmoot.combine;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.SignedFile;

/**
 * A body's result read as a stream, whatever its size: its envelope's type and signatures, its payload
 * (standard or URL-safe base64) decoded into a file. The envelope is as strict as a verdict's: no key but
 * {@code payloadType}, {@code payload} and {@code signatures}.
 */
final class ResultEnvelope {
    record Read(String type, List<Dsse.Signature> signatures) {
    }

    private ResultEnvelope() {
    }

    static Read read(Path file, Path payload) throws SignedFile.Refused {
        try {
            return read(file, payload, Base64Variants.MIME_NO_LINEFEEDS);
        } catch (SignedFile.Refused standardFailed) {
            try {
                return read(file, payload, Base64Variants.MODIFIED_FOR_URL);
            } catch (SignedFile.Refused urlSafeFailed) {
                throw standardFailed;
            }
        }
    }

    private static Read read(Path file, Path payload, Base64Variant variant) throws SignedFile.Refused {
        String type = null;
        boolean decoded = false;
        List<Dsse.Signature> signatures = new ArrayList<>();
        try (JsonParser in = Json.MAPPER.getFactory().createParser(file.toFile())) {
            if (in.nextToken() != JsonToken.START_OBJECT) throw new SignedFile.Refused("not a signed file");
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (name.equals("payloadType") && value == JsonToken.VALUE_STRING) {
                    type = in.getText();
                } else if (name.equals("payload") && value == JsonToken.VALUE_STRING) {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(payload))) {
                        in.readBinaryValue(variant, out);
                    } catch (IllegalArgumentException notBase64) { // Jackson's word for a character outside the alphabet
                        throw new SignedFile.Refused("the payload is not base64");
                    }
                    decoded = true;
                } else if (name.equals("signatures") && value == JsonToken.START_ARRAY) {
                    while (in.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode s = Json.ONE_OF_MANY.readValue(in);
                        byte[] sig = Ed25519Keys.decodeBase64(s.path("sig").asText(""));
                        if (sig == null || sig.length != Ed25519Keys.SIGNATURE_BYTES) {
                            throw new SignedFile.Refused("a signature is not 64 bytes of base64");
                        }
                        signatures.add(new Dsse.Signature(s.path("keyid").asText(""), sig));
                    }
                } else {
                    throw new SignedFile.Refused("the envelope has an unknown key \"" + SignedFile.shorten(name) + "\"");
                }
            }
        } catch (IOException e) {
            throw new SignedFile.Refused("is not a signed file (" + firstLine(e.getMessage()) + ")");
        }
        if (!decoded) throw new SignedFile.Refused("the envelope has no payload");
        if (signatures.isEmpty()) throw new SignedFile.Refused("the envelope has no signatures");
        return new Read(type, signatures);
    }

    /** What a result may hold beside its verdicts: 1 MiB, and this much more for each entry of its lists. */
    static final long PER_ENTRY = 8 * 1024;

    /**
     * The size rule of a body's result, read as its payload is passed through once. docs/signed-files.md bounds a
     * result by its count of verdicts × 64 KiB; read to the letter that refuses honest results — a verdict on
     * a long text is larger than 64 KiB (a verdict may be 1 MiB), and an incomplete count lists its roster's
     * missing Communities, a megabyte for 100,000 — and Folkmoot would write results Folkmoot refuses. What the
     * rule is for is padding: so each carried verdict is held to a verdict's own limit (1 MiB), and everything
     * else in the payload to 1 MiB and 8 KiB an entry of its lists (missing, refused, conflicts, amendment
     * groups, the proposal's reports). Decision 0006.
     */
    static final class Shape {
        long verdicts, listed, verdictBytes;
        String oversized;

        /** Reads the value the parser is at, field {@code name}'s, counting what the rule counts. */
        void read(JsonParser in, String name) throws IOException {
            if (in.currentToken() == JsonToken.START_OBJECT && name.equals("proposal")) {
                // a count against a proposal lists a report for each counted verdict: entries too
                while (in.nextToken() == JsonToken.FIELD_NAME) {
                    in.nextToken();
                    if (in.currentToken() == JsonToken.START_ARRAY) {
                        for (JsonToken t = in.nextToken(); t != null && t != JsonToken.END_ARRAY; t = in.nextToken()) {
                            in.skipChildren();
                            listed++;
                        }
                    } else {
                        in.skipChildren();
                    }
                }
                return;
            }
            if (in.currentToken() != JsonToken.START_ARRAY) {
                in.skipChildren();
                return;
            }
            boolean carried = name.equals("verdicts");
            long start = in.getTokenLocation().getByteOffset();
            for (JsonToken t = in.nextToken(); t != null && t != JsonToken.END_ARRAY; t = in.nextToken()) {
                long at = in.getTokenLocation().getByteOffset();
                in.skipChildren();
                if (!carried) {
                    listed++;
                    continue;
                }
                verdicts++;
                if (oversized == null && in.getCurrentLocation().getByteOffset() - at > SignedFile.MAX_BYTES) {
                    oversized = "its verdict " + verdicts + " is larger than a verdict may be (1 MiB)";
                }
            }
            if (carried) verdictBytes += in.getCurrentLocation().getByteOffset() - start;
        }

        /** Why the result is refused for its size, or null; {@code payloadBytes} is the decoded payload's length. */
        String refusal(long payloadBytes) {
            if (oversized != null) return "the result is refused: " + oversized;
            long beside = payloadBytes - verdictBytes;
            long allowed = SignedFile.MAX_BYTES + PER_ENTRY * listed;
            if (beside <= allowed) return null;
            return "the result holds " + beside + " bytes beside its verdicts, more than its " + listed
                    + " listed entries allow (1 MiB and 8 KiB an entry)";
        }
    }

    /** Whether a file's first bytes name a body's result as its payload type (ours name it first). */
    static boolean namesResultType(byte[] bytes) {
        byte[] type = Dsse.TALLY_TYPE.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int end = Math.min(bytes.length, 256) - type.length;
        for (int i = 0; i <= end; i++) {
            if (bytes[i] == type[0] && java.util.Arrays.equals(bytes, i, i + type.length, type, 0, type.length)) return true;
        }
        return false;
    }

    static void feed(Path file, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse("");
    }
}
