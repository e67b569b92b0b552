package org.folkmoot.app.console;

import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The console's timer and speakers' queue: controls bound to a {@link TimerAndQueueViewModel}, their clicks forwarded. */
final class TimerAndQueueView {
    private TimerAndQueueView() {
    }

    static Node of(TimerAndQueueViewModel speakers, ResourceBundle text) {
        Label time = new Label();
        time.getStyleClass().add("title-3");
        time.setMinWidth(Region.USE_PREF_SIZE);
        time.textProperty().bind(speakers.timeProperty());
        TextField minutes = new TextField();
        minutes.setPrefColumnCount(3);
        minutes.setId("timer-minutes");
        minutes.setAccessibleText(text.getString("timer.minutes.accessible"));
        minutes.textProperty().bindBidirectional(speakers.minutesProperty());
        Button set = new Button(text.getString("timer.set"));
        set.setId("timer-set");
        set.setOnAction(e -> speakers.set());
        Button start = new Button(text.getString("timer.start"));
        start.setOnAction(e -> speakers.start());
        Button pause = new Button(text.getString("timer.pause"));
        pause.setId("timer-pause");
        pause.setOnAction(e -> speakers.pause());
        TextField pleadMinutes = new TextField();
        pleadMinutes.setPrefColumnCount(3);
        pleadMinutes.setId("plead-minutes");
        pleadMinutes.textProperty().bindBidirectional(speakers.pleadMinutesProperty());
        pleadMinutes.setAccessibleText(text.getString("timer.plead"));
        // rows that flow onto a second line in a narrow column (1024 wide) rather than cut their words to "…"
        FlowPane timer = flow(new Label(text.getString("timer.label")), time, minutes,
                new Label(text.getString("timer.minutes")), set, start, pause);
        FlowPane plead = flow(new Label(text.getString("timer.plead")), pleadMinutes);

        TextField name = new TextField();
        name.setPromptText(text.getString("queue.name"));
        name.setId("queue-name");
        name.setAccessibleText(text.getString("queue.name.accessible"));
        name.textProperty().bindBidirectional(speakers.nameProperty());
        Button add = new Button(text.getString("queue.add"));
        add.setOnAction(e -> speakers.add());
        name.setOnAction(e -> add.fire());
        Button next = new Button(text.getString("queue.next"));
        next.setId("queue-next");
        next.setOnAction(e -> speakers.next());
        CheckBox progressive = new CheckBox(text.getString("queue.progressive"));
        progressive.selectedProperty().bindBidirectional(speakers.progressiveStackProperty());
        ListView<String> queue = new ListView<>(speakers.queue());
        queue.setPrefHeight(110);
        queue.setAccessibleText(text.getString("queue.accessible"));
        Button remove = new Button(text.getString("queue.remove"));
        remove.setOnAction(e -> speakers.remove(queue.getSelectionModel().getSelectedIndex()));
        FlowPane queueControls = flow(new Label(text.getString("queue.label")), name, add, next, remove);
        VBox box = new VBox(8, timer, plead, queueControls, progressive, queue);
        box.getStyleClass().add("panel");
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    /** A row of controls that wraps when its column is narrow, each keeping its whole label. */
    static FlowPane flow(Node... nodes) {
        FlowPane row = new FlowPane(8, 6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPrefWrapLength(280); // asks for no more than the narrowest column; wraps at what it is given
        for (Node n : nodes) {
            if (n instanceof Region r && !(n instanceof TextField)) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        return row;
    }
}
