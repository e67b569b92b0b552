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
 */
public final class MeetingClock {
    private final IntegerProperty remaining = new SimpleIntegerProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObservableList<String> queue = FXCollections.observableArrayList();
    private final ObservableList<String> spoken = FXCollections.observableArrayList();
    private final BooleanProperty progressiveStack = new SimpleBooleanProperty(false);
    private final BooleanProperty armed = new SimpleBooleanProperty(false);

    public ReadOnlyIntegerProperty remainingProperty() { return remaining; }
    public ReadOnlyBooleanProperty runningProperty() { return running; }
    public ObservableList<String> queue() { return queue; }
    public BooleanProperty progressiveStackProperty() { return progressiveStack; }
    /** Whether a time has been set: an unset timer is not shown to the room. */
    public ReadOnlyBooleanProperty armedProperty() { return armed; }

    public void set(int seconds) {
        remaining.set(Math.max(0, seconds));
        armed.set(seconds > 0);
    }

    public void start() { running.set(remaining.get() > 0); }

    public void pause() { running.set(false); }

    /** One second passes (called by the view's timeline, or by a test). */
    public void tick() {
        if (!running.get()) return;
        remaining.set(Math.max(0, remaining.get() - 1));
        if (remaining.get() == 0) running.set(false);
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
            String kind = line.path("do").asText();
            long minutes;
            if (kind.equals("discuss") && line.path("minutes").canConvertToLong()) minutes = line.path("minutes").asLong();
            else if (kind.equals("plead")) minutes = pleadMinutes;
            else if (kind.equals("vote") || kind.equals("present") || kind.equals("close-round")) return 0; // the timed step is over
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

    /** "mm:ss". */
    public static String format(int seconds) {
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
