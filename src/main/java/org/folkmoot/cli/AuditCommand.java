package org.folkmoot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.record.Chain;
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
            err.println("audit failed: the record does not replay: " + e.getMessage());
            return 1;
        }
        if (replayed.refused()) {
            err.println("audit failed: the record does not replay: " + replayed.refusal());
            return 1;
        }
        String recordSha = Chain.sha256(bytes);
        if (!recordSha.equals(v.json().path("recordSha256").asText())) {
            err.println("audit failed: the record is not the one the verdict was made from (its SHA-256 is "
                    + recordSha.substring(0, 16) + "…, the verdict names " + v.json().path("recordSha256").asText("?") + ")");
            return 1;
        }
        Resolution r = replayed.meeting().resolutions().stream().filter(x -> x.id().equals(v.resolutionId()))
                .findFirst().orElse(null);
        if (r == null || !VerdictPayload.hasVerdict(r)) {
            err.println("audit failed: the record has no outcome for " + v.resolutionId());
            return 1;
        }
        byte[] publicKey = Ed25519Keys.decodeBase64(v.json().path("community").path("publicKey").asText());
        byte[] rebuilt = VerdictPayload.build(replayed.meeting(), r, replayed.record(), publicKey,
                v.json().path("program").asText());
        if (!java.util.Arrays.equals(rebuilt, v.payload())) {
            try {
                String where = firstDifference("", SignedFile.object(rebuilt, "the rebuilt verdict"), v.json());
                err.println("audit failed: the record yields a different verdict" + (where == null ? "" : " (" + where + ")"));
            } catch (SignedFile.Refused e) {
                err.println("audit failed: the record yields a different verdict");
            }
            return 1;
        }
        out.println("audit passed: " + record + " yields " + verdict + " (" + v.communityId() + ", " + v.resolutionId() + " "
                + v.outcome() + ", fingerprint " + v.fingerprint() + ")");
        out.flush();
        return 0;
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
