package org.folkmoot.app.console;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.folkmoot.app.hall.MeetingClock;
import org.folkmoot.app.hall.StandingBusiness;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.procedure.Words;

/** The facilitator's console: binds to a {@link ConsoleViewModel}, owns no state of the meeting. */
public final class ConsoleView {
    /** Ctrl + digit picks the frequent actions: a tally never needs the mouse. */
    public static final Map<KeyCode, ActionKind> SHORTCUTS = Map.of(
            KeyCode.DIGIT1, ActionKind.ATTENDANCE, KeyCode.DIGIT2, ActionKind.VOTE, KeyCode.DIGIT3, ActionKind.OBJECTIONS,
            KeyCode.DIGIT4, ActionKind.GRIEVANCE, KeyCode.DIGIT5, ActionKind.PLEAD, KeyCode.DIGIT6, ActionKind.AGREEMENT,
            KeyCode.DIGIT7, ActionKind.AMEND, KeyCode.DIGIT8, ActionKind.AMENDMENT_VOTE, KeyCode.DIGIT9, ActionKind.CLOSE_ROUND,
            KeyCode.DIGIT0, ActionKind.ELECT);

    private final ConsoleViewModel model;
    private final ResourceBundle text;
    private final BorderPane root = new BorderPane();
    private final ActionForm form;
    private final ToggleGroup group = new ToggleGroup();
    private final Button export = new Button();
    private final Button projector = new Button();
    private final Button print = new Button();
    private final Label status = new Label();
    private final Button record = new Button();
    private final Button presentProposal = new Button();
    /** Why the greyed action that has the keyboard's focus is not offered: a hover's tooltip, for the keyboard. */
    private final Label whyNot = new Label();
    /** Asks which proposal file to open (a USB stick's): a file chooser, or a test's own answer; null for none. */
    private java.util.function.Function<javafx.stage.Window, java.nio.file.Path> proposalChooser = this::chooseProposal;

    public ConsoleView(ConsoleViewModel model, MeetingClock clock, ResourceBundle text) {
        this.model = model;
        this.text = text;
        model.useClock(clock, TimerAndQueueViewModel.TIMELINE); // the queue and the timer follow the meeting's stages
        form = new ActionForm(model, text, this::record);
        root.getStyleClass().add("console");
        root.setTop(top());
        root.setLeft(actions());
        root.setCenter(center());
        root.setRight(right());
        root.setBottom(bottom());
    }

    public Parent root() { return root; }
    public Button exportButton() { return export; }
    public Button projectorButton() { return projector; }
    public Button printButton() { return print; }
    public Label status() { return status; }
    public Button presentProposalButton() { return presentProposal; }
    public Label whyNotLine() { return whyNot; }

    /** Where Present a proposal from a body… asks for its file (the file chooser unless a test answers). */
    public void chooseProposalWith(java.util.function.Function<javafx.stage.Window, java.nio.file.Path> chooser) {
        this.proposalChooser = chooser;
    }

