package org.folkmoot.combine;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.EnvelopeReader;
import org.folkmoot.verdict.SignedFile;

/**
 * A body's result read as a stream, whatever its size ({@link EnvelopeReader}): its envelope's type and signatures,
 * its payload (standard or URL-safe base64) decoded into a file. The envelope is as strict as a verdict's: no key but
 * {@code payloadType}, {@code payload} and {@code signatures}.
 */
final class ResultEnvelope {
    /** Its payload's base64 as results have always been read: standard and padded, else URL-safe and not. */
    private static final EnvelopeReader.Rules RULES = new EnvelopeReader.Rules("the file", "not a signed file",
            List.of(Base64Variants.MIME_NO_LINEFEEDS, Base64Variants.MODIFIED_FOR_URL));

    private ResultEnvelope() {
    }

    /** The result's envelope; its payload is decoded into the file {@code payload}. */
    static EnvelopeReader.Envelope read(Path file, Path payload) throws SignedFile.Refused {
        return EnvelopeReader.read(file, RULES, () -> new BufferedOutputStream(Files.newOutputStream(payload)));
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
}
