package org.folkmoot.app.combine;

import java.io.File;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The tally clerk's screen; everything it shows comes from {@link CombineViewModel}. */
public final class CombineView {
    private static final double BAR_WIDTH = 420;
    private final VBox root;
    private final Chooser chooser;

    public CombineView(CombineViewModel model, ResourceBundle text) {
        this(model, text, Chooser.DIALOGS);
    }

    public CombineView(CombineViewModel model, ResourceBundle text, Chooser chooser) {
        this.chooser = chooser;
        TextField roster = field(model.rosterProperty(), "combine-roster", text.getString("combine.roster"));
        Button chooseRoster = new Button(text.getString("combine.choose"));
        chooseRoster.setOnAction(e -> open(text.getString("combine.roster"), f -> model.rosterProperty().set(f.getPath())));
        TextField resolution = field(model.resolutionProperty(), "combine-resolution", text.getString("combine.resolution"));
        TextField sha = field(model.textSha256Property(), "combine-sha", text.getString("combine.sha"));
        Button hash = new Button(text.getString("combine.hash"));
        hash.setOnAction(e -> open(text.getString("combine.hash"), f -> model.hashTextOf(f.toPath())));
        // a proposal opened gives the resolution and its text hash: they are its own, not typed over
        resolution.editableProperty().bind(model.proposalOpenProperty().not());
        sha.editableProperty().bind(model.proposalOpenProperty().not());
        hash.disableProperty().bind(model.proposalOpenProperty());
        Button openProposal = new Button(text.getString("combine.proposal.open"));
        openProposal.setId("combine-open-proposal");
        openProposal.setOnAction(e -> open(text.getString("combine.proposal.open"), f -> model.openProposal(f.toPath())));
        Button clearProposal = new Button(text.getString("combine.proposal.clear"));
        clearProposal.setId("combine-clear-proposal");
        clearProposal.visibleProperty().bind(model.proposalOpenProperty());
        clearProposal.managedProperty().bind(model.proposalOpenProperty());
        clearProposal.setOnAction(e -> model.clearProposal());
        Label proposalLine = new Label();
        proposalLine.setId("combine-proposal-line");
        proposalLine.setWrapText(true);
        proposalLine.setMinHeight(Region.USE_PREF_SIZE); // a wrapped label in a grid is cut to one line otherwise
        proposalLine.getStyleClass().add("text-bold");
        proposalLine.textProperty().bind(model.proposalLineProperty());
        proposalLine.visibleProperty().bind(model.proposalOpenProperty());
        proposalLine.managedProperty().bind(model.proposalOpenProperty());
        HBox proposalRow = new HBox(10, openProposal, clearProposal);
        proposalRow.setAlignment(Pos.CENTER_LEFT);
        TextArea inputs = new TextArea();
        inputs.setId("combine-inputs");
        inputs.setPrefRowCount(3);
        inputs.setAccessibleText(text.getString("combine.inputs"));
        inputs.textProperty().bindBidirectional(model.inputsProperty());
        Button addFolder = new Button(text.getString("combine.add-folder"));
        addFolder.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            File f = c.showDialog(window());
            if (f != null) model.addInput(f.toPath());
        });
        Button addFiles = new Button(text.getString("combine.add-files"));
        addFiles.setOnAction(e -> {
            var files = new FileChooser().showOpenMultipleDialog(window());
            if (files != null) files.forEach(f -> model.addInput(f.toPath()));
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(text.getString("combine.roster")), roster, chooseRoster);
        form.addRow(1, new Label(text.getString("combine.proposal")), proposalRow);
        form.add(proposalLine, 1, 2, 2, 1);
        form.addRow(3, new Label(text.getString("combine.resolution")), resolution);
        form.addRow(4, new Label(text.getString("combine.sha")), sha, hash);
        form.addRow(5, new Label(text.getString("combine.inputs")), inputs, new VBox(6, addFolder, addFiles));
        for (var n : new javafx.scene.Node[] {roster, resolution, sha, inputs}) GridPane.setHgrow(n, Priority.ALWAYS);

        Button count = new Button(text.getString("combine.count"));
        count.setId("combine-count");
        count.getStyleClass().add("accent");
        count.disableProperty().bind(model.runningProperty());
        count.setOnAction(e -> model.count());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(300);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.setAccessibleText(text.getString("combine.progress.accessible"));
        Label progressLine = new Label();
        progressLine.textProperty().bind(model.progressLineProperty());
        progressLine.visibleProperty().bind(model.runningProperty());
        HBox countRow = new HBox(12, count, progress, progressLine);
        countRow.setAlignment(Pos.CENTER_LEFT);

        Label outcome = new Label();
        outcome.setId("combine-outcome");
        outcome.getStyleClass().add("title-3");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        outcome.textProperty().bind(model.outcomeProperty());
        VBox bars = new VBox(4);
        bars.setId("combine-bars");
        Runnable drawBars = () -> {
            bars.getChildren().clear();
            for (CombineViewModel.Bar b : model.bars()) bars.getChildren().add(bar(b));
        };
        model.bars().addListener((ListChangeListener<CombineViewModel.Bar>) c -> drawBars.run());
        ListView<String> notes = new ListView<>(model.notes());
        notes.setId("combine-notes");
        // as tall as its lines, up to eight: the clerk reads them out, and a scrolled-away line is not read
        notes.setFixedCellSize(28);
        notes.setMinHeight(Region.USE_PREF_SIZE);
        notes.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(Math.max(model.notes().size(), 2), 8) * 28.0 + 4, model.notes()));
        notes.setAccessibleText(text.getString("combine.notes"));
        ListView<String> refused = new ListView<>(model.refused());
        refused.setId("combine-refused");
        refused.setPrefHeight(110);
        refused.setAccessibleText(text.getString("combine.refused"));
        Label refusedTitle = new Label(text.getString("combine.refused"));

        TextField target = field(model.targetProperty(), "combine-target", text.getString("combine.target"));
        Button chooseTarget = new Button(text.getString("combine.choose"));
        chooseTarget.setOnAction(e -> {
            File f = chooser.save(text.getString("combine.target"), model.resolutionProperty().get().strip() + ".tally", window());
            if (f != null) model.targetProperty().set(f.getPath());
        });
        Button save = new Button(text.getString("combine.save"));
        save.setId("combine-save");
        save.disableProperty().bind(model.countedProperty().not().or(model.runningProperty()));
        save.setOnAction(e -> model.save());
        HBox saveRow = new HBox(10, new Label(text.getString("combine.target")), target, chooseTarget, save);
        saveRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(target, Priority.ALWAYS);
        VBox result = new VBox(8, outcome, bars, notes, refusedTitle, refused, saveRow);
        result.visibleProperty().bind(model.countedProperty());
        result.managedProperty().bind(model.countedProperty());

        Label message = new Label();
        message.setId("combine-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label hint = new Label(text.getString("combine.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");

        root = new VBox(10, hint, form, countRow, message, result);
        root.setPadding(new Insets(16));
    }

    private static HBox bar(CombineViewModel.Bar b) {
        Label name = new Label(b.label());
        name.setMinWidth(200);
        Rectangle track = new Rectangle(BAR_WIDTH, 18);
        track.setStyle("-fx-fill: -color-bg-subtle;");
        Rectangle fill = new Rectangle(Math.max(0, Math.min(1, b.share())) * BAR_WIDTH, 18);
        fill.setStyle("-fx-fill: -color-accent-emphasis;");
        StackPane barPane = new StackPane(track, fill);
        barPane.setAlignment(Pos.CENTER_LEFT);
        Label count = new Label(b.count() + (b.percent().isEmpty() ? "" : "   " + b.percent()));
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, name, barPane, count);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setAccessibleText(b.label() + ": " + b.count());
        return row;
    }

    /** A text field bound both ways to {@code value}, named for tests and screen readers (the clerk's two forms). */
    static TextField field(javafx.beans.property.StringProperty value, String id, String accessible) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(accessible);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Parent root() {
        return root;
    }

    /** The clerk's whole screen: the form to issue a proposal, folded away, above the count. */
    public static Parent clerkScreen(ProposalView issue, CombineView count) {
        VBox top = new VBox(issue.root());
        top.setPadding(new Insets(16, 16, 0, 16));
        return new VBox(top, count.root());
    }

    /** Asks for a file to open, titled {@code title}, and gives it to {@code then} unless the clerk cancels. */
    private void open(String title, java.util.function.Consumer<File> then) {
        File f = chooser.open(title, window());
        if (f != null) then.accept(f);
    }
}
