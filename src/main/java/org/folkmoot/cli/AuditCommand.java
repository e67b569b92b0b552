package org.folkmoot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.SignedFile;
import org.folkmoot.verdict.VerdictPayload;
import org.folkmoot.verdict.VerdictVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code folkmoot audit VERDICT RECORD}: replays the record and checks that it yields this verdict. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Replays a meeting record and checks that it yields this verdict, to the byte.")
public final class AuditCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VERDICT")
    Path verdict;

    @Parameters(index = "1", paramLabel = "RECORD")
    Path record;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        VerdictVerifier.Verified v;
        try {
            v = VerdictVerifier.verify(verdict, null, VerdictVerifier.Expected.ANY);
        } catch (SignedFile.Refused e) {
            err.println("audit failed: " + verdict + " does not verify: " + e.getMessage());
            return 1;
        }
        byte[] bytes;
        try {
            bytes = ReplayCommand.readMeetingFile(record);
        } catch (IOException e) {
            err.println("audit failed: " + e.getMessage());
            return 1;
        }
        Replay.Result replayed;
        try {
            replayed = Replay.run(bytes, null, null, java.time.Clock.systemUTC());
        } catch (FormatException e) {
            err.println(ReplayCommand.oneLine("audit failed: the record does not replay: " + e.getMessage()));
            return 1;
        }
        if (replayed.refused()) {
            err.println(ReplayCommand.oneLine("audit failed: the record does not replay: " + replayed.refusal()));
            return 1;
        }
        // every verdict the book issued, at each meeting's close, from the record as it stood then
        byte[] publicKey = Ed25519Keys.decodeBase64(v.json().path("community").path("publicKey").asText());
        java.util.List<VerdictPayload.Issued> issued = VerdictPayload.issue(replayed.meeting(), replayed.record(), publicKey,
                v.json().path("program").asText());
        VerdictPayload.Issued same = issued.stream().filter(i -> java.util.Arrays.equals(i.payload(), v.payload()))
                .findFirst().orElse(null);
        if (same == null) {
            String named = v.json().path("recordSha256").asText("");
            if (!closeShas(replayed).contains(named)) {
                err.println("audit failed: the record is not the one the verdict was made from (neither it nor any part of it"
                        + " up to a meeting's close has the SHA-256 the verdict names, " + SignedFile.shorten(named) + ")");
                return 1;
            }
            VerdictPayload.Issued then = issued.stream().filter(i -> i.resolution().equals(v.resolutionId())
                    && recordShaOf(i).equals(named)).findFirst().orElse(null);
            if (then == null) {
                err.println("audit failed: the record has no verdict for " + v.resolutionId() + " at the close the verdict names");
                return 1;
            }
            try {
                String where = firstDifference("", SignedFile.object(then.payload(), "the rebuilt verdict"), v.json());
                err.println("audit failed: the record yields a different verdict" + (where == null ? "" : " (" + where + ")"));
            } catch (SignedFile.Refused e) {
                err.println("audit failed: the record yields a different verdict");
            }
            return 1;
        }
        VerdictPayload.Issued latest = VerdictPayload.latest(issued).get(same.resolution());
        String later = latest == same ? "" : "; superseded by the verdict of meeting " + latest.meeting() + " of the book";
        out.println("audit passed: " + record + " yields " + verdict + " (" + v.communityId() + ", " + v.resolutionId() + " "
                + v.outcome() + ", meeting " + same.meeting() + ", fingerprint " + v.fingerprint() + later + ")");
        out.flush();
        return 0;
    }

    private static String recordShaOf(VerdictPayload.Issued i) {
        try {
            return SignedFile.object(i.payload(), "the rebuilt verdict").path("recordSha256").asText();
        } catch (SignedFile.Refused e) {
            return "";
        }
    }

    /**
     * The SHA-256 of the record up to each meeting's close (the records a verdict may name), in one pass over
     * its bytes: hashing every prefix again would take hours on a long book.
     */
    private static java.util.Set<String> closeShas(Replay.Result replayed) {
        java.util.List<String> record = replayed.record();
        java.util.Set<Long> closes = new java.util.HashSet<>();
        for (Meeting.Held held : replayed.meeting().meetings()) closes.add(held.closedAt());
        java.util.Set<String> shas = new java.util.HashSet<>();
        MessageDigest digest = sha256();
        for (int i = 0; i < record.size(); i++) {
            digest.update((record.get(i) + "\n").getBytes(StandardCharsets.UTF_8)); // as Replay.recordBytes writes it
            if (closes.contains((long) i)) {
                try {
                    shas.add(HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest()));
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
                }
            }
        }
        return shas;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    /** The first key path where the two payloads differ, with both values, or null. */
    static String firstDifference(String path, JsonNode expected, JsonNode actual) {
        if (expected.equals(actual)) return null;
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode other = actual.get(e.getKey());
                if (other == null) return path + e.getKey() + " is missing from the verdict";
                String d = firstDifference(path + e.getKey() + ".", e.getValue(), other);
                if (d != null) return d;
            }
            return path + " has keys the record does not give";
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String d = firstDifference(path + i + ".", expected.get(i), actual.get(i));
                if (d != null) return d;
            }
        }
        String at = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
        return at + ": the record gives " + shorten(expected.toString()) + ", the verdict says " + shorten(actual.toString());
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
