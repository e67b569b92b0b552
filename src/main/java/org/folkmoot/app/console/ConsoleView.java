package org.folkmoot.app.console;

import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
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
import javafx.util.Duration;
import org.folkmoot.app.MeetingClock;
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
    private final MeetingClock clock;
    private final ResourceBundle text;
    private final BorderPane root = new BorderPane();
    private final GridPane form = new GridPane();
    private final ToggleGroup group = new ToggleGroup();
    private final Button export = new Button();
    private final Button projector = new Button();
    private final Button print = new Button();
    private final TextField pleadMinutes = new TextField();
    private final Label status = new Label();
    private final Button record = new Button();
    private final Button presentProposal = new Button();
    /** Why the greyed action that has the keyboard's focus is not offered: a hover's tooltip, for the keyboard. */
    private final Label whyNot = new Label();
    /** Asks which proposal file to open (a USB stick's): a file chooser, or a test's own answer; null for none. */
    private java.util.function.Function<javafx.stage.Window, java.nio.file.Path> proposalChooser = this::chooseProposal;

    public ConsoleView(ConsoleViewModel model, MeetingClock clock, ResourceBundle text) {
        this.model = model;
        this.clock = clock;
        this.text = text;
        model.useClock(clock); // the queue and the timer follow the meeting's stages
        root.getStyleClass().add("console");
        root.setTop(top());
        root.setLeft(actions());
        root.setCenter(center());
        root.setRight(right());
        root.setBottom(bottom());
        model.fields().addListener((javafx.collections.ListChangeListener<ConsoleViewModel.FieldModel>) c -> buildForm());
        buildForm();
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
        form.setHgap(10);
        form.setVgap(8);
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
        change.setAccessibleText("Tracked change");
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
        VBox box = new VBox(10, tellers, board, proposalSource(), form, change, support, sum, tellers2, record, message, timerAndQueue());
        box.setPadding(new Insets(8, 16, 8, 16));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node timerAndQueue() {
        Label time = new Label();
        time.getStyleClass().add("title-3");
        time.setMinWidth(Region.USE_PREF_SIZE);
        time.textProperty().bind(Bindings.createStringBinding(() -> MeetingClock.format(clock.remainingProperty().get()),
                clock.remainingProperty()));
        TextField minutes = new TextField("5");
        minutes.setPrefColumnCount(3);
        minutes.setAccessibleText(text.getString("timer.minutes.accessible"));
        Button set = new Button(text.getString("timer.set"));
        set.setOnAction(e -> {
            String v = minutes.getText().strip();
            if (v.matches("\\d{1,3}")) clock.set(Integer.parseInt(v) * 60);
        });
        Button start = new Button(text.getString("timer.start"));
        start.setOnAction(e -> clock.start());
        Button pause = new Button(text.getString("timer.pause"));
        pause.setId("timer-pause");
        pause.setOnAction(e -> clock.pause());
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> clock.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        pleadMinutes.setPrefColumnCount(3);
        pleadMinutes.setId("plead-minutes");
        // the minutes for pleading are the clock's, so they are kept with it and found again on reopening
        pleadMinutes.setText(Integer.toString(clock.pleadMinutesProperty().get()));
        pleadMinutes.textProperty().addListener((o, was, now) -> {
            if (now != null && now.strip().matches("\\d{1,3}")) clock.pleadMinutesProperty().set(Integer.parseInt(now.strip()));
        });
        clock.pleadMinutesProperty().addListener((o, was, now) -> {
            if (!pleadMinutes.getText().strip().equals(now.toString())) pleadMinutes.setText(now.toString());
        });
        pleadMinutes.setAccessibleText(text.getString("timer.plead"));
        // rows that flow onto a second line in a narrow column (1024 wide) rather than cut their words to "…"
        javafx.scene.layout.FlowPane timer = flow(new Label(text.getString("timer.label")), time, minutes,
                new Label(text.getString("timer.minutes")), set, start, pause);
        javafx.scene.layout.FlowPane plead = flow(new Label(text.getString("timer.plead")), pleadMinutes);

        TextField name = new TextField();
        name.setPromptText(text.getString("queue.name"));
        name.setId("queue-name");
        name.setAccessibleText(text.getString("queue.name.accessible"));
        Button add = new Button(text.getString("queue.add"));
        add.setOnAction(e -> {
            clock.enqueue(name.getText());
            name.clear();
        });
        name.setOnAction(e -> add.fire());
        Button next = new Button(text.getString("queue.next"));
        next.setId("queue-next");
        next.setOnAction(e -> model.nextSpeaker());
        CheckBox progressive = new CheckBox(text.getString("queue.progressive"));
        progressive.selectedProperty().bindBidirectional(clock.progressiveStackProperty());
        ListView<String> queue = new ListView<>(clock.queue());
        queue.setPrefHeight(110);
        queue.setAccessibleText(text.getString("queue.accessible"));
        Button remove = new Button(text.getString("queue.remove"));
        remove.setOnAction(e -> {
            int i = queue.getSelectionModel().getSelectedIndex();
            if (i >= 0) clock.queue().remove(i);
        });
        javafx.scene.layout.FlowPane queueControls = flow(new Label(text.getString("queue.label")), name, add, next, remove);
        VBox box = new VBox(8, timer, plead, queueControls, progressive, queue);
        box.getStyleClass().add("panel");
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    /** A row of controls that wraps when its column is narrow, each keeping its whole label. */
    private static javafx.scene.layout.FlowPane flow(Node... nodes) {
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 6, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPrefWrapLength(280); // asks for no more than the narrowest column; wraps at what it is given
        for (Node n : nodes) {
            if (n instanceof Region r && !(n instanceof TextField)) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        return row;
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

    private void buildForm() {
        form.getChildren().clear();
        int row = 0;
        // a resolution from a body, typed by hand, names it in five rows the Community's own leaves empty: folded
        // under one box, open when any of them holds something (a locked proposal's show its source line instead)
        CheckBox fromBody = new CheckBox(text.getString("console.from-body"));
        fromBody.setId("from-body");
        fromBody.setWrapText(true);
        fromBody.setSelected(model.fields().stream().anyMatch(f -> f.field().key().startsWith("upstream.")
                && f.valueProperty().get() != null && !f.valueProperty().get().isBlank()));
        for (ConsoleViewModel.FieldModel f : model.fields()) {
            if (f.field().key().startsWith("upstream.") && !form.getChildren().contains(fromBody)) {
                fromBody.visibleProperty().bind(f.lockedProperty().not());
                fromBody.managedProperty().bind(f.lockedProperty().not());
                form.add(fromBody, 0, row++, 2, 1);
            }
            Label label = new Label(f.label());
            label.setMinWidth(Region.USE_PREF_SIZE); // "From a body", "Its resolution": never cut to "From …"
            Node input;
            switch (f.field().type()) {
                case CATEGORY, AMENDMENT, DELEGATE, ENTRY, RESOLUTION -> {
                    ComboBox<String> choice = new ComboBox<>(f.choices());
                    choice.setEditable(false);
                    choice.valueProperty().bindBidirectional(f.valueProperty());
                    choice.setMaxWidth(Double.MAX_VALUE);
                    input = choice;
                }
                case LONG_TEXT -> {
                    TextArea area = new TextArea();
                    area.setWrapText(true);
                    area.setPrefRowCount(3);
                    area.textProperty().bindBidirectional(f.valueProperty());
                    // Tab goes on to the next field, as everywhere in the form (a text of the meeting has no tabs):
                    // the text area's own Ctrl+Tab does it, so a plain Tab is passed on as one
                    area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                        if (e.getCode() != javafx.scene.input.KeyCode.TAB || e.isControlDown()) return;
                        e.consume();
                        area.fireEvent(new javafx.scene.input.KeyEvent(e.getSource(), e.getTarget(), e.getEventType(),
                                e.getCharacter(), e.getText(), e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
                    });
                    input = area;
                }
                default -> {
                    TextField field = new TextField();
                    field.textProperty().bindBidirectional(f.valueProperty());
                    if (f.field().type() == ActionFields.Type.COUNT) field.setPrefColumnCount(6);
                    // Enter in any one-line field records the entry, as in a count: what is missing is then said
                    field.setOnAction(e -> record());
                    input = field;
                }
            }
            if (input instanceof TextInputControl typed) {
                // a field the body's proposal fills is read, not typed: shown so, and left out of the cursor's way
                typed.editableProperty().bind(f.lockedProperty().not());
                typed.focusTraversableProperty().bind(f.lockedProperty().not());
                Runnable mark = () -> {
                    typed.getStyleClass().remove("locked");
                    label.getStyleClass().remove("locked-label");
                    typed.setTooltip(null);
                    if (f.lockedProperty().get()) {
                        typed.getStyleClass().add("locked");
                        label.getStyleClass().add("locked-label");
                        typed.setTooltip(new Tooltip(text.getString("console.proposal.locked")));
                    }
                };
                f.lockedProperty().addListener((o, was, now) -> mark.run());
                mark.run();
            }
            if (f.field().key().startsWith("upstream.")) {
                // filled from a body's proposal, the source line above names the body, its resolution and the proposal:
                // five rows of hashes would push Record below the fold
                for (Node n : new Node[] {label, input}) {
                    n.visibleProperty().bind(f.lockedProperty().not().and(fromBody.selectedProperty()));
                    n.managedProperty().bind(n.visibleProperty());
                }
            }
            input.setId("field-" + f.field().key());
            // a count the live check finds wrong is marked, both of a pair that must agree
            Node marked = input;
            Runnable wrong = () -> marked.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"),
                    model.wrongFields().contains(f.field().key()));
            model.wrongFields().addListener((javafx.collections.SetChangeListener<String>) c -> wrong.run());
            wrong.run();
            input.getProperties().put(ActionFields.Type.class, f.field().type());
            input.setAccessibleText(f.label());
            label.setLabelFor(input);
            GridPane.setHgrow(input, Priority.ALWAYS);
            form.addRow(row++, label, input);
        }
    }

    private void focusFirstField() {
        // the resolution an entry concerns is preselected (the latest): the cursor goes to what is typed, the first
        // field still empty (the "for" of a vote, the title after a prefilled id), else the first (a plea's category)
        List<Node> typed = form.getChildren().stream().filter(n -> n instanceof TextInputControl || n instanceof ComboBox)
                .filter(n -> !(n instanceof TextInputControl t) || t.isEditable())
                .filter(Node::isVisible)
                .filter(n -> n.getProperties().get(ActionFields.Type.class) != ActionFields.Type.RESOLUTION)
                .toList();
        // a form with nothing to type (close the round, withdraw): the cursor on Record, off whatever was there before
        typed.stream().filter(ConsoleView::empty).findFirst().or(() -> typed.stream().findFirst())
                .orElse(record).requestFocus();
    }

    private static boolean empty(Node n) {
        Object v = n instanceof TextInputControl t ? t.getText() : ((ComboBox<?>) n).getValue();
        return v == null || v.toString().isBlank();
    }
}
