package org.folkmoot.app.console;

import java.util.ResourceBundle;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.folkmoot.app.hall.Hall;
import org.folkmoot.app.hall.StandingBusiness;
import org.folkmoot.procedure.GrievanceCategory;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.procedure.Stage;
import org.folkmoot.procedure.Words;

/**
 * Where the meeting stands, as the console's head and right column show it: the resolution, its text and
 * stage, the ladder's step, what comes next, those present, the book's standing business and the history.
 * Shown again after every entry; nothing here decides anything.
 */
final class MeetingShown {
    /** The most entries the history shows, the latest first. */
    private static final int HISTORY = 200;

    private final ConsoleViewModel console;
    private final ResourceBundle text;
    final StringProperty stageLine = new SimpleStringProperty("");
    final StringProperty nextStep = new SimpleStringProperty("");
    final StringProperty resolutionTitle = new SimpleStringProperty("");
    final StringProperty workingText = new SimpleStringProperty("");
    final StringProperty presentLine = new SimpleStringProperty("");
    final StringProperty meetingLine = new SimpleStringProperty("");
    final StringProperty boardLine = new SimpleStringProperty("");
    final IntegerProperty ladderStep = new SimpleIntegerProperty(-1);
    private final ObservableList<StandingBusiness.Section> standing = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    // one read-only view of each list, kept: a wrapper made per call listens weakly and is collected with its listeners
    final ObservableList<String> historyView = FXCollections.unmodifiableObservableList(history);
    final ObservableList<StandingBusiness.Section> standingView = FXCollections.unmodifiableObservableList(standing);

    MeetingShown(ConsoleViewModel console, ResourceBundle text) {
        this.console = console;
        this.text = text;
    }

    /** The head of the console and its standing business, as the meeting {@code m} stands. */
    void show(Meeting m) {
        Resolution r = m.current().orElse(null);
        presentLine.set(m.present() < 0 ? text.getString("present.none")
                : Words.format(text.getString("present.count"), m.present(), m.header().community().members()));
        meetingLine.set(StandingBusiness.meetingLine(m.book().meeting(), text));
        standing.setAll(StandingBusiness.of(m.book(), text));
        if (r == null) {
            resolutionTitle.set(text.getString("resolution.none"));
            workingText.set("");
            stageLine.set("");
            ladderStep.set(-1);
        } else {
            resolutionTitle.set(r.id() + " — " + r.title());
            workingText.set(r.workingText());
            stageLine.set(r.outcome().isPresent() && r.stage() == Stage.CLOSED
                    ? Words.format(text.getString("stage.closed"), console.say(r.outcome().get()))
                    : console.say(r.stage()));
            ladderStep.set(Hall.ladderIndex(r));
        }
        // a meeting's first step is its count: no tally is taken before it (at the book's next meeting too)
        nextStep.set(m.adjourned() ? text.getString("next.adjourned")
                : m.present() < 0 ? text.getString("next.attendance") : console.say(m.comingUp()));
        boardLine.set("");
        if (r != null && r.stage().isRound() && r.objections().isPresent()) {
            long counted = r.round() == 1 ? r.objections().get().nonDealBreakers() : r.objections().get().dealBreakers();
            long held = r.grievances().stream().filter(g -> g.round() == r.round()).mapToLong(GrievanceCategory::members).sum();
            boardLine.set(Words.format(text.getString("board.count"), r.round(), held, counted));
        }
    }

    /** The history: the latest entries first, each numbered and worded as the minutes word it. */
    void showHistory(Meeting m) {
        history.clear();
        for (long seq = m.size(); seq >= 1 && history.size() < HISTORY; seq--) {
            history.add(console.numbered(m, seq, m.entry(seq)));
        }
    }
}
