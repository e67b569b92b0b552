package org.folkmoot.app.combine;

import java.io.File;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.folkmoot.combine.BodyRules;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Words;

/** The clerk's form to issue the body's proposal; everything it does is {@link ProposalViewModel}'s. */
public final class ProposalView {
    private final TitledPane root;
    private final Chooser chooser;

    public ProposalView(ProposalViewModel model, ResourceBundle text, Chooser chooser) {
        this.chooser = chooser;
        TextField roster = CombineView.field(model.rosterProperty(), "issue-roster", text.getString("combine.roster"));
        Button chooseRoster = new Button(text.getString("combine.choose"));
        chooseRoster.setOnAction(e -> {
            File f = chooser.open(text.getString("combine.roster"), window());
            if (f != null) model.rosterProperty().set(f.getPath());
        });
        TextField resolution = CombineView.field(model.resolutionProperty(), "issue-resolution", text.getString("combine.resolution"));
        TextField title = CombineView.field(model.titleProperty(), "issue-title", text.getString("combine.issue.name"));
        TextField proposer = CombineView.field(model.proposerProperty(), "issue-proposer", text.getString("combine.issue.proposer"));
        proposer.setPromptText(text.getString("combine.issue.proposer.prompt"));
        TextArea body = new TextArea();
        body.setId("issue-text");
        body.setPrefRowCount(5);
        body.setWrapText(true);
        body.setAccessibleText(text.getString("combine.issue.text"));
        body.textProperty().bindBidirectional(model.textProperty());
        Button fromFile = new Button(text.getString("combine.issue.text-file"));
        fromFile.setId("issue-text-file");
        fromFile.setOnAction(e -> {
            File f = chooser.open(text.getString("combine.issue.text-file"), window());
            if (f != null) model.textFrom(f.toPath());
        });
        TextField reportBy = CombineView.field(model.reportByProperty(), "issue-report-by", text.getString("combine.issue.report-by"));
        reportBy.setPromptText(text.getString("combine.issue.report-by.prompt"));
        reportBy.setPrefColumnCount(10);
        reportBy.setMaxWidth(160);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(text.getString("combine.roster")), roster, chooseRoster);
        form.addRow(1, new Label(text.getString("combine.resolution")), resolution);
        form.addRow(2, new Label(text.getString("combine.issue.name")), title);
        form.addRow(3, new Label(text.getString("combine.issue.proposer")), proposer);
        form.addRow(4, new Label(text.getString("combine.issue.text")), body, fromFile);
        form.addRow(5, new Label(text.getString("combine.issue.report-by")), reportBy);
        for (Node n : new Node[] {roster, resolution, title, proposer, body}) GridPane.setHgrow(n, Priority.ALWAYS);
        GridPane.setValignment(fromFile, javafx.geometry.VPos.TOP);

        Button save = new Button(text.getString("combine.issue.save"));
        save.setId("issue-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> {
            if (!model.ready()) return; // the reason before the dialog, not after it
            File f = chooser.save(text.getString("combine.issue.save"), model.suggestedName(), window());
            if (f != null) model.save(f.toPath());
        });
        Button export = new Button(text.getString("combine.issue.export"));
        export.setId("issue-export");
        export.setOnAction(e -> {
            if (!model.keyReady()) return;
            File f = chooser.save(text.getString("combine.issue.export"), model.suggestedKeyName(), window());
            if (f != null) model.exportKey(f.toPath());
        });
        HBox buttons = new HBox(10, save, export);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("issue-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        Label give = new Label();
        // the proposal saved, with its fingerprint: still there when the key's export speaks in the message line
        give.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.issuedProperty().get() == null ? ""
                : Words.format(text.getString("combine.issue.give"), model.issuedProperty().get().resolution(),
                        model.issuedProperty().get().fingerprint()), model.issuedProperty()));
        give.setId("issue-give");
        give.setWrapText(true);
        give.getStyleClass().add("text-bold");
        give.visibleProperty().bind(model.savedProperty());
        give.managedProperty().bind(model.savedProperty());
        Label hint = new Label(text.getString("combine.issue.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");

        VBox content = new VBox(10, hint, form, rules(model, text), buttons, message, give);
        content.setPadding(new Insets(8));
        root = new TitledPane(text.getString("combine.issue.title"), content);
        root.setId("issue-pane");
        root.setExpanded(false);
    }

    /** The body's seven rules, each with its default and what it does, folded away as the Community's are. */
    private static TitledPane rules(ProposalViewModel model, ResourceBundle text) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        BodyRules d = BodyRules.defaults();
        String[] defaults = {d.consensus().toString(), d.finalVote().toString(), d.contention().toString(),
            d.passConsensus().toString(), d.passSupermajority().toString(), d.reportingQuorum().toString()};
        int row = 0;
        for (ProposalViewModel.Rule r : model.shares()) {
            TextField f = new TextField();
            f.setId("issue-" + r.key().substring("combine.issue.rules.".length()));
            f.setPrefColumnCount(6);
            f.textProperty().bindBidirectional(r.value());
            f.setAccessibleText(text.getString(r.key()));
            grid.addRow(row, new Label(text.getString(r.key())), f, help(Words.format(text.getString(r.help()), defaults[row])));
            row++;
        }
        ComboBox<String> basis = new ComboBox<>();
        basis.setId("issue-basis");
        basis.getItems().setAll(Basis.CAST.word(), Basis.PRESENT.word());
        basis.setConverter(org.folkmoot.app.hall.BasisWords.converter(text)); // the rule's word kept, the screen's shown
        basis.valueProperty().bindBidirectional(model.basisProperty());
        basis.setAccessibleText(text.getString("combine.issue.rules.basis"));
        grid.addRow(row, new Label(text.getString("combine.issue.rules.basis")), basis, help(text.getString("combine.issue.rules.basis.help")));
        TitledPane pane = new TitledPane(text.getString("combine.issue.rules"), grid);
        pane.setId("issue-rules");
        pane.setExpanded(false);
        return pane;
    }

    private static Label help(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        GridPane.setHgrow(l, Priority.ALWAYS);
        return l;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public TitledPane root() {
        return root;
    }
}
