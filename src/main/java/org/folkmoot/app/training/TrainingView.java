package org.folkmoot.app.training;

import java.io.IOException;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.folkmoot.record.FormatException;
import org.folkmoot.store.StoreException;

/** The training tab: the example meetings, what each came to, and a button to rehearse one step by step. */
public final class TrainingView {
    /** Opens the rehearsal of an example (its own windows). */
    public interface Rehearse {
        void open(String name, byte[] example) throws IOException, FormatException, StoreException;
    }

    private final VBox root;

    public TrainingView(TrainingViewModel model, ResourceBundle text, Rehearse rehearsal) {
        ListView<String> meetings = new ListView<>();
        meetings.getItems().setAll(model.names());
        meetings.setAccessibleText(text.getString("training.examples"));
        meetings.setPrefWidth(280);
        TextArea result = new TextArea();
        result.setEditable(false);
        result.setWrapText(true);
        result.setAccessibleText(text.getString("training.result"));
        result.setStyle("-fx-font-family: monospace; -fx-font-size: 14px;");
        meetings.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) result.setText(model.replay(now));
        });
        HBox.setHgrow(result, Priority.ALWAYS);
        Label problem = new Label();
        Button rehearse = new Button(text.getString("training.rehearse"));
        rehearse.disableProperty().bind(meetings.getSelectionModel().selectedItemProperty().isNull());
        rehearse.setOnAction(e -> {
            String name = meetings.getSelectionModel().getSelectedItem();
            try {
                rehearsal.open(name, model.read(name));
                problem.setText("");
            } catch (StoreException ex) {
                problem.setText(ex.reason(text.getLocale()));
            } catch (IOException | FormatException ex) {
                problem.setText(ex.getMessage());
            }
        });
        Label hint = new Label(text.getString("training.hint"));
        root = new VBox(10, hint, new HBox(12, meetings, result), new HBox(12, rehearse, problem));
        VBox.setVgrow(root.getChildren().get(1), Priority.ALWAYS);
        root.setPadding(new Insets(16));
        if (!meetings.getItems().isEmpty()) meetings.getSelectionModel().selectFirst();
    }

    public VBox root() {
        return root;
    }
}
