package org.folkmoot.app.console;

import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The chosen action's form on the console: a row for each of the view model's fields, built again whenever
 * they change, and where the cursor goes when a form opens.
 */
final class ActionForm {
    private final ConsoleViewModel model;
    private final ResourceBundle text;
    /** What Enter in a one-line field does: records the entry, as in a count. */
    private final Runnable record;
    private final GridPane form = new GridPane();

    ActionForm(ConsoleViewModel model, ResourceBundle text, Runnable record) {
        this.model = model;
        this.text = text;
        this.record = record;
        form.setHgap(10);
        form.setVgap(8);
        model.fields().addListener((javafx.collections.ListChangeListener<ConsoleViewModel.FieldModel>) c -> build());
        build();
    }

    Node node() {
        return form;
    }

    private void build() {
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
                    field.setOnAction(e -> record.run());
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

    /** Puts the cursor where the form is typed; on {@code otherwise} (Record) when it has nothing to type. */
    void focusFirstField(Node otherwise) {
        // the resolution an entry concerns is preselected (the latest): the cursor goes to what is typed, the first
        // field still empty (the "for" of a vote, the title after a prefilled id), else the first (a plea's category)
        List<Node> typed = form.getChildren().stream().filter(n -> n instanceof TextInputControl || n instanceof ComboBox)
                .filter(n -> !(n instanceof TextInputControl t) || t.isEditable())
                .filter(Node::isVisible)
                .filter(n -> n.getProperties().get(ActionFields.Type.class) != ActionFields.Type.RESOLUTION)
                .toList();
        // a form with nothing to type (close the round, withdraw): the cursor on Record, off whatever was there before
        typed.stream().filter(ActionForm::empty).findFirst().or(() -> typed.stream().findFirst())
                .orElse(otherwise).requestFocus();
    }

    private static boolean empty(Node n) {
        Object v = n instanceof TextInputControl t ? t.getText() : ((ComboBox<?>) n).getValue();
        return v == null || v.toString().isBlank();
    }}
