package org.folkmoot.combine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.EnvelopeReader;
import org.folkmoot.verdict.SignedFile;

/**
 * A lower body's result carried into this body's count (docs/procedure.md, "Combining verdicts"): read as a stream,
 * refused whole before any of its verdicts counts if its payload is not a result, and otherwise handed on verdict
 * by verdict, in batches, to be checked on each one's own signature. The lower body's own signature and counts are
 * not relied on.
 */
final class CarriedResult {
    /** Where a carried result's parts go: what is refused, and the verdicts in it, a batch at a time, to be checked. */
    interface Sink {
        void refuse(String file, String reason);

        void check(List<Combination.Item> verdicts);
    }

    private CarriedResult() {
    }

    /**
     * A lower body's result, read as a stream: its payload is decoded to the work folder, then each verdict in
     * it is checked on its own signature against this body's roster. The lower body's own signature and counts
     * are not relied on. Its payload is decoded into {@code work}, and removed from there once read.
     */
    static void read(Path file, String label, Path work, Sink sink) throws IOException {
        Path payload = Files.createTempFile(work, "result-", ".json");
        try {
            String type;
            try {
                type = ResultEnvelope.read(file, payload).type();
            } catch (SignedFile.Refused e) {
                sink.refuse(label, e.getMessage());
                return;
            }
            if (!Dsse.TALLY_TYPE.equals(type)) {
                sink.refuse(label, Dsse.VERDICT_TYPE.equals(type) ? "the file is larger than " + SignedFile.MAX_BYTES + " bytes"
                        : "not a Community verdict or a body's result");
                return;
            }
            String whole = wholeResult(payload);
            if (whole != null) {
                sink.refuse(label, whole);
                return;
            }
            int[] n = {0};
            try (JsonParser in = EnvelopeReader.parser(payload)) {
                EnvelopeReader.fields(in, "the result's payload is not a JSON object", null, (name, value, p) -> {
                    if (!name.equals("verdicts")) {
                        p.skipChildren();
                        return;
                    }
                    List<Combination.Item> batch = new ArrayList<>(Combination.BATCH);
                    for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        String verdictLabel = label + " › verdict " + ++n[0];
                        if (t != JsonToken.START_OBJECT) {
                            // one entry that is no envelope is refused; the verdicts beside it are still counted
                            sink.refuse(verdictLabel, "not a verdict envelope (" + kind(t) + ")");
                            p.skipChildren();
                            continue;
                        }
                        JsonNode verdict = Json.ONE_OF_MANY.readValue(p);
                        batch.add(new Combination.Item(Json.compact(verdict).getBytes(StandardCharsets.UTF_8), verdictLabel));
                        if (batch.size() == Combination.BATCH) {
                            sink.check(List.copyOf(batch));
                            batch.clear();
                        }
                    }
                    if (!batch.isEmpty()) sink.check(List.copyOf(batch));
                });
            } catch (SignedFile.Refused e) {
                sink.refuse(label, e.getMessage());
            } catch (IOException e) {
                sink.refuse(label, "the result cannot be read past verdict " + n[0] + " (" + firstLine(e.getMessage()) + ")");
            }
        } finally {
            Files.deleteIfExists(payload);
        }
    }

    /**
     * Why a lower body's result is refused as a whole, before any of its verdicts is counted, or null: its
     * payload read through once — JSON with no key twice at any depth and no deeper than 32 (the limits of
     * every signed file), a {@code folkmoot-tally/1} object whose {@code verdicts} is a list. Refused after its
     * first verdicts were counted, a result would be counted in part; skipped, its verdicts would vanish.
     * A pass of the tokenizer only (the envelopes' base64 is skipped, not decoded).
     */
    private static String wholeResult(Path payload) {
        var seen = new Object() {
            String format;
            boolean listed;
        };
        ResultEnvelope.Shape shape = new ResultEnvelope.Shape();
        try {
            EnvelopeReader.fields(payload, "the result's payload", (name, value, in) -> {
                if (name.equals("format")) {
                    seen.format = value == JsonToken.VALUE_STRING ? in.getText() : null;
                } else if (name.equals("verdicts")) {
                    if (value != JsonToken.START_ARRAY) throw new SignedFile.Refused("the result's verdicts are not a list");
                    seen.listed = true;
                }
                shape.read(in, name);
            });
            if (!TallyWriter.FORMAT.equals(seen.format)) return "the result's format is not " + TallyWriter.FORMAT;
            if (!seen.listed) return "the result carries no list of verdicts";
            return shape.refusal(Files.size(payload));
        } catch (SignedFile.Refused e) {
            return e.getMessage();
        } catch (IOException e) {
            return "the result's payload cannot be read (" + firstLine(e.getMessage()) + ")";
        }
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static String firstLine(String message) {
        if (message == null) return "unknown error";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
