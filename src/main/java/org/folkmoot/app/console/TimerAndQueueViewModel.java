package org.folkmoot.app.console;

import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.folkmoot.app.hall.MeetingClock;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Words;

/**
 * The room's timer and speakers' queue as the console runs them: the minutes typed for the timer and for each
 * plea, the name typed for the queue, who speaks next, and when the timer starts because of what the meeting
 * recorded. The {@link MeetingClock} keeps the state (the projector shows it too); this decides what the
 * console's controls do with it. It never touches a control: the view binds to it and forwards its clicks.
 */
public final class TimerAndQueueViewModel {

    /** What makes the seconds pass: a timeline on the screen, a test's own hand ({@link #tick()}) without one. */
    @FunctionalInterface
    public interface Ticks {
        void everySecond(Runnable tick);
    }

    /** The screen's seconds: a timeline that ticks for as long as the console is open. */
    public static final Ticks TIMELINE = tick -> {
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick.run()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    };

    /** The minutes the timer's field offers before anything is typed. */
    static final String DEFAULT_MINUTES = "5";

    private final MeetingClock clock;
    private final Supplier<Meeting> meeting;
    /** Records that {@code name} spoke (the console's speak form, filled and recorded). */
    private final Consumer<String> spoke;
    /** Says in the console's message line why what was typed is not taken. */
    private final Consumer<String> refuse;
    private final ResourceBundle text;
    private final StringProperty minutes = new SimpleStringProperty(DEFAULT_MINUTES);
    private final StringProperty pleadMinutes = new SimpleStringProperty();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringBinding time;

    TimerAndQueueViewModel(MeetingClock clock, Supplier<Meeting> meeting, Consumer<String> spoke, Consumer<String> refuse,
                           ResourceBundle text) {
        this.clock = clock;
        this.meeting = meeting;
        this.spoke = spoke;
        this.refuse = refuse;
        this.text = text;
        time = Bindings.createStringBinding(() -> MeetingClock.format(clock.remainingProperty().get()), clock.remainingProperty());
        // the minutes for pleading are the clock's, so they are kept with it and found again on reopening; while
        // they are typed, what is not yet a number of minutes leaves the clock's as they were
        pleadMinutes.set(Integer.toString(clock.pleadMinutesProperty().get()));
        pleadMinutes.addListener((o, was, now) -> {
            Integer m = minutes(now);
            if (m != null) clock.pleadMinutesProperty().set(m);
        });
        clock.pleadMinutesProperty().addListener((o, was, now) -> {
            String typed = pleadMinutes.get() == null ? "" : pleadMinutes.get().strip();
            if (!typed.equals(now.toString())) pleadMinutes.set(now.toString());
        });
        // a stage's speakers may plead for the minutes just set
        clock.pleadMinutesProperty().addListener((o, was, now) -> followStage());
        followStage();
    }

    // ---- what the view binds to -------------------------------------------------------------------

    /** The time left, "mm:ss". */
    public StringBinding timeProperty() { return time; }
    /** The minutes typed for the timer, taken by {@link #set()}. */
    public StringProperty minutesProperty() { return minutes; }
    /** The minutes typed for each plea: the clock's, whenever they are a number of minutes. */
    public StringProperty pleadMinutesProperty() { return pleadMinutes; }
    /** The name typed for the queue, taken by {@link #add()}. */
    public StringProperty nameProperty() { return name; }
    public BooleanProperty progressiveStackProperty() { return clock.progressiveStackProperty(); }
    public ObservableList<String> queue() { return clock.queue(); }

    // ---- the controls' clicks ---------------------------------------------------------------------

    /**
     * Sets the timer to the minutes typed. What is not a whole number of minutes (0 to 999) is refused in the
     * message line, and the timer is left as it was.
     *
     * @return true when the timer was set
     */
    public boolean set() {
        Integer m = minutes(minutes.get());
        if (m == null) {
            refuse.accept(Words.format(text.getString("timer.minutes.refused"), minutes.get() == null ? "" : minutes.get().strip()));
            return false;
        }
        clock.set(m * 60);
        return true;
    }

    public void start() { clock.start(); }

    /** Pauses the timer and the speaker's time with it (a point of order stops both). */
    public void pause() { clock.pause(); }

    /** The name typed joins the queue (in its place, with a progressive stack), and the field is emptied for the next. */
    public void add() {
        clock.enqueue(name.get());
        name.set("");
    }

    /** Takes the speaker at {@code index} out of the queue; nothing when no one is chosen there. */
    public void remove(int index) {
        if (index >= 0 && index < clock.queue().size()) clock.queue().remove(index);
    }

    /** One second passes (the {@link Ticks}, or a test). */
    public void tick() { clock.tick(); }

    /** The seconds start to pass with {@code ticks}. */
    void tickWith(Ticks ticks) {
        ticks.everySecond(this::tick);
    }

    // ---- what follows from the meeting ------------------------------------------------------------

    /**
     * The next in the queue takes the floor: shown to the room as speaking, and recorded as having spoken
     * while the discussion is open.
     *
     * @return who, or null when the queue is empty
     */
    public String next() {
        String who = clock.next();
        if (who != null && meeting.get().whyNot(ActionKind.SPEAK).isEmpty()) spoke.accept(who);
        return who;
    }

    /**
     * The stage the queue and the timer belong to: the latest resolution and where it stands, or the adjourn.
     * The rulebook times the discussion and each plea; a speaker is held to a limit only in a round (the plea).
     */
    static String stageOf(Meeting m) {
        if (m.adjourned()) return "adjourned";
        Resolution r = m.current().orElse(null);
        return r == null ? "none" : r.id() + " " + r.stage().name();
    }

    /** A change of stage ends the old stage's queue and timer; in a round each speaker pleads for the minutes set. */
    void followStage() {
        Meeting m = meeting.get();
        Resolution r = m.current().orElse(null);
        boolean pleas = !m.adjourned() && r != null && r.stage().isRound();
        clock.enterStage(stageOf(m), pleas ? clock.pleadMinutesProperty().get() * 60 : 0);
    }

    /**
     * A timed discussion starts the room's timer with its minutes; each delegate pleads against the clock, the
     * timer restarting with the minutes set for pleading, and holds the floor meanwhile.
     */
    void recorded(Action action) {
        if (action instanceof Action.Discuss d && d.minutes() != null && d.minutes() > 0 && d.minutes() <= 999) {
            clock.set(d.minutes().intValue() * 60);
            clock.start();
        }
        if (action instanceof Action.Plead plea) {
            if (clock.pleadMinutesProperty().get() > 0) {
                clock.set(clock.pleadMinutesProperty().get() * 60);
                clock.start();
            }
            meeting.get().current().flatMap(r -> r.grievances().stream()
                    .filter(g -> g.round() == r.round() && g.category().equals(plea.category())).findFirst())
                    .ifPresent(g -> clock.takeFloor(g.delegate()));
        }
    }

    /** A whole number of minutes, 0 to 999, as typed (spaces around it aside); null for anything else. */
    static Integer minutes(String typed) {
        if (typed == null) return null;
        String v = typed.strip();
        return v.matches("\\d{1,3}") ? Integer.parseInt(v) : null;
    }
}
