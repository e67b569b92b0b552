package org.folkmoot.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The room's timer and speakers' queue, shared by the console (which runs them) and the projector (which
 * shows them). Neither decides anything, so neither is recorded; who spoke is recorded when they take the floor.
 * They are kept beside the record ({@link #state()}, {@link #restore}) so a reopened meeting finds them as
 * they stood.
 */
public final class MeetingClock {
    /** The minutes a delegate pleads for when nothing else was set (the rulebook leaves it to the assembly). */
    public static final int DEFAULT_PLEAD_MINUTES = 3;

    private final IntegerProperty remaining = new SimpleIntegerProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObservableList<String> queue = FXCollections.observableArrayList();
    private final ObservableList<String> spoken = FXCollections.observableArrayList();
    private final BooleanProperty progressiveStack = new SimpleBooleanProperty(false);
    private final BooleanProperty armed = new SimpleBooleanProperty(false);
    private final IntegerProperty pleadMinutes = new SimpleIntegerProperty(DEFAULT_PLEAD_MINUTES);
    private java.util.function.Consumer<String> keeper = state -> { };
    private boolean restoring;

    public MeetingClock() {
        // every change but the passing seconds is kept at once; the seconds follow from when it was kept
        running.addListener((o, was, now) -> keep());
        armed.addListener((o, was, now) -> keep());
        progressiveStack.addListener((o, was, now) -> keep());
        pleadMinutes.addListener((o, was, now) -> keep());
        queue.addListener((javafx.collections.ListChangeListener<String>) c -> keep());
        spoken.addListener((javafx.collections.ListChangeListener<String>) c -> keep());
    }

    /** Where the state goes whenever it changes (the meeting file, beside the record). */
    public void keepWith(java.util.function.Consumer<String> keeper) {
        this.keeper = keeper;
    }

    private void keep() {
        if (!restoring) keeper.accept(state());
    }

    /** The minutes each delegate pleads for: a plea restarts the timer with them. */
    public IntegerProperty pleadMinutesProperty() { return pleadMinutes; }

    public ReadOnlyIntegerProperty remainingProperty() { return remaining; }
    public ReadOnlyBooleanProperty runningProperty() { return running; }
    public ObservableList<String> queue() { return queue; }
    public BooleanProperty progressiveStackProperty() { return progressiveStack; }
    /** Whether a time has been set: an unset timer is not shown to the room. */
    public ReadOnlyBooleanProperty armedProperty() { return armed; }

    public void set(int seconds) {
        remaining.set(Math.max(0, seconds));
        armed.set(seconds > 0);
        keep();
    }

    public void start() { running.set(remaining.get() > 0); }

    public void pause() {
        running.set(false);
        keep(); // the seconds left, as paused
    }

    /** One second passes (called by the view's timeline, or by a test). */
    public void tick() {
        if (!running.get()) return;
        remaining.set(Math.max(0, remaining.get() - 1));
        if (remaining.get() == 0) running.set(false); // kept by the running listener
    }

    /** Adds someone to the queue; with a progressive stack, those who have not spoken yet go before those who have. */
    public void enqueue(String name) {
        if (name == null || name.isBlank()) return;
        String who = name.strip();
        if (progressiveStack.get() && !spoken.contains(who)) {
            int at = 0;
            while (at < queue.size() && !spoken.contains(queue.get(at))) at++;
            queue.add(at, who);
        } else {
            queue.add(who);
        }
    }

    /** The next speaker leaves the queue and takes the floor. */
    public String next() {
        if (queue.isEmpty()) return null;
        String who = queue.remove(0);
        spoken.add(who);
        return who;
    }

    /**
     * After a meeting file is reopened, the timer goes on where it would stand: the latest timed entry (a
     * discussion with its minutes, or a plea) less the time since it was recorded, if any is left.
     *
     * @return the seconds left, 0 when none
     */
    public static int remainingAfterReopen(java.util.List<String> record, java.time.Instant now, int pleadMinutes) {
        for (int i = record.size() - 1; i >= 1; i--) {
            com.fasterxml.jackson.databind.node.ObjectNode line;
            try {
                line = org.folkmoot.record.Json.object(record.get(i));
            } catch (org.folkmoot.record.FormatException e) {
                return 0;
            }
            org.folkmoot.procedure.ActionKind kind = org.folkmoot.procedure.ActionKind.fromWord(line.path("do").asText()).orElse(null);
            long minutes;
            if (kind == org.folkmoot.procedure.ActionKind.DISCUSS && line.path("minutes").canConvertToLong()) minutes = line.path("minutes").asLong();
            else if (kind == org.folkmoot.procedure.ActionKind.PLEAD) minutes = pleadMinutes;
            else if (kind == org.folkmoot.procedure.ActionKind.VOTE || kind == org.folkmoot.procedure.ActionKind.PRESENT
                    || kind == org.folkmoot.procedure.ActionKind.CLOSE_ROUND) return 0; // the timed step is over
            else continue;
            try {
                long elapsed = java.time.Duration.between(java.time.Instant.parse(line.path("at").asText()), now).getSeconds();
                long left = minutes * 60 - Math.max(0, elapsed);
                return (int) Math.max(0, Math.min(left, Integer.MAX_VALUE));
            } catch (java.time.format.DateTimeParseException e) {
                return 0;
            }
        }
        return 0;
    }

    /** The timer and the queue as JSON, with the seconds left now. */
    public String state() {
        com.fasterxml.jackson.databind.node.ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("remaining", remaining.get());
        n.put("running", running.get());
        n.put("armed", armed.get());
        n.put("pleadMinutes", pleadMinutes.get());
        n.put("progressiveStack", progressiveStack.get());
        queue.forEach(n.putArray("queue")::add);
        spoken.forEach(n.putArray("spoken")::add);
        return n.toString();
    }

    /**
     * Puts back a kept state, {@code elapsed} seconds after it was kept: a running timer has run on meanwhile
     * (and stopped at zero), a paused one is as it was.
     *
     * @return false when the state cannot be read (the clock is then left as it is)
     */
    public boolean restore(String state, long elapsed) {
        com.fasterxml.jackson.databind.node.ObjectNode n;
        try {
            n = org.folkmoot.record.Json.object(state);
        } catch (org.folkmoot.record.FormatException e) {
            return false;
        }
        restoring = true;
        try {
            long left = n.path("remaining").asLong(0);
            boolean wasRunning = n.path("running").asBoolean(false);
            if (wasRunning) left -= Math.max(0, elapsed);
            remaining.set((int) Math.max(0, Math.min(left, Integer.MAX_VALUE)));
            armed.set(n.path("armed").asBoolean(remaining.get() > 0));
            running.set(wasRunning && remaining.get() > 0);
            int plead = n.path("pleadMinutes").asInt(DEFAULT_PLEAD_MINUTES);
            pleadMinutes.set(plead >= 0 && plead <= 999 ? plead : DEFAULT_PLEAD_MINUTES);
            progressiveStack.set(n.path("progressiveStack").asBoolean(false));
            queue.setAll(texts(n.path("queue")));
            spoken.setAll(texts(n.path("spoken")));
        } finally {
            restoring = false;
        }
        return true;
    }

    private static java.util.List<String> texts(com.fasterxml.jackson.databind.JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode item : array) {
            if (item.isTextual() && !item.textValue().isBlank()) out.add(item.textValue());
        }
        return out;
    }

    /** "mm:ss". */
    public static String format(int seconds) {
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
