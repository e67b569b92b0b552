package org.folkmoot.combine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.StreamingEd25519;

/**
 * Writes a body's signed result ({@code folkmoot-tally/1}, VERDICT-FORMAT.md): the count, and every
 * counted verdict's envelope unchanged. Written as a stream through a temporary file and signed as a
 * stream (Ed25519 reads the payload twice), so a result of millions of verdicts needs no more memory
 * than one of ten. The same verdicts and rules always give the same bytes: lists are sorted, and the
 * result's {@code issuedAt} is the latest of the counted verdicts', not the clock's.
 */
public final class TallyWriter {
    public static final String FORMAT = "folkmoot-tally/1";

    /** What was written: the payload's fingerprint, for the clerk to read aloud. */
    public record Written(Path file, String fingerprint, long bytes) {
    }

    private TallyWriter() {
    }

    public static Written write(Path target, Combination combination, Combination.Summary s, Roster.Body body,
                                CommunityKey key) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path payload = Files.createTempFile(dir, "." + target.getFileName(), ".payload");
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            // the payload, hashed as it is written (its SHA-256 names it and seeds the signature's nonce)
            MessageDigest sha = sha256();
            writePayload(payload, sha, combination, s, body, key);
            byte[] digest = sha.digest();
            long length = Files.size(payload);
            byte[] prefix = ("DSSEv1 " + Dsse.TALLY_TYPE.length() + " " + Dsse.TALLY_TYPE + " " + length + " ")
                    .getBytes(StandardCharsets.US_ASCII);
            StreamingEd25519.Signer signer = key.signer(digest);
            MessageDigest challenge = signer.message();
            challenge.update(prefix);

            // one more pass: the payload hashed for the signature and written into the envelope as base64
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), 1 << 16)) {
                out.write(("{\"payloadType\":\"" + Dsse.TALLY_TYPE + "\",\"payload\":\"").getBytes(StandardCharsets.US_ASCII));
                try (OutputStream b64 = Base64.getEncoder().wrap(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // the envelope goes on after the payload: keep the file open
                    }
                }); InputStream in = Files.newInputStream(payload)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        challenge.update(buffer, 0, n);
                        b64.write(buffer, 0, n);
                    }
                }
                out.write(("\",\"signatures\":[{\"keyid\":\"" + key.keyId() + "\",\"sig\":\"" + Ed25519Keys.base64(signer.signature())
                        + "\"}]}\n").getBytes(StandardCharsets.US_ASCII));
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            String hex = HexFormat.of().formatHex(digest).substring(0, 20);
            StringBuilder fingerprint = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 4) fingerprint.append(i > 0 ? " " : "").append(hex, i, i + 4);
            return new Written(target, fingerprint.toString(), Files.size(target));
        } finally {
            Files.deleteIfExists(payload);
            Files.deleteIfExists(temp);
        }
    }

    private static void writePayload(Path file, MessageDigest sha, Combination combination, Combination.Summary s,
                                     Roster.Body body, CommunityKey key) throws IOException {
        try (OutputStream out = new java.security.DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha);
             JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)
                     .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeObjectFieldStart("body");
            g.writeStringField("level", body.level());
            g.writeStringField("id", body.id());
            g.writeStringField("name", body.name());
            g.writeStringField("publicKey", Ed25519Keys.base64(key.publicKey()));
            g.writeStringField("keyId", key.keyId());
            g.writeEndObject();
            g.writeObjectFieldStart("resolution");
            g.writeStringField("id", s.resolution());
            g.writeStringField("textSha256", s.textSha256());
            g.writeEndObject();
            g.writeFieldName("rules");
            g.writeTree(s.rules().write());
            g.writeObjectFieldStart("roster");
            g.writeNumberField("version", s.roster().version());
            g.writeStringField("sha256", s.roster().sha256());
            g.writeEndObject();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("reporting", s.reporting());
            g.writeNumberField("passed", s.count(Combination.Kind.PASSED));
            g.writeNumberField("passedWithAmendments", s.count(Combination.Kind.PASSED_WITH_AMENDMENTS));
            g.writeNumberField("notPassed", s.count(Combination.Kind.NOT_PASSED));
            g.writeNumberField("tabled", s.count(Combination.Kind.TABLED));
            g.writeNumberField("dismissed", s.count(Combination.Kind.DISMISSED));
            g.writeNumberField("withdrawn", s.count(Combination.Kind.WITHDRAWN));
            g.writeNumberField("refused", s.refused());
            g.writeNumberField("duplicates", s.duplicates());
            g.writeNumberField("conflicts", s.conflicts().size());
            g.writeNumberField("missing", s.missing().size());
            g.writeEndObject();
            g.writeStringField("outcome", s.outcome());
            if (s.route() == null) g.writeNullField("route"); else g.writeStringField("route", s.route());
            strings(g, "missing", s.missing());
            strings(g, "conflicts", s.conflicts());
            g.writeArrayFieldStart("refused");
            for (Combination.Refusal r : combination.refusals()) {
                g.writeStartObject();
                g.writeStringField("file", r.file());
                g.writeStringField("reason", r.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("amendmentGroups");
            for (Combination.AmendmentGroup a : s.amendmentGroups()) {
                g.writeStartObject();
                g.writeStringField("find", a.find());
                g.writeStringField("replace", a.replace());
                strings(g, "communities", a.communities());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (s.issuedAt() == null) g.writeNullField("issuedAt"); else g.writeStringField("issuedAt", s.issuedAt());
            g.writeStringField("program", org.folkmoot.verdict.Program.nameAndVersion());
            // last, so a reader streaming the result knows what it counts before the verdicts come; each envelope
            // is copied as its bytes, not re-written
            g.writeFieldName("verdicts");
            g.writeRaw(":[");
            g.flush();
            boolean[] first = {true};
            try {
                combination.forEachCounted(envelope -> {
                    try {
                        if (!first[0]) out.write(',');
                        first[0] = false;
                        out.write(envelope);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.write(']');
            out.write('}');
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void feed(Path file, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
