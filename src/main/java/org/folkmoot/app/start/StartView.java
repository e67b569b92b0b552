package org.folkmoot.app.start;

import java.io.File;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.beans.property.StringProperty;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.folkmoot.app.hall.StandingBusiness;

/**
 * The start screen's Meeting tab: tonight's form beside the Community's book, the meetings to reopen, this
 * laptop's key and backup, and the bodies the Community belongs to (built by the app and placed at the foot).
 */
public final class StartView {
    private static final String DANGER = "-fx-text-fill: -color-danger-fg;";

    private final StartViewModel model;
    private final ResourceBundle text;
    private final VBox root;

    public StartView(StartViewModel model, ResourceBundle text, Node bodies) {
        this.model = model;
        this.text = text;
        this.root = build(bodies);
    }

    public VBox root() {
        return root;
    }

    private VBox build(Node bodies) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        String[] labels = {text.getString("start.community.id"), text.getString("start.community.name"), text.getString("start.members"),
            text.getString("start.date"), text.getString("start.place"), text.getString("start.facilitator"), text.getString("start.secretary")};
        StringProperty[] values = {model.idProperty(), model.nameProperty(), model.membersProperty(), model.dateProperty(),
            model.placeProperty(), model.facilitatorProperty(), model.secretaryProperty()};
        for (int i = 0; i < labels.length; i++) {
            TextField field = new TextField();
            field.textProperty().bindBidirectional(values[i]);
            field.setAccessibleText(labels[i]);
            grid.addRow(i, new Label(labels[i]), field);
            GridPane.setHgrow(field, Priority.ALWAYS);
        }
        Label problem = new Label();
        problem.textProperty().bind(model.problemProperty());
        // said while a meeting is reopened: not a problem
        problem.styleProperty().bind(Bindings.when(model.workingProperty()).then("-fx-text-fill: -color-fg-muted;").otherwise(DANGER));
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        Button start = new Button(text.getString("start.button"));
        start.setMinWidth(Region.USE_PREF_SIZE); // a long message beside it must not cut its words
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.setOnAction(e -> model.start());

