package org.folkmoot.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Header;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Refusal;
import org.folkmoot.procedure.Resolution;

/**
 * Replays a script or a record through the procedure, entry by entry, writing the record as it goes.
 * Each entry is made durable in the {@link Journal} before the next is read; a refused entry stops
 * the replay with nothing after it applied.
 */
public final class Replay {
    private static final String SEQ = "seq";
    private static final String AT = "at";
    private static final String PREV = "prev";

    /** Where each accepted line is made durable. */
    public interface Journal {
        /** Called once, before the first entry, for a meeting file that holds nothing yet. */
        void start(String headerLine);

        /** Returns only once the line is durable. */
        void append(long seq, String line);
    }

    /** What a meeting file already holds: its header line and its entries' lines, in order. */
    public record Stored(String headerLine, List<String> lines) {
    }

    /**
     * The replay's end.
     *
     * @param record  the record's lines (header first) of everything accepted
     * @param refusal why the replay stopped, or null when every entry was accepted
     */
    public record Result(Meeting meeting, List<String> record, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private Replay() {
    }

    /**
     * @param stored  what the meeting file already holds (a prefix of this meeting), or null for a new one
     * @param journal where accepted lines go, or null to keep them in memory only
     * @throws FormatException when nothing can be replayed: no header, a bad header, or a meeting file
     *                         that holds something other than a prefix of this meeting (left untouched)
     */
    public static Result run(byte[] input, Stored stored, Journal journal, Clock clock) throws FormatException {
        List<Lines.Line> lines = Lines.split(input);
        if (lines.isEmpty()) throw new FormatException("the meeting file is empty");
        Lines.Line first = lines.get(0);
        Header header;
        try {
            header = HeaderCodec.read(Json.object(first.text()));
        } catch (FormatException e) {
            throw new FormatException("line " + first.number() + " (the header): " + e.getMessage());
        }
        if (stored != null) {
            if (!stored.headerLine().equals(first.text())) {
                throw new FormatException("the meeting file holds another meeting (its header differs); it was left untouched");
            }
            if (stored.lines().size() > lines.size() - 1) {
                throw new FormatException("the meeting file holds " + stored.lines().size() + " entries, more than the "
                        + (lines.size() - 1) + " of this meeting; it was left untouched");
            }
        }

        Meeting meeting = Meeting.open(header);
        List<String> record = new ArrayList<>(lines.size());
        record.add(first.text());
        String prev = Chain.sha256(first.text());
        boolean recordMode = false;
        boolean started = stored != null;
        for (int i = 1; i < lines.size(); i++) {
            Lines.Line line = lines.get(i);
            long seq = i;
            String where = "line " + line.number() + ", entry " + seq;
            ObjectNode node;
            try {
                node = Json.object(line.text());
                if (i == 1) recordMode = node.has(PREV);
                // a record goes on as a script: the book's next entries appended by hand, without seq or prev, are
                // chained as they are replayed (never the other way: a chained line after a script line is refused)
                else if (recordMode && !node.has(PREV) && !node.has(SEQ)) recordMode = false;
                checkBookkeeping(node, seq, prev, recordMode);
            } catch (FormatException e) {
                return refuse(meeting, record, where + ": " + e.getMessage(), stored, i);
            }
            Action action;
            try {
                action = ActionCodec.read(node);
            } catch (FormatException e) {
                String kind = node.path("do").isTextual() ? " (" + node.get("do").textValue() + ")" : "";
                return refuse(meeting, record, where + kind + ": " + e.getMessage(), stored, i);
            }

            boolean fromStore = stored != null && i <= stored.lines().size();
            String recordLine;
            if (fromStore) {
                recordLine = stored.lines().get(i - 1);
                if (!sameEntry(recordLine, line.text(), node, recordMode)) {
                    throw new FormatException("the meeting file holds another meeting (entry " + seq
                            + " differs from line " + line.number() + "); it was left untouched");
                }
            } else {
                recordLine = recordMode ? line.text() : composeLine(node, seq, prev, clock);
            }

            Optional<Refusal> refusal = meeting.apply(action);
            if (refusal.isPresent()) {
                return refuse(meeting, record, "line " + line.number() + ", " + refusal.get(), stored, i);
            }
            if (!fromStore && journal != null) {
                if (!started) {
                    journal.start(first.text());
                    started = true;
                }
                journal.append(seq, recordLine);
            }
            record.add(recordLine);
            prev = Chain.sha256(recordLine);
        }
        if (!started && journal != null) journal.start(first.text());
        return new Result(meeting, record, null);
    }

    /**
     * The meeting a meeting file holds, folded from its first entry: where it stood when it was closed,
     * crashed or lost its power.
     *
     * @throws FormatException when the stored lines no longer replay (they were written by this engine,
     *                         so this means the file was changed outside it)
     */
    public static Result reopen(Stored stored) throws FormatException {
        List<String> record = new ArrayList<>(stored.lines().size() + 1);
        record.add(stored.headerLine());
        record.addAll(stored.lines());
        Result result = run(recordBytes(record), null, null, Clock.systemUTC());
        if (result.refused()) {
            throw new FormatException("the meeting file no longer replays: " + result.refusal());
        }
        return result;
    }

    /** The record file's bytes as exported: every line, each ended by a newline. */
    public static byte[] recordBytes(List<String> record) {
        StringBuilder s = new StringBuilder();
        for (String line : record) s.append(line).append('\n');
        return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Result refuse(Meeting meeting, List<String> record, String message, Stored stored, int index)
            throws FormatException {
        if (stored != null && index <= stored.lines().size()) {
            // the stored prefix itself no longer replays: the file is not this meeting's
            throw new FormatException("the meeting file holds another meeting (" + message + "); it was left untouched");
        }
        return new Result(meeting, record, message);
    }

    /** In a record every entry carries seq, at and prev, chained; in a script prev never appears. */
    private static void checkBookkeeping(ObjectNode node, long seq, String prev, boolean recordMode)
            throws FormatException {
        JsonNode s = node.get(SEQ);
        if (s != null && !(s.canConvertToLong() && s.isIntegralNumber() && s.longValue() == seq)) {
            throw new FormatException("'seq' is " + Fields.shown(s) + " but this is entry " + seq);
        }
        JsonNode at = node.get(AT);
        if (at != null) checkInstant(at);
        JsonNode p = node.get(PREV);
        if (recordMode) {
            if (s == null) throw new FormatException("'seq' is missing; every entry of a record has seq, at and prev");
            if (at == null) throw new FormatException("'at' is missing; every entry of a record has seq, at and prev");
            if (p == null || !p.isTextual()) {
                throw new FormatException("'prev' is missing; every entry of a record has seq, at and prev");
            }
            if (!p.textValue().equals(prev)) {
                throw new FormatException("the chain is broken: 'prev' is not the SHA-256 of the line before it");
            }
        } else if (p != null) {
            throw new FormatException("'prev' appears after an entry without it: a record's chained entries come first,"
                    + " then any appended without seq and prev");
        }
    }

    private static void checkInstant(JsonNode at) throws FormatException {
        if (!at.isTextual()) throw new FormatException("'at' must be an ISO-8601 instant, not " + Fields.shown(at));
        try {
            Instant.parse(at.textValue());
        } catch (DateTimeParseException e) {
            throw new FormatException("'at' must be an ISO-8601 instant like 2026-11-26T18:00:00Z, not \""
                    + at.textValue() + "\"");
        }
    }

    /** The record line of an action taken now (the app): its fields, then seq, at and prev. */
    public static String recordLine(Action action, long seq, String prev, Clock clock) {
        return composeLine(ActionCodec.write(action), seq, prev, clock);
    }

    /** A script line as a record line: its own fields in their order, then seq, at (kept if given) and prev. */
    static String composeLine(ObjectNode node, long seq, String prev, Clock clock) {
        ObjectNode out = node.deepCopy();
        JsonNode at = out.remove(AT);
        out.remove(SEQ);
        out.remove(PREV);
        out.put(SEQ, seq);
        out.put(AT, at != null ? at.textValue() : Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        out.put(PREV, prev);
        return Json.compact(out);
    }

    /** Whether a stored record line is the entry this script or record line describes. */
    private static boolean sameEntry(String storedLine, String lineText, ObjectNode node, boolean recordMode)
            throws FormatException {
        if (recordMode) return storedLine.equals(lineText);
        ObjectNode stored = Json.object(storedLine);
        JsonNode givenAt = node.get(AT);
        if (givenAt != null && !givenAt.equals(stored.get(AT))) return false;
        return withoutBookkeeping(stored).equals(withoutBookkeeping(node));
    }

    private static ObjectNode withoutBookkeeping(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove(SEQ);
        copy.remove(AT);
        copy.remove(PREV);
        return copy;
    }

    /** {@code <id> <outcome> <route or -> <support or ->}, as {@code replay} prints it (docs/meeting-format.md). */
    public static String outcomeLine(Resolution r) {
        String outcome = r.outcome().map(o -> o.word()).orElse("open");
        String route = r.outcome().isPresent() ? r.route().map(x -> x.word()).orElse("-") : "-";
        String support = r.outcome().isPresent()
                ? r.decidingVote().map(v -> v.support().toString()).orElse("-")
                : "-";
        return r.id() + " " + outcome + " " + route + " " + support;
    }
}
