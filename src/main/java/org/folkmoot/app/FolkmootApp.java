package org.folkmoot.app;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.folkmoot.procedure.Amendment;
import org.folkmoot.procedure.Delegate;
import org.folkmoot.procedure.RecordedVote;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.Replay;

/**
 * The desktop app. For now: the example meetings, each replayed through the same procedure as
 * {@code folkmoot replay}, with the outcome of every resolution. The facilitator's console comes next.
 */
public final class FolkmootApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(FolkmootApp.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        ListView<String> meetings = new ListView<>();
        meetings.getItems().setAll(ExampleMeetings.names());
        meetings.setAccessibleText("Example meetings");
        meetings.setPrefWidth(320);

        TextArea result = new TextArea();
        result.setEditable(false);
        result.setWrapText(true);
        result.setAccessibleText("Replay result");
        result.setStyle("-fx-font-family: monospace; -fx-font-size: 15px;");

        Button replay = new Button("Replay");
        replay.setDefaultButton(true);
        replay.disableProperty().bind(meetings.getSelectionModel().selectedItemProperty().isNull());
        replay.setOnAction(e -> replay(meetings.getSelectionModel().getSelectedItem(), result));
        meetings.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) replay(now, result);
        });

        Label title = new Label("Folkmoot — example meetings");
        title.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label hint = new Label("Choose a meeting and replay it: every action runs through the Community ladder.");

        VBox left = new VBox(8, meetings, replay);
        BorderPane root = new BorderPane(result, new VBox(4, title, hint), null, null, left);
        BorderPane.setMargin(result, new Insets(0, 0, 0, 12));
        root.setPadding(new Insets(16));
        HBox.setHgrow(result, javafx.scene.layout.Priority.ALWAYS);
        VBox.setVgrow(meetings, javafx.scene.layout.Priority.ALWAYS);

        stage.setTitle("Folkmoot");
        stage.setScene(new Scene(root, 1000, 600));
        stage.show();
        if (!meetings.getItems().isEmpty()) meetings.getSelectionModel().selectFirst();
    }

    private static void replay(String name, TextArea result) {
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws IOException {
                try {
                    Replay.Result r = Replay.run(ExampleMeetings.read(name), null, null, Clock.systemUTC());
                    List<Resolution> resolutions = r.meeting().resolutions();
                    String lines = resolutions.stream().map(FolkmootApp::describe).collect(Collectors.joining("\n"));
                    return name + "\n\n" + lines + (r.refused() ? "\n\nRefused: " + r.refusal() : "")
                            + "\n\n" + (r.record().size() - 1) + " entries replayed.";
                } catch (FormatException e) {
                    return name + "\n\nCannot replay: " + e.getMessage();
                }
            }
        };
        task.setOnSucceeded(e -> {
            result.setText(task.getValue());
        });
        task.setOnFailed(e -> {
            result.setText("Cannot replay " + name + ": " + task.getException().getMessage());
        });
        Thread worker = new Thread(task, "replay");
        worker.setDaemon(true);
        worker.start();
    }

    private static String describe(Resolution r) {
        StringBuilder s = new StringBuilder(Replay.outcomeLine(r)).append("\n  ").append(r.title()).append('\n');
        for (RecordedVote v : r.votes()) {
            s.append("  ").append(v.stage().spoken()).append(": ").append(v.tally()).append(" — support ")
                    .append(v.support()).append(v.reached() ? ", reached" : ", not reached").append('\n');
        }
        for (Amendment a : r.amendments()) {
            s.append("  amendment ").append(a.id()).append(" (").append(a.category()).append("): ")
                    .append(a.voted() ? (a.adopted() ? "adopted" : "rejected") : "not voted").append('\n');
        }
        for (Delegate d : r.delegates()) {
            s.append("  delegate ").append(d.name()).append(d.elected() ? " elected" : " not elected")
                    .append(d.recalled() ? ", recalled" : "").append('\n');
        }
        return s.append("  text now: ").append(r.workingText()).append('\n').toString();
    }
}
