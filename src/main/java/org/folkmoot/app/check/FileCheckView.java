package org.folkmoot.app.check;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The file check's window content: the file, the headline (green when it holds, red when not) and its lines. */
public final class FileCheckView {
    private final VBox root;

    public FileCheckView(FileCheckViewModel model) {
        Label headline = new Label();
        headline.getStyleClass().add("title-2");
        headline.textProperty().bind(model.headlineProperty());
        VBox lines = new VBox(6);
        Runnable shown = () -> {
            if (model.checkedProperty().get()) {
                headline.setStyle(model.holdsProperty().get() ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;");
            }
            lines.getChildren().setAll(model.lines().stream().map(line -> {
                Label l = new Label(line);
                l.setWrapText(true);
                return l;
            }).toList());
        };
        model.lines().addListener((ListChangeListener<String>) c -> shown.run());
        model.checkedProperty().addListener((o, was, now) -> shown.run());
        shown.run();
        root = new VBox(12, new Label(model.where()), headline, lines);
        root.setPadding(new Insets(20));
    }

    public VBox root() {
        return root;
    }
}
