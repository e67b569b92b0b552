package org.folkmoot.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Json;

/**
 * The room's timer and speakers' queue as the meeting file keeps them beside the record ({@link
 * MeetingSession#saveRoom}): its JSON written and read here, so that the screens that run the timer see values,
 * never JSON. Nothing in it decides anything.
 *
 * @param remaining the timer's seconds left
 * @param stage the stage the queue and timer belong to ("R1 round-1"), or null where none is known
 * @param speaker who holds the floor, empty for nobody
 * @param speaking the seconds the speaker has held it
 */
public record RoomState(int remaining, boolean running, boolean armed, int pleadMinutes, boolean progressiveStack,
                        List<String> queue, List<String> spoken, String stage, String speaker, int speaking) {

    /** The state as it is kept. */
    public String json() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("remaining", remaining);
        n.put("running", running);
        n.put("armed", armed);
        n.put("pleadMinutes", pleadMinutes);
        n.put("progressiveStack", progressiveStack);
        queue.forEach(n.putArray("queue")::add);
        spoken.forEach(n.putArray("spoken")::add);
        if (stage != null) n.put("stage", stage);
        n.put("speaker", speaker);
        n.put("speaking", speaking);
        return n.toString();
    }

    /**
     * A kept state as it stands {@code elapsed} seconds after it was kept: a running timer has run on meanwhile
     * (and stopped at zero), a paused one is as it was, and a speaker's time has run on; what is missing or out of
     * range is as a new clock has it ({@code defaultPlead} minutes for a plea).
     *
     * @return empty when the state cannot be read
     */
    public static Optional<RoomState> after(String kept, long elapsed, int defaultPlead) {
        ObjectNode n;
        try {
            n = Json.object(kept);
        } catch (FormatException e) {
            return Optional.empty();
        }
        long left = n.path("remaining").asLong(0);
        boolean wasRunning = n.path("running").asBoolean(false);
        if (wasRunning) left -= Math.max(0, elapsed);
        int remaining = (int) Math.max(0, Math.min(left, Integer.MAX_VALUE));
        boolean armed = n.path("armed").asBoolean(remaining > 0);
        int plead = n.path("pleadMinutes").asInt(defaultPlead);
        String speaker = n.path("speaker").isTextual() ? n.path("speaker").textValue().strip() : "";
        // the speaker's time ran on while the file was closed, as a running timer does
        long spoke = n.path("speaking").asLong(0) + (speaker.isEmpty() ? 0 : Math.max(0, elapsed));
        return Optional.of(new RoomState(remaining, wasRunning && remaining > 0, armed,
                plead >= 0 && plead <= 999 ? plead : defaultPlead, n.path("progressiveStack").asBoolean(false),
                texts(n.path("queue")), texts(n.path("spoken")),
                n.path("stage").isTextual() ? n.path("stage").textValue() : null,
                speaker, (int) Math.max(0, Math.min(spoke, Integer.MAX_VALUE))));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (item.isTextual() && !item.textValue().isBlank()) out.add(item.textValue());
        }
        return out;
    }

    /**
     * After a meeting file is reopened, the timer goes on where it would stand: the latest timed entry (a
     * discussion with its minutes, or a plea) less the time since it was recorded, if any is left.
     *
     * @return the seconds left, 0 when none
     */
    public static int remainingAfterReopen(List<String> record, Instant now, int pleadMinutes) {
        for (int i = record.size() - 1; i >= 1; i--) {
            ObjectNode line;
            try {
                line = Json.object(record.get(i));
            } catch (FormatException e) {
                return 0;
            }
            ActionKind kind = ActionKind.fromWord(line.path("do").asText()).orElse(null);
            long minutes;
            if (kind == ActionKind.DISCUSS && line.path("minutes").canConvertToLong()) minutes = line.path("minutes").asLong();
            else if (kind == ActionKind.PLEAD) minutes = pleadMinutes;
            else if (kind == ActionKind.VOTE || kind == ActionKind.PRESENT || kind == ActionKind.CLOSE_ROUND) return 0; // the timed step is over
            else continue;
            try {
                long elapsed = Duration.between(Instant.parse(line.path("at").asText()), now).getSeconds();
                long left = minutes * 60 - Math.max(0, elapsed);
                return (int) Math.max(0, Math.min(left, Integer.MAX_VALUE));
            } catch (DateTimeParseException e) {
                return 0;
            }
        }
        return 0;
    }
}
