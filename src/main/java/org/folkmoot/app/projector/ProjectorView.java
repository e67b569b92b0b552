package org.folkmoot.app.projector;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.folkmoot.app.hall.MeetingClock;
import org.folkmoot.app.hall.TrackedChange;
import org.folkmoot.procedure.Words;

/**
 * The audience's screen: large type, high contrast, nothing to click. Everything on it is bound to the
 * {@link ProjectorViewModel} and the {@link MeetingClock}.
 */
public final class ProjectorView {
    /** The size the projector is designed at: any window shows it scaled to fit, so nothing is cut at 1024×768. */
    static final double DESIGN_WIDTH = 1280, DESIGN_HEIGHT = 800;
    private final VBox root = new VBox(22);
    /**
     * The window's content: the design scaled as a whole to the window, its lesser side at design size and the
     * other given the room left, so type and spacing keep their proportions on every projector.
     */
    private final Pane frame = new Pane(root) {
        @Override
        protected void layoutChildren() {
            double scale = scale(getWidth(), getHeight());
            if (scale <= 0) return;
            root.resizeRelocate(0, 0, getWidth() / scale, getHeight() / scale);
            root.getTransforms().setAll(new javafx.scene.transform.Scale(scale, scale, 0, 0));
        }
    };

    public ProjectorView(ProjectorViewModel model, MeetingClock clock, java.util.ResourceBundle words) {
        root.getStyleClass().add("projector");
        frame.getStyleClass().add("projector");
        frame.setPrefSize(DESIGN_WIDTH, DESIGN_HEIGHT);
        frame.setMouseTransparent(true);
        root.setPadding(new Insets(32, 48, 32, 48));
        root.setMouseTransparent(true); // read-only: nothing here changes the meeting
        root.setFocusTraversable(false);

        // the ladder's steps wrap to a second line rather than be cut to "Pres…"
        javafx.scene.layout.FlowPane crumbs = new javafx.scene.layout.FlowPane(14, 8);
        crumbs.setAlignment(Pos.CENTER_LEFT);
        Runnable lit = () -> {
            crumbs.getChildren().clear();
            for (int i = 0; i < model.ladder().size(); i++) {
                Label step = new Label(model.ladder().get(i));
                step.getStyleClass().add(i == model.ladderStepProperty().get() ? "p-crumb-current" : "p-crumb");
                crumbs.getChildren().add(step);
            }
        };
        model.ladderStepProperty().addListener((o, was, now) -> lit.run());
        lit.run();
        // no resolution in hand (the standing business on screen): no ladder to show
        crumbs.managedProperty().bind(model.ladderStepProperty().greaterThanOrEqualTo(0));
        crumbs.visibleProperty().bind(crumbs.managedProperty());

        Label meeting = new Label();
        meeting.setId("p-meeting");
        meeting.getStyleClass().add("p-meeting");
        meeting.textProperty().bind(model.meetingLineProperty());
        meeting.managedProperty().bind(meeting.textProperty().isNotEmpty());
        meeting.visibleProperty().bind(meeting.managedProperty());

        Label title = new Label();
        title.getStyleClass().add("p-title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        Label source = new Label();
        source.setId("p-source");
        source.getStyleClass().add("p-source");
        source.textProperty().bind(model.sourceProperty());
        source.managedProperty().bind(source.textProperty().isNotEmpty());
        source.visibleProperty().bind(source.managedProperty());

        TextFlow text = new TextFlow();
        text.getStyleClass().add("p-text");
        Runnable fill = () -> {
            text.getChildren().clear();
            for (TrackedChange.Run run : model.text()) {
                Text t = new Text(run.text());
                switch (run.mark()) {
                    case ADOPTED -> t.getStyleClass().add("p-inserted");
                    case STRUCK -> {
                        t.getStyleClass().add("p-struck");
                        t.setStrikethrough(true);
                    }
                    case PROPOSED -> t.getStyleClass().add("p-proposed");
                    default -> t.getStyleClass().add("p-plain");
                }
                t.setUnderline(run.mark() == TrackedChange.Mark.ADOPTED || run.mark() == TrackedChange.Mark.PROPOSED);
                text.getChildren().add(t);
            }
        };
        model.text().addListener((ListChangeListener<TrackedChange.Run>) c -> fill.run());
        fill.run();
        text.managedProperty().bind(Bindings.isNotEmpty(model.text()));
        text.visibleProperty().bind(text.managedProperty());

        VBox tally = tally(model);
        Label categories = new Label();
        categories.getStyleClass().add("p-categories");
        categories.setWrapText(true);
        Runnable cats = () -> categories.setText(String.join("\n", model.categories()));
        model.categories().addListener((ListChangeListener<String>) c -> cats.run());
        cats.run();
        categories.managedProperty().bind(categories.textProperty().isNotEmpty());
        categories.visibleProperty().bind(categories.managedProperty());

        Label timer = new Label();
        timer.getStyleClass().add("p-timer");
        timer.textProperty().bind(Bindings.createStringBinding(() -> MeetingClock.format(clock.remainingProperty().get()),
                clock.remainingProperty()));
        timer.styleProperty().bind(Bindings.createStringBinding(() -> {
            int s = clock.remainingProperty().get();
            return s == 0 ? "-fx-text-fill: #ff5252;" : s <= 120 ? "-fx-text-fill: #ffb300;" : "-fx-text-fill: #ffffff;";
        }, clock.remainingProperty()));
        timer.visibleProperty().bind(clock.armedProperty());
        Label queue = new Label();
        queue.getStyleClass().add("p-queue");
        wrap(queue); // a long queue takes a second line rather than end in "…"
        HBox.setHgrow(queue, Priority.SOMETIMES);
        Runnable q = () -> queue.setText(clock.queue().isEmpty() ? "" : Words.format(words.getString("projector.next"), String.join(" · ", clock.queue())));
        clock.queue().addListener((ListChangeListener<String>) c -> q.run());
        q.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox timeRow = new HBox(24, queue, spacer, timer);
        timeRow.setAlignment(Pos.CENTER_LEFT);
        // with no timer set and nobody waiting, the row gives its height to the outcome and the fingerprint
        timeRow.managedProperty().bind(clock.armedProperty().or(queue.textProperty().isNotEmpty()));
        timeRow.visibleProperty().bind(timeRow.managedProperty());

        Label outcome = new Label();
        outcome.getStyleClass().add("p-outcome");
        outcome.textProperty().bind(model.outcomeProperty());
        Label caption = new Label();
        caption.textProperty().bind(javafx.beans.binding.Bindings.when(model.provisionalProperty())
                .then(words.getString("projector.fingerprint.provisional")).otherwise(words.getString("projector.fingerprint")));
        caption.getStyleClass().add("p-caption");
        caption.visibleProperty().bind(model.fingerprintProperty().isNotEmpty());
        caption.managedProperty().bind(caption.visibleProperty());
        Label fingerprint = new Label();
        fingerprint.getStyleClass().add("p-fingerprint");
        fingerprint.textProperty().bind(model.fingerprintProperty());
        fingerprint.opacityProperty().bind(javafx.beans.binding.Bindings.when(model.provisionalProperty()).then(0.55).otherwise(1.0));
        // empty, they take no room: the timer row stays on screen while the resolution is open
        for (Label l : new Label[] {outcome, fingerprint}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }

        VBox standing = standing(model);

        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        root.getChildren().addAll(meeting, crumbs, title, source, text, tally, categories, standing, grow, outcome, caption, fingerprint, timeRow);
        Label speaking = new Label();
        speaking.setId("p-speaking");
        speaking.getStyleClass().add("p-speaking"); // who holds the floor: read from the back, next to the clock
        speaking.textProperty().bind(model.nowSpeaking(clock));
        speaking.managedProperty().bind(speaking.textProperty().isNotEmpty());
        speaking.visibleProperty().bind(speaking.managedProperty());
        root.getChildren().add(root.getChildren().indexOf(timeRow), speaking); // just above the timer and the queue
        // labels that wrap keep the height of all their lines rather than being cut short with "…"
        for (Label l : new Label[] {title, source, categories, outcome, fingerprint}) wrap(l);
    }

    public Parent root() { return frame; }

    /** How much the design is scaled in a window of {@code width} by {@code height}: so that all of it fits. */
    static double scale(double width, double height) {
        return Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT);
    }