    /** Installs the keyboard shortcuts on the window's scene. */
    public void installShortcuts(javafx.scene.Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::record);
        SHORTCUTS.forEach((code, kind) -> scene.getAccelerators().put(
                new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN), () -> choose(kind)));
    }

    /** Chooses an action if the ladder offers it, and puts the cursor in its first field. */
    public void choose(ActionKind kind) {
        ConsoleViewModel.Option o = model.options().stream().filter(x -> x.kind() == kind).findFirst().orElseThrow();
        if (o.enabledProperty().get()) {
            model.selectedProperty().set(kind);
        } else {
            model.explain(kind); // a shortcut for a greyed action says why, where a hover cannot
        }
        focusFirstField();
    }

    private void record() {
        if (model.record()) { // a timed discussion or a plea starts the room's timer there
            if (model.selectedProperty().get() == ActionKind.RESUME) {
                // the room has broken off: what is typed next must not resume it by accident — the cursor rests on
                // the Resume action, its form one key (Enter) away
                Node resume = root().lookup("#action-" + ActionKind.RESUME.word());
                if (resume != null) {
                    resume.requestFocus();
                    return;
                }
            }
            focusFirstField();
        }
    }

    private Node top() {
        Label title = new Label();
        title.getStyleClass().add("title-2");
        title.textProperty().bind(model.resolutionTitleProperty());
        Label present = new Label();
        present.textProperty().bind(model.presentLineProperty());
        present.getStyleClass().add("text-muted");
        Label meeting = new Label();
        meeting.setId("meeting-line");
        meeting.textProperty().bind(model.meetingLineProperty());
        meeting.getStyleClass().add("text-muted");
        // on a narrow screen (1024 wide) the meeting's line goes under the title rather than cut it, or be cut
        HBox where = new HBox(12, meeting, new Label("·"), present);
        where.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.FlowPane head = new javafx.scene.layout.FlowPane(24, 2, title, where);
        head.setAlignment(Pos.CENTER_LEFT);
        title.setWrapText(true);
        title.maxWidthProperty().bind(head.widthProperty());

        HBox crumbs = new HBox(6);
        crumbs.setAlignment(Pos.CENTER_LEFT);
        Runnable lit = () -> {
            crumbs.getChildren().clear();
            List<String> steps = model.ladder();
            for (int i = 0; i < steps.size(); i++) {
                Label step = new Label(steps.get(i));
                step.getStyleClass().add(i == model.ladderStepProperty().get() ? "crumb-current" : "crumb");
                crumbs.getChildren().add(step);
                if (i < steps.size() - 1) crumbs.getChildren().add(new Label("›"));
            }
        };
        model.ladderStepProperty().addListener((o, was, now) -> lit.run());
        lit.run();

        Label next = new Label();
        next.textProperty().bind(Bindings.concat(text.getString("label.next"), ": ", model.nextStepProperty()));
        next.getStyleClass().add("next-step");
        Label stage = new Label();
        stage.textProperty().bind(model.stageLineProperty());
        VBox top = new VBox(6, head, crumbs, next);
        top.setPadding(new Insets(12, 16, 8, 16));
        return top;
    }

    private Node actions() {
        // two columns, so every action is in sight at once: nothing to scroll to in the middle of a vote
        GridPane grid = new GridPane();
        grid.setHgap(4);
        grid.setVgap(4);
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        int i = 0;
        for (ConsoleViewModel.Option o : model.options()) {
            ToggleButton b = new ToggleButton(o.label());
            b.setToggleGroup(group);
            b.setUserData(o.kind());
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.getStyleClass().add("action");
            b.setId("action-" + o.kind().word());
            b.setAccessibleText(o.label());
            b.accessibleHelpProperty().bind(o.reasonProperty());
            b.disableProperty().bind(o.enabledProperty().not());
            b.setOnAction(e -> {
                // Present a resolution is the Community's own: a proposal loaded in its form is let go
                if (o.kind() == ActionKind.PRESENT) model.clearProposal();
                model.selectedProperty().set(o.kind());
                b.setSelected(true); // the form opened for the next step is chosen again, not unchosen, by its button
                focusFirstField();
            });
            // a disabled control shows no tooltip: the reason hangs on its wrapper
            StackPane wrapper = new StackPane(b);
            Tooltip why = new Tooltip();
            why.textProperty().bind(o.reasonProperty());
            wrapper.setOnMouseEntered(e -> Tooltip.install(wrapper, o.enabledProperty().get() ? null : why));
            wrapper.getProperties().put("reason", o.reasonProperty());
            reachable(wrapper, o.label(), o.kind(), o.enabledProperty(), o.reasonProperty());
            grid.add(wrapper, i % 2, i / 2);
            i++;
        }
        model.selectedProperty().addListener((obs, was, kind) -> group.getToggles().forEach(
                t -> t.setSelected(kind != null && kind == t.getUserData())));
        Label heading = new Label(text.getString("label.actions"));
        heading.getStyleClass().add("title-4");
        whyNot.setId("why-not");
        whyNot.setWrapText(true);
        whyNot.setMinHeight(Region.USE_PREF_SIZE);
        whyNot.getStyleClass().add("text-muted");
        whyNot.managedProperty().bind(whyNot.textProperty().isNotEmpty());
        whyNot.visibleProperty().bind(whyNot.managedProperty());
        VBox list = new VBox(6, heading, grid, proposalButton(), whyNot);
        list.setPadding(new Insets(8, 8, 8, 16));
        list.setPrefWidth(360);
        return list;
    }

    /** Present a proposal from a body…: offered when Present is, greyed with its reason when not. */
    private Node proposalButton() {
        ConsoleViewModel.Option present = model.options().stream().filter(x -> x.kind() == ActionKind.PRESENT).findFirst().orElseThrow();
        presentProposal.setText(text.getString("console.proposal.button"));
        presentProposal.setId("present-proposal");
        presentProposal.setMaxWidth(Double.MAX_VALUE);
        presentProposal.setWrapText(true);
        presentProposal.getStyleClass().add("action");
        presentProposal.accessibleHelpProperty().bind(present.reasonProperty());
        presentProposal.disableProperty().bind(present.enabledProperty().not());
        presentProposal.setOnAction(e -> {
            java.nio.file.Path file = proposalChooser.apply(root.getScene() == null ? null : root.getScene().getWindow());
            if (file != null && model.presentProposal(file)) focusFirstField();
        });
        StackPane wrapper = new StackPane(presentProposal);
        Tooltip why = new Tooltip();
        why.textProperty().bind(present.reasonProperty());
        wrapper.setOnMouseEntered(e -> Tooltip.install(wrapper, present.enabledProperty().get() ? null : why));
        wrapper.getProperties().put("reason", present.reasonProperty());
        reachable(wrapper, text.getString("console.proposal.button"), ActionKind.PRESENT, present.enabledProperty(), present.reasonProperty());
        return wrapper;
    }

    /**
     * A greyed action cannot take the focus, so its wrapper takes it in its place: Tab stops on it, a screen
     * reader reads the action with its reason, the line under the actions says why, and Enter or Space says it
     * in the message line too.
     */
    private void reachable(StackPane wrapper, String label, ActionKind kind,
                           javafx.beans.value.ObservableBooleanValue enabled, javafx.beans.value.ObservableStringValue reason) {
        wrapper.focusTraversableProperty().bind(Bindings.not(enabled));
        wrapper.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
        wrapper.setAccessibleText(label);
        wrapper.accessibleHelpProperty().bind(reason);
        wrapper.setId("why-" + kind.word() + (wrapper.getChildren().get(0) == presentProposal ? "-proposal" : ""));
        Runnable show = () -> {
            boolean greyedAndFocused = wrapper.isFocused() && !enabled.get();
            if (greyedAndFocused) whyNot.setText(Words.format(text.getString("console.why-not"), label, reason.get()));
            else if (whyNot.getProperties().get("from") == wrapper) whyNot.setText("");
            if (greyedAndFocused) whyNot.getProperties().put("from", wrapper);
            wrapper.setStyle(greyedAndFocused ? "-fx-border-color: -color-accent-emphasis; -fx-border-width: 2; -fx-border-radius: 4;" : "");
        };
        wrapper.focusedProperty().addListener((o, was, now) -> show.run());
        enabled.addListener((o, was, now) -> show.run());
        reason.addListener((o, was, now) -> show.run());
        wrapper.setOnKeyPressed(e -> {
            // Enter or Space alone: Ctrl+Enter records whatever has the focus
            boolean plain = !e.isShortcutDown() && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown() && !e.isShiftDown();
            if (!enabled.get() && plain && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE)) {
                model.explain(kind);
                e.consume();
            }
        });
    }

    private java.nio.file.Path chooseProposal(javafx.stage.Window owner) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(text.getString("console.proposal.open"));
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter(text.getString("console.proposal.files"), "*.proposal"),
                new javafx.stage.FileChooser.ExtensionFilter(text.getString("console.proposal.all-files"), "*"));
        java.io.File file = chooser.showOpenDialog(owner);
        return file == null ? null : file.toPath();
    }

    /** Where the proposal being presented comes from, with the way back to the Community's own form. */
    private Node proposalSource() {
        Label source = new Label();
        source.setId("proposal-source");
        source.setWrapText(true);
        source.setMinHeight(Region.USE_PREF_SIZE);
        source.getStyleClass().add("text-bold");
        source.textProperty().bind(model.proposalLineProperty());
        Button clear = new Button(text.getString("console.proposal.clear"));
        clear.setId("proposal-clear");
        clear.setMinWidth(Region.USE_PREF_SIZE); // the way back is never cut to "…"
        clear.setOnAction(e -> {
            model.clearProposal();
            focusFirstField();
        });
        HBox.setHgrow(source, Priority.ALWAYS);
        HBox box = new HBox(10, source, clear);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("proposal-source");
        box.managedProperty().bind(model.proposalLineProperty().isNotEmpty());
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private Node center() {
        Label support = new Label();
        support.setId("support-line");
        support.textProperty().bind(model.supportLineProperty());
        support.getStyleClass().add("support-line");
        support.setWrapText(true);
        Label board = new Label();
        board.setId("board-line");
        board.setWrapText(true);
        board.textProperty().bind(model.boardLineProperty());
        Label sum = new Label();
        sum.setId("sum-line");
        sum.setWrapText(true); // the objections' mismatch is a sentence: read whole, not cut at "(…"
        sum.textProperty().bind(model.sumLineProperty());
        sum.styleProperty().bind(Bindings.when(model.sumOkProperty()).then("").otherwise("-fx-text-fill: -color-danger-fg;"));
        Label tellers2 = new Label();
        tellers2.setId("tellers-line");
        tellers2.setWrapText(true);
        tellers2.textProperty().bind(model.tellersLineProperty());
        tellers2.setStyle("-fx-text-fill: -color-danger-fg;");
        tellers2.managedProperty().bind(tellers2.textProperty().isNotEmpty());
        tellers2.visibleProperty().bind(tellers2.managedProperty());
        record.setText(Words.format(text.getString("button.record.keys"), text.getString("button.record")));
        record.setId("record");
        record.getStyleClass().add("accent");
        record.setOnAction(e -> record());
        Label message = new Label();
        message.setId("message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.styleProperty().bind(Bindings.when(model.messageIsRefusalProperty())
                .then("-fx-text-fill: -color-danger-fg; -fx-font-weight: bold;").otherwise("-fx-text-fill: -color-success-fg;"));
        javafx.scene.text.TextFlow change = new javafx.scene.text.TextFlow();
        change.setId("tracked-change");
        change.setAccessibleText(text.getString("console.tracked-change.accessible"));
        Runnable showChange = () -> {
            change.getChildren().clear();
            for (var run : model.preview()) {
                javafx.scene.text.Text t = new javafx.scene.text.Text(run.text());
                switch (run.mark()) {
                    case STRUCK -> {
                        t.setStrikethrough(true);
                        t.getStyleClass().add("struck");
                    }
                    case PROPOSED -> {
                        t.setUnderline(true);
                        t.getStyleClass().add("inserted");
                    }
                    default -> t.getStyleClass().add("plain");
                }
                change.getChildren().add(t);
            }
        };
        model.preview().addListener((javafx.collections.ListChangeListener<Object>) c -> showChange.run());
        CheckBox tellers = new CheckBox(text.getString("tellers.mode"));
        tellers.setWrapText(true);
        tellers.setId("two-tellers");
        tellers.selectedProperty().bindBidirectional(model.twoTellersProperty());
        VBox box = new VBox(10, tellers, board, proposalSource(), form.node(), change, support, sum, tellers2, record, message,
                TimerAndQueueView.of(model.speakers(), text));
        box.setPadding(new Insets(8, 16, 8, 16));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node right() {
        Label textLabel = new Label(text.getString("label.text"));
        textLabel.getStyleClass().add("title-4");
        TextArea working = new TextArea();
        working.setEditable(false);
        working.setWrapText(true);
        working.setPrefRowCount(8);
        working.setAccessibleText(text.getString("label.text"));
        working.textProperty().bind(model.workingTextProperty());
        Label historyLabel = new Label(text.getString("label.history"));
        historyLabel.getStyleClass().add("title-4");
        // each entry whole, on as many lines as it takes: the narrow column never hides its end. Not a list view:
        // one sizes a row before its wrapped text is laid out, and rows ran into each other; the history shows at
        // most 200 entries, which a column of labels holds at no cost
        VBox rows = new VBox(4);
        rows.setId("history");
        rows.setPadding(new Insets(6, 8, 6, 8));
        rows.setAccessibleRole(javafx.scene.AccessibleRole.LIST_VIEW);
        Runnable fill = () -> rows.getChildren().setAll(model.history().stream().map(entry -> {
            Label line = new Label(entry);
            line.setWrapText(true);
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.setFocusTraversable(false);
            return line;
        }).toList());
        model.history().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        javafx.scene.control.ScrollPane history = new javafx.scene.control.ScrollPane(rows);
        history.setFitToWidth(true);
        history.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        history.setAccessibleText(text.getString("label.history"));
        history.getStyleClass().add("history");
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox standing = new VBox(2);
        standing.setId("standing");
        Runnable showStanding = () -> {
            standing.getChildren().clear();
            if (model.standing().isEmpty()) return;
            Label heading = new Label(text.getString("standing.title"));
            heading.getStyleClass().add("title-4");
            standing.getChildren().add(heading);
            for (StandingBusiness.Section s : model.standing()) {
                Label h = new Label(s.heading());
                h.getStyleClass().add("text-bold");
                standing.getChildren().add(h);
                for (String item : s.items()) {
                    Label l = new Label(item);
                    l.setWrapText(true);
                    l.setMinHeight(Region.USE_PREF_SIZE);
                    standing.getChildren().add(l);
                }
            }
        };
        model.standing().addListener((javafx.collections.ListChangeListener<StandingBusiness.Section>) c -> showStanding.run());
        showStanding.run();
        VBox right = new VBox(6, textLabel, working, standing, historyLabel, history);
        right.setPadding(new Insets(8, 16, 8, 8));
        right.setPrefWidth(340);
        return right;
    }

    private Node bottom() {
        export.setText(text.getString("button.export"));
        export.setId("export");
        projector.setText(text.getString("button.projector"));
        print.setText(text.getString("button.print"));
        print.setId("print");
        HBox bottom = new HBox(10, projector, export, print, status);
        bottom.setAlignment(Pos.CENTER_LEFT);
        // at 1024 wide the buttons keep their words and the status line takes a second line, not "…"
        for (Button b : new Button[] {projector, export, print}) b.setMinWidth(Region.USE_PREF_SIZE);
        status.setWrapText(true);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        bottom.setPadding(new Insets(8, 16, 12, 16));
        return bottom;
    }

    private void focusFirstField() {
        form.focusFirstField(record);
    }

}
