package org.folkmoot.app.hall;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.folkmoot.session.RoomState;

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
    /** Who holds the floor now (empty: nobody), and for how many seconds so far. */
    private final javafx.beans.property.StringProperty speaker = new javafx.beans.property.SimpleStringProperty("");
    private final IntegerProperty speaking = new SimpleIntegerProperty(0);
    /** The seconds each speaker may hold the floor in this stage, or 0 where the rulebook sets no limit. */
    private final IntegerProperty speakingLimit = new SimpleIntegerProperty(0);
    private boolean speakerHeld;
    /**
     * The stage the queue and the timer belong to ("R1 round-1"), or null before any is known (an older
     * meeting file kept none): a queue is one stage's, and its timer times that stage alone.
     */
    private String stage;

    public MeetingClock() {
        // every change but the passing seconds is kept at once; the seconds follow from when it was kept
        running.addListener((o, was, now) -> keep());
        armed.addListener((o, was, now) -> keep());
        progressiveStack.addListener((o, was, now) -> keep());
        pleadMinutes.addListener((o, was, now) -> keep());
        queue.addListener((javafx.collections.ListChangeListener<String>) c -> keep());
        spoken.addListener((javafx.collections.ListChangeListener<String>) c -> keep());
        speaker.addListener((o, was, now) -> keep());
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

    public void start() {
        running.set(remaining.get() > 0);
        speakerHeld = false;
    }

    /** Pauses the timer and the speaker's time with it (a point of order stops both). */
    public void pause() {
        running.set(false);
        speakerHeld = true;
        keep(); // the seconds left, as paused
    }

    /** Who holds the floor now; empty when nobody does. */
    public javafx.beans.property.ReadOnlyStringProperty speakerProperty() { return speaker; }
    /** How long the speaker has held the floor, in seconds. */
    public ReadOnlyIntegerProperty speakingProperty() { return speaking; }
    /** The seconds a speaker may hold the floor in this stage; 0 where there is no limit. */
    public ReadOnlyIntegerProperty speakingLimitProperty() { return speakingLimit; }

    /** {@code name} takes the floor now (a delegate's plea, or the next from the queue); their time starts at 0. */
    public void takeFloor(String name) {
        speaking.set(0);
        speakerHeld = false;
        speaker.set(name == null ? "" : name.strip());
    }

    /** The stage the queue and timer belong to; null before any is known. */
    public String stage() { return stage; }

    /**
     * The meeting stands at {@code now} (a resolution and its stage, or the adjourn). A new stage ends the old
     * one's business: its queue is cleared, nobody holds the floor, and its timer stops and is put away. The
     * first stage learned (a file reopened that kept none) takes the queue as it stands.
     *
     * @param limitSeconds how long each speaker may hold the floor in the new stage (a plea's time), 0 for no limit
     */
    public void enterStage(String now, int limitSeconds) {
        speakingLimit.set(Math.max(0, limitSeconds));
        if (java.util.Objects.equals(stage, now)) return;
        boolean known = stage != null;
        stage = now;
        if (known) {
            restoring = true; // one change, kept once
            try {
                queue.clear();
                speaker.set("");
                speaking.set(0);
                running.set(false);
                remaining.set(0);
                armed.set(false);
            } finally {
                restoring = false;
            }
        }
        keep();
    }

    /** One second passes (called by the view's timeline, or by a test). */
    public void tick() {
        if (!speaker.get().isEmpty() && !speakerHeld) speaking.set(speaking.get() + 1);
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
        takeFloor(who);
        return who;
    }

    /**
     * After a meeting file is reopened, the timer goes on where it would stand: the latest timed entry (a
     * discussion with its minutes, or a plea) less the time since it was recorded, if any is left.
     *
     * @return the seconds left, 0 when none
     */
    public static int remainingAfterReopen(java.util.List<String> record, java.time.Instant now, int pleadMinutes) {
        return RoomState.remainingAfterReopen(record, now, pleadMinutes);
    }

    /** The timer and the queue as JSON, with the seconds left now. */
    public String state() {
        return new RoomState(remaining.get(), running.get(), armed.get(), pleadMinutes.get(), progressiveStack.get(),
                new java.util.ArrayList<>(queue), new java.util.ArrayList<>(spoken), stage, speaker.get(), speaking.get()).json();
    }

    /**
     * Puts back a kept state, {@code elapsed} seconds after it was kept: a running timer has run on meanwhile
     * (and stopped at zero), a paused one is as it was.
     *
     * @return false when the state cannot be read (the clock is then left as it is)
     */
    public boolean restore(String state, long elapsed) {
        java.util.Optional<RoomState> kept = RoomState.after(state, elapsed, DEFAULT_PLEAD_MINUTES);
        if (kept.isEmpty()) return false;
        RoomState n = kept.get();
        restoring = true;
        try {
            remaining.set(n.remaining());
            armed.set(n.armed());
            running.set(n.running());
            pleadMinutes.set(n.pleadMinutes());
            progressiveStack.set(n.progressiveStack());
            queue.setAll(n.queue());
            spoken.setAll(n.spoken());
            stage = n.stage();
            speaker.set(n.speaker());
            speaking.set(n.speaking());
        } finally {
            restoring = false;
        }
        return true;
    }

    /** "1:23": a speaker's time, as the room reads it. */
    public static String shortTime(int seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** "mm:ss". */
    public static String format(int seconds) {
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}