        ListView<String> existing = meetingList();
        Button reopen = new Button(text.getString("start.reopen"));
        reopen.disableProperty().bind(existing.getSelectionModel().selectedItemProperty().isNull().or(model.workingProperty()));
        reopen.setOnAction(e -> model.reopen(existing.getSelectionModel().getSelectedItem()));
        // a meeting is reopened as a list item is: by a double click, or Enter
        existing.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !reopen.isDisabled()) reopen.fire();
        });
        existing.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !reopen.isDisabled()) reopen.fire();
        });

        Label keyLine = new Label(model.keyLine());
        keyLine.getStyleClass().add("text-muted");
        // what the key's and the backup's buttons did, said beside them (a success is not shown as a problem)
        Label keyMessage = new Label();
        keyMessage.setId("key-message");
        keyMessage.setWrapText(true);
        keyMessage.textProperty().bind(model.keyMessageProperty());
        keyMessage.styleProperty().bind(Bindings.when(model.keyDoneProperty()).then("-fx-text-fill: -color-success-fg;").otherwise(DANGER));
        Button exportKey = new Button(text.getString("start.export-key"));
        exportKey.setOnAction(e -> {
            String name = model.keyFileName();
            if (name == null) return;
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(name);
            File f = chooser.showSaveDialog(window());
            if (f != null) model.exportKey(f.toPath());
        });
        Button backup = new Button(text.getString("start.backup"));
        backup.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(window());
            if (dir != null) model.backup(dir.toPath());
        });
        HBox keyRow = new HBox(10, exportKey, backup);
        Label newTitle = wrapWhole(new Label(text.getString("start.new")));
        newTitle.getStyleClass().add("title-3");
        Label oldTitle = wrapWhole(new Label(text.getString("start.old")));
        oldTitle.getStyleClass().add("title-3");
        // tonight's form and the book side by side: what stands open is in sight while the form is filled in
        TitledPane rulesPane = RulesForm.pane(model.rules(), text);
        rulesPane.setMinWidth(0); // its long title is cut rather than pushing into the book beside it
        VBox tonight = new VBox(10, newTitle, grid, rulesPane, new HBox(10, start, problem));
        VBox side = new VBox(10, bookPane(model.book()), oldTitle, existing, reopen);
        // the columns keep their shares of the window: their widest line wraps rather than widening them
        tonight.setMinWidth(0);
        side.setMinWidth(0);
        GridPane columns = new GridPane();
        columns.setHgap(20);
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(54);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(46);
        columns.getColumnConstraints().addAll(left, right);
        columns.addRow(0, tonight, side);
        RowConstraints top = new RowConstraints();
        top.setValignment(VPos.TOP);
        columns.getRowConstraints().add(top);
        VBox box = new VBox(14, columns, keyLine, keyRow, keyMessage, bodies);
        if (model.firstRun()) box.getChildren().add(0, firstRunGuide());
        box.setPadding(new Insets(16));
        return box;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /**
     * Each meeting in the reopen list by what it holds (its Community, meeting, date and place, its resolutions
     * and where each stands), its file name under it; the words follow as the files are read.
     */
    private ListView<String> meetingList() {
        ListView<String> list = new ListView<>(model.meetings());
        list.setCellFactory(l -> new ListCell<>() {
            private final Label what = new Label();
            private final Label name = new Label();
            private final VBox both = new VBox(2, what, name);

            {
                what.setWrapText(true);
                what.maxWidthProperty().bind(l.widthProperty().subtract(40));
                what.setMinHeight(Region.USE_PREF_SIZE);
                name.getStyleClass().add("text-muted");
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String file, boolean empty) {
                super.updateItem(file, empty);
                setText(null);
                if (empty || file == null) {
                    setGraphic(null);
                    return;
                }
                what.setText(model.description(file));
                name.setText(file);
                setGraphic(both);
            }
        });
        model.described().addListener((MapChangeListener<String, String>) change -> list.refresh());
        list.setPrefHeight(160);
        // the book is what is reopened after a crash: chosen already, one click away
        if (model.chosenAtOpening() != null) list.getSelectionModel().select(model.chosenAtOpening());
        list.setAccessibleText(text.getString("start.existing"));
        return list;
    }

    /** The first run: what to do before the first meeting, with this laptop's key and where its data lives. */
    private VBox firstRunGuide() {
        Label title = new Label(text.getString("guide.title"));
        title.getStyleClass().add("title-3");
        VBox guide = new VBox(6, title);
        for (String step : model.guide()) guide.getChildren().add(wrapWhole(new Label(step))); // all its lines, not cut short
        guide.setId("first-run-guide");
        guide.setPadding(new Insets(12));
        guide.setStyle("-fx-background-color: -color-accent-subtle; -fx-background-radius: 6;");
        return guide;
    }

    /**
     * The Community's book: its meetings, what stands open in it, and what starting tonight's meeting will do.
     * Before the first meeting, a line saying that it begins the book.
     */
    private VBox bookPane(StartViewModel.Book book) {
        VBox pane = new VBox(6);
        pane.setId("book");
        pane.setPadding(new Insets(12));
        pane.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;");
        if (book == null) {
            pane.getChildren().add(wrapWhole(new Label(text.getString("book.none"))));
            return pane;
        }
        Label title = wrapWhole(new Label(book.title()));
        title.getStyleClass().add("title-3");
        GridPane meetings = new GridPane();
        meetings.setId("book-meetings");
        meetings.setHgap(18);
        meetings.setVgap(2);
        int row = 0;
        if (book.earlier() != null) meetings.add(new Label(book.earlier()), 0, row++, 4, 1);
        for (StartViewModel.Held h : book.meetings()) {
            Label number = new Label(h.number());
            number.getStyleClass().add("text-bold");
            Label day = new Label(h.date());
            Label done = new Label(h.state());
            for (Label l : new Label[] {number, day, done}) l.setMinWidth(Region.USE_PREF_SIZE);
            meetings.addRow(row++, number, day, wrapWhole(new Label(h.place())), done);
        }
        VBox standing = new VBox(2);
        standing.setId("book-standing");
        if (book.standing().isEmpty()) standing.getChildren().add(new Label(text.getString("book.standing.none")));
        for (StandingBusiness.Section section : book.standing()) {
            Label heading = new Label(section.heading());
            heading.getStyleClass().add("text-bold");
            standing.getChildren().add(heading);
            for (String item : section.items()) {
                Label l = new Label("   " + item);
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
                standing.getChildren().add(l);
            }
        }
        Label next = wrapWhole(new Label(book.next()));
        next.setId("book-next");
        if (!book.adjourned()) next.setStyle("-fx-text-fill: -color-warning-fg;");
        pane.getChildren().addAll(title, meetings, standing, next);
        return pane;
    }

    /** A label that wraps and keeps the height of all its lines, never cut short with "…". */
    private static Label wrapWhole(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