    /** The standing business: what is in planning, tabled, and who serves, under its heading. */
    private static VBox standing(ProjectorViewModel model) {
        VBox box = new VBox(6);
        box.setId("p-standing");
        Runnable fill = () -> {
            box.getChildren().clear();
            if (model.standingTitleProperty().get().isEmpty()) return;
            Label heading = new Label(model.standingTitleProperty().get());
            heading.getStyleClass().add("p-standing-title");
            box.getChildren().add(heading);
            for (org.folkmoot.app.hall.StandingBusiness.Section s : model.standing()) {
                Label h = new Label(s.heading());
                h.getStyleClass().add("p-standing-heading");
                box.getChildren().add(h);
                for (String item : s.items()) {
                    Label l = new Label(item);
                    l.getStyleClass().add("p-standing-item");
                    wrap(l);
                    box.getChildren().add(l);
                }
            }
        };
        model.standing().addListener((ListChangeListener<org.folkmoot.app.hall.StandingBusiness.Section>) c -> fill.run());
        model.standingTitleProperty().addListener((o, was, now) -> fill.run());
        fill.run();
        box.managedProperty().bind(model.standingTitleProperty().isNotEmpty());
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private static void wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    private static VBox tally(ProjectorViewModel model) {
        Label what = new Label();
        what.getStyleClass().add("p-tally-title");
        what.textProperty().bind(model.tallyTitleProperty());
        Pane bar = new Pane();
        bar.setPrefHeight(44);
        bar.setMinHeight(44);
        Rectangle track = new Rectangle();
        track.getStyleClass().add("p-bar-track");
        Rectangle fill = new Rectangle();
        Rectangle mark = new Rectangle();
        mark.getStyleClass().add("p-bar-mark");
        track.widthProperty().bind(bar.widthProperty());
        track.setHeight(44);
        fill.setHeight(44);
        fill.widthProperty().bind(bar.widthProperty().multiply(Bindings.max(0, model.supportProperty())));
        fill.styleProperty().bind(Bindings.when(model.reachedProperty()).then("-fx-fill: #43a047;").otherwise("-fx-fill: #e53935;"));
        mark.setWidth(6);
        mark.setHeight(64);
        mark.setY(-10);
        mark.xProperty().bind(bar.widthProperty().multiply(model.thresholdProperty()).subtract(3));
        bar.getChildren().addAll(track, fill, mark);
        bar.visibleProperty().bind(model.supportProperty().greaterThanOrEqualTo(0));
        Label words = new Label();
        words.getStyleClass().add("p-tally-words");
        wrap(words);
        words.textProperty().bind(model.tallyWordsProperty());
        VBox box = new VBox(10, what, new StackPane(bar), words);
        box.setMaxWidth(Double.MAX_VALUE);
        // with no tally to show, it gives its height to what is on screen
        box.managedProperty().bind(model.tallyTitleProperty().isNotEmpty().or(model.supportProperty().greaterThanOrEqualTo(0)));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

}
