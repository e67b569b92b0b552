package org.folkmoot.app.start;

import java.util.ResourceBundle;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Words;

/**
 * The Community's rules, shown with the rulebook's default beside each and what it means; changed here,
 * they are written into every new meeting's header, and so into its minutes and verdicts.
 */
public final class RulesForm {
    /** The rules as typed: {@code p/q} shares, the basis word, an empty quorum for none. */
    public static final class Values {
        final StringProperty consensus = new SimpleStringProperty();
        final StringProperty finalVote = new SimpleStringProperty();
        final StringProperty contention = new SimpleStringProperty();
        final StringProperty amendment = new SimpleStringProperty();
        final StringProperty election = new SimpleStringProperty();
        final StringProperty basis = new SimpleStringProperty();
        final StringProperty quorum = new SimpleStringProperty();

        public Values(Rules r) {
            consensus.set(r.consensus().toString());
            finalVote.set(r.finalVote().toString());
            contention.set(r.contention().toString());
            amendment.set(r.amendment().toString());
            election.set(r.election().toString());
            basis.set(r.basis().word());
            quorum.set(r.quorum() == null ? "" : r.quorum().toString());
        }

        /** The rules, or a one-line reason naming the rule that is not right. */
        public Rules rules() {
            return new Rules(share("consensus", consensus.get()), share("final", finalVote.get()),
                    share("contention", contention.get()), share("amendment", amendment.get()),
                    share("election", election.get()), Basis.fromWord(basis.get()),
                    quorum.get() == null || quorum.get().isBlank() ? null : share("quorum", quorum.get()));
        }

        private static Fraction share(String rule, String text) {
            try {
                return Fraction.parseShare(text == null ? "" : text.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(rule + ": " + e.getMessage());
            }
        }
    }

    private RulesForm() {
    }

    public static TitledPane pane(Values v, ResourceBundle text) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        Rules d = Rules.defaults();
        row(grid, 0, text.getString("rules.consensus"), v.consensus, Words.format(text.getString("rules.consensus.help"), d.consensus()));
        row(grid, 1, text.getString("rules.final"), v.finalVote, Words.format(text.getString("rules.final.help"), d.finalVote()));
        row(grid, 2, text.getString("rules.contention"), v.contention, Words.format(text.getString("rules.contention.help"), d.contention()));
        row(grid, 3, text.getString("rules.amendment"), v.amendment, Words.format(text.getString("rules.amendment.help"), d.amendment()));
        row(grid, 4, text.getString("rules.election"), v.election, Words.format(text.getString("rules.election.help"), d.election()));
        ComboBox<String> basis = new ComboBox<>();
        basis.getItems().setAll(Basis.CAST.word(), Basis.PRESENT.word());
        basis.setConverter(org.folkmoot.app.hall.BasisWords.converter(text)); // the rule's word kept, the screen's shown
        basis.valueProperty().bindBidirectional(v.basis);
        basis.setAccessibleText(text.getString("rules.basis"));
        basis.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(5, name(text.getString("rules.basis")), basis, help(text.getString("rules.basis.help")));
        row(grid, 6, text.getString("rules.quorum"), v.quorum, text.getString("rules.quorum.help"));
        // a short title (a titled pane's title does not wrap: it was cut at "unless …"), what it means inside
        Label meaning = help(text.getString("rules.title.help"));
        javafx.scene.layout.VBox inside = new javafx.scene.layout.VBox(8, meaning, grid);
        TitledPane pane = new TitledPane(text.getString("rules.title"), inside);
        pane.setExpanded(false);
        return pane;
    }

    private static void row(GridPane grid, int row, String label, StringProperty value, String help) {
        TextField field = new TextField();
        field.setPrefColumnCount(6);
        field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        field.textProperty().bindBidirectional(value);
        field.setAccessibleText(label);
        grid.addRow(row, name(label), field, help(help));
    }

    /** A rule's name, whole: the help beside it is what wraps when the window is narrow. */
    private static Label name(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static Label help(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        GridPane.setHgrow(l, Priority.ALWAYS);
        return l;
    }
}
