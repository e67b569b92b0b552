package org.folkmoot.app;

import java.io.File;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.folkmoot.procedure.Words;
import org.folkmoot.proposal.Bodies;

/** The bodies this Community belongs to, on the start screen; everything it shows comes from {@link BodiesViewModel}. */
public final class BodiesView {
    private final VBox root;
    private final ResourceBundle text;
    private final BodiesViewModel model;

    /** The section as a person uses it: a file chooser for the key file, a dialog to confirm. */
    public BodiesView(BodiesViewModel model, ResourceBundle text) {
        this(model, text, null, null, null);
    }

    /**
     * With the file choice and the confirmations given (tests: no modal to wait on); a null one is the
     * chooser or the dialog a person sees.
     */
    BodiesView(BodiesViewModel model, ResourceBundle text, Supplier<Path> chooseKeyFile, Predicate<Bodies.Body> confirmEnroll,
            Predicate<Bodies.Body> confirmRemove) {
        this.model = model;
        this.text = text;
        Supplier<Path> choose = chooseKeyFile != null ? chooseKeyFile : this::chooseKeyFile;
        Predicate<Bodies.Body> enrollIt = confirmEnroll != null ? confirmEnroll : this::askToEnroll;
        Predicate<Bodies.Body> removeIt = confirmRemove != null ? confirmRemove : this::askToRemove;

        Label title = new Label(text.getString("bodies.title"));
        title.getStyleClass().add("title-3");
        wrap(title);
        Label none = wrap(new Label(text.getString("bodies.none")));
        none.setId("bodies-none");
        none.getStyleClass().add("text-muted");
        TableView<Bodies.Body> table = new TableView<>(model.bodies());
        table.setId("bodies");
        table.setAccessibleText(text.getString("bodies.title"));
        table.getColumns().add(column(text.getString("bodies.column.name"), model::name));
        table.getColumns().add(column(text.getString("bodies.column.level"), model::level));
        table.getColumns().add(column(text.getString("bodies.column.id"), model::id));
        TableColumn<Bodies.Body, String> key = column(text.getString("bodies.column.key"), Bodies.Body::keyId);
        TableColumn<Bodies.Body, String> day = column(text.getString("bodies.column.enrolled"), b -> b.enrolled().toString());
        // the key id is read out digit by digit: never cut with "…"
        // measured in a font a size above the theme's, so the cell's padding and a larger system font still fit
        key.setMinWidth(widthOf("ed25519:0123456789abcdef") + 32);
        day.setMinWidth(widthOf("2026-12-31") + 32);
        // and no wider: the room left goes to the body's name
        key.setMaxWidth(key.getMinWidth());
        day.setMaxWidth(day.getMinWidth());
        table.getColumns().add(key);
        table.getColumns().add(day);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(30);
        // as tall as its rows (a few bodies at most), so the screen's scroll is the only one
        table.prefHeightProperty().bind(Bindings.size(model.bodies()).multiply(30).add(48));
        table.setMinHeight(Region.USE_PREF_SIZE);
        var empty = Bindings.isEmpty(model.bodies());
        none.visibleProperty().bind(empty);
        none.managedProperty().bind(empty);
        table.visibleProperty().bind(empty.not());
        table.managedProperty().bind(empty.not());

        Button enroll = new Button(text.getString("bodies.enroll"));
        enroll.setId("bodies-enroll");
        enroll.setOnAction(e -> {
            Path file = choose.get();
            if (file != null) model.enroll(file, enrollIt);
        });
        Button remove = new Button(text.getString("bodies.remove"));
        remove.setId("bodies-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.remove(table.getSelectionModel().getSelectedItem(), removeIt));
        HBox buttons = new HBox(10, enroll, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = wrap(new Label());
        message.setId("bodies-message");
        message.textProperty().bind(model.messageProperty());
        message.styleProperty().bind(Bindings.when(model.problemProperty())
                .then("-fx-text-fill: -color-danger-fg;").otherwise("-fx-text-fill: -color-success-fg;"));

        root = new VBox(8, title, none, table, buttons, message);
        root.setId("bodies-section");
        root.setPadding(new Insets(12));
        root.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;");
    }

    private static double widthOf(String sample) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(sample);
        t.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getSize() * 1.25));
        return t.getLayoutBounds().getWidth();
    }

    public Parent root() {
        return root;
    }

    private static TableColumn<Bodies.Body, String> column(String title, Function<Bodies.Body, String> value) {
        TableColumn<Bodies.Body, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private Path chooseKeyFile() {
        FileChooser c = new FileChooser();
        c.setTitle(text.getString("bodies.enroll"));
        File f = c.showOpenDialog(window());
        return f == null ? null : f.toPath();
    }

    /** The body and its key id in large type, to read against the clerk's in person: Enroll or Cancel. */
    private boolean askToEnroll(Bodies.Body body) {
        Label who = wrap(new Label(model.named(body)));
        who.getStyleClass().add("title-3");
        Label read = wrap(new Label(text.getString("bodies.confirm.read")));
        Label keyId = new Label(body.keyId());
        keyId.setId("bodies-confirm-key");
        keyId.setStyle("-fx-font-family: monospace; -fx-font-size: 30px; -fx-font-weight: bold;");
        return ask(text.getString("bodies.confirm.title"), new VBox(12, who, read, keyId), text.getString("bodies.confirm.enroll"));
    }

    private boolean askToRemove(Bodies.Body body) {
        Label line = wrap(new Label(Words.format(text.getString("bodies.remove.confirm"), model.named(body), body.keyId())));
        return ask(text.getString("bodies.remove.title"), new VBox(line), text.getString("bodies.remove"));
    }

    private boolean ask(String title, VBox content, String yes) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(title);
        if (window() != null) d.initOwner(window());
        ButtonType doIt = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(doIt, new ButtonType(text.getString("bodies.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        content.setPrefWidth(560);
        content.setPadding(new Insets(20, 24, 8, 24)); // the theme's dialog pane leaves its content flush to the edge
        d.getDialogPane().setContent(content);
        d.getDialogPane().getStylesheets().add(FolkmootApp.stylesheet());
        return d.showAndWait().filter(doIt::equals).isPresent();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private static Label wrap(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
