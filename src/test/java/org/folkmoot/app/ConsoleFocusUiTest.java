package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.folkmoot.Meetings;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14, findings 4 and 8, by keys alone: after every entry the cursor waits in the form of the step that
 * comes next, so the next number typed lands where it belongs; a shortcut or a Tab onto a greyed action says
 * why it is greyed; the objections and the two tellers' counts are checked as they are typed.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleFocusUiTest {
    @TempDir
    Path tmp;

    private MeetingWindows.Opened opened;
    private MeetingSession session;

    @Start
    void start(Stage stage) {
        stage.hide();
    }

    @AfterEach
    void close() throws Exception {
        if (opened != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                opened.projector().close();
                opened.console().close();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (session != null) session.close();
    }

    private void open() throws Exception {
        session = MeetingSession.create(tmp.resolve("focus.meeting"), HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC());
        CommunityKey key = CommunityKey.loadOrCreate(DataFolder.path());
        WaitForAsyncUtils.asyncFx(() -> opened = MeetingWindows.open(session, key, FolkmootApp.bundle(Locale.ENGLISH), true, Runnable::run));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A field by its id, which may hold a dot ("field-teller2.for"): no CSS selector then. */
    private static Node node(FxRobot robot, String id) {
        return robot.lookup(n -> id.equals("#" + n.getId())).query();
    }

    /** Clicks the field, clears it and types {@code value}, as {@link Typing#type} does. */
    private static void type(FxRobot robot, String id, String value) {
        robot.clickOn(node(robot, id));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        robot.write(value);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((javafx.scene.control.TextInputControl) node(robot, id)).getText()).isEqualTo(value);
    }

    private static void shortcut(FxRobot robot, KeyCode digit) {
        robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void recordByKeys(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String focused() {
        Node n = opened.console().getScene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    private String message(FxRobot robot) {
        return robot.lookup("#message").queryAs(Label.class).getText();
    }

    private void recorded(FxRobot robot) {
        assertThat(message(robot)).startsWith("Recorded:");
    }

    /** Up to the first temperature check, typed as the cursor is left after each entry. */
    private void presentR1(FxRobot robot, long present) {
        shortcut(robot, KeyCode.DIGIT1);
        robot.write(Long.toString(present)).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        recorded(robot);
        // the count taken: the present form, its id filled in, the cursor in its title
        assertThat(opened.model().selectedProperty().get()).isEqualTo(ActionKind.PRESENT);
        assertThat(focused()).isEqualTo("field-title");
        robot.write("Garden").type(KeyCode.TAB).write("We turn the east lot into a garden.");
        Typing.type(robot, "#field-proposer", "Ana");
        recordByKeys(robot);
        recorded(robot);
    }

    @Test
    void afterEachEntryTheCursorIsInTheFormOfTheStepThatComesNext(FxRobot robot) throws Exception {
        open();
        presentR1(robot, 100);
        // presented: temperature check 1, the cursor in "for", the vote's button lit
        assertThat(opened.model().selectedProperty().get()).isEqualTo(ActionKind.VOTE);
        assertThat(focused()).isEqualTo("field-for");
        assertThat(robot.lookup("#action-vote").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.write("75").type(KeyCode.TAB).write("20").type(KeyCode.TAB).write("5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        recorded(robot);
        // check 1 failed: the objections, the cursor in the non-deal-breakers
        assertThat(focused()).isEqualTo("field-nonDealBreakers");
        robot.write("20").type(KeyCode.TAB).write("0").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        recorded(robot);
        // round 1: its board, the cursor in the category's name
        assertThat(opened.model().selectedProperty().get()).isEqualTo(ActionKind.GRIEVANCE);
        assertThat(focused()).isEqualTo("field-category");
        robot.write("Weekends").type(KeyCode.TAB).write("12");
        Typing.type(robot, "#field-statement", "Work is on Saturdays.");
        Typing.type(robot, "#field-delegate", "Bo");
        recordByKeys(robot);
        recorded(robot);
        // the board holds 12 of 20: another grievance, a fresh form
        assertThat(opened.model().selectedProperty().get()).isEqualTo(ActionKind.GRIEVANCE);
        assertThat(focused()).isEqualTo("field-category");
        assertThat(robot.lookup("#field-members").queryAs(javafx.scene.control.TextField.class).getText()).isEmpty();
        robot.write("Noise").type(KeyCode.TAB).write("8");
        Typing.type(robot, "#field-statement", "Too loud.");
        Typing.type(robot, "#field-delegate", "Cy");
        recordByKeys(robot);
        recorded(robot);
        // the board is full: the first category pleads, chosen
        assertThat(opened.model().selectedProperty().get()).isEqualTo(ActionKind.PLEAD);
        assertThat(robot.lookup("#field-category").queryAs(ComboBox.class).getValue()).isEqualTo("Weekends");
        assertThat(focused()).isEqualTo("field-category");
        recordByKeys(robot);
        recorded(robot);
        // pleaded: the assembly weighs in on the same category, the cursor in "agree"
        assertThat(opened.model().selectedProperty().get()).isEqualTo(ActionKind.AGREEMENT);
        assertThat(robot.lookup("#field-category").queryAs(ComboBox.class).getValue()).isEqualTo("Weekends");
        assertThat(focused()).isEqualTo("field-agree");
        robot.write("60").type(KeyCode.TAB).write("30").type(KeyCode.TAB).write("10").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        recorded(robot);
        // weighed in: its amendments, the category chosen, the id filled in, the cursor in the passage to find
        assertThat(opened.model().selectedProperty().get()).isEqualTo(ActionKind.AMEND);
        assertThat(robot.lookup("#field-category").queryAs(ComboBox.class).getValue()).isEqualTo("Weekends");
        assertThat(focused()).isEqualTo("field-find");
        assertThat(session.meeting().size()).isEqualTo(8);
    }

    @Test
    void aShortcutForAGreyedActionSaysWhyInTheMessageLine(FxRobot robot) throws Exception {
        open();
        shortcut(robot, KeyCode.DIGIT1);
        robot.write("100").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        String reason = opened.model().options().stream().filter(o -> o.kind() == ActionKind.PLEAD).findFirst().orElseThrow()
                .reasonProperty().get();
        assertThat(reason).isNotBlank();
        shortcut(robot, KeyCode.DIGIT5); // plead: nothing presented yet
        assertThat(message(robot)).isEqualTo("Delegate pleads is not offered now: " + reason);
        assertThat(robot.lookup("#message").queryAs(Label.class).getStyle()).contains("danger");
        // nothing chosen instead: the present form stays, and nothing is recorded
        assertThat(opened.model().selectedProperty().get()).isEqualTo(ActionKind.PRESENT);
        assertThat(session.meeting().size()).isEqualTo(1);
    }

    @Test
    void aGreyedActionReachedByTabSaysWhyInAVisibleLineAndToAScreenReader(FxRobot robot) throws Exception {
        open();
        shortcut(robot, KeyCode.DIGIT1);
        robot.write("100").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label whyNot = robot.lookup("#why-not").queryAs(Label.class);
        assertThat(whyNot.isVisible()).isFalse();
        // from an action offered, Tab on: the greyed ones are stops too (a disabled button is not)
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#action-present").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused()).isEqualTo("action-present");
        String stop = null;
        for (int i = 0; i < 3 && stop == null; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            String id = focused();
            if (id != null && id.startsWith("why-")) stop = id;
        }
        assertThat(stop).as("a greyed action takes the focus by Tab").isEqualTo("why-discuss");
        var discuss = opened.model().options().stream().filter(o -> o.kind() == ActionKind.DISCUSS).findFirst().orElseThrow();
        String reason = discuss.reasonProperty().get();
        assertThat(reason).isNotBlank();
        assertThat(whyNot.isVisible()).isTrue();
        assertThat(whyNot.getText()).isEqualTo(discuss.label() + " — not now: " + reason);
        Node wrapper = robot.lookup("#why-discuss").query();
        assertThat(wrapper.getAccessibleHelp()).isEqualTo(reason);
        assertThat(wrapper.getAccessibleText()).isEqualTo(discuss.label());
        assertThat(robot.lookup("#action-discuss").query().getAccessibleHelp()).isEqualTo(reason);
        // Enter on it says it in the message line too, and chooses nothing
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).isEqualTo(discuss.label() + " is not offered now: " + reason);
        // on to the next greyed one, the line says its reason; back to one offered, the line goes
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused()).isEqualTo("why-speak");
        assertThat(whyNot.getText()).endsWith(opened.model().options().stream().filter(o -> o.kind() == ActionKind.SPEAK)
                .findFirst().orElseThrow().reasonProperty().get());
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused()).isEqualTo("action-present");
        assertThat(whyNot.isVisible()).isFalse();
    }

    @Test
    void theObjectionsSumIsCheckedWhileTypedAndRecordingIsRefusedWhileWrong(FxRobot robot) throws Exception {
        open();
        presentR1(robot, 100);
        robot.write("75").type(KeyCode.TAB).write("20").type(KeyCode.TAB).write("5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label sum = robot.lookup("#sum-line").queryAs(Label.class);
        assertThat(sum.getText()).isEqualTo("20 voted against at temperature check 1: the two counts must add up to it");
        robot.write("12").type(KeyCode.TAB).write("9");
        WaitForAsyncUtils.waitForFxEvents();
        // not yet recorded: the mismatch is shown as it is typed, both counts marked
        assertThat(session.meeting().size()).isEqualTo(3);
        assertThat(sum.getText()).isEqualTo("20 voted against at temperature check 1, but the objections add up to 21 (12 non-deal-breakers + 9 deal-breakers)");
        assertThat(sum.getStyle()).contains("danger");
        PseudoClass danger = PseudoClass.getPseudoClass("danger");
        assertThat(robot.lookup("#field-nonDealBreakers").query().getPseudoClassStates()).contains(danger);
        assertThat(robot.lookup("#field-dealBreakers").query().getPseudoClassStates()).contains(danger);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).isEqualTo(sum.getText());
        assertThat(session.meeting().size()).isEqualTo(3);
        robot.type(KeyCode.BACK_SPACE).write("8");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sum.getText()).isEqualTo("12 + 8 = 20, as many as voted against at temperature check 1");
        assertThat(sum.getStyle()).doesNotContain("danger");
        assertThat(robot.lookup("#field-dealBreakers").query().getPseudoClassStates()).doesNotContain(danger);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        recorded(robot);
    }

    @Test
    void theTwoTellersCountsAreComparedWhileTypedNamingBothFieldsOfEveryPairThatDiffers(FxRobot robot) throws Exception {
        open();
        presentR1(robot, 120);
        robot.clickOn("#two-tellers");
        WaitForAsyncUtils.waitForFxEvents();
        Typing.type(robot, "#field-for", "96");
        Typing.type(robot, "#field-against", "19");
        Typing.type(robot, "#field-abstain", "5");
        Label tellers = robot.lookup("#tellers-line").queryAs(Label.class);
        assertThat(tellers.isVisible()).as("the second teller has not counted yet").isFalse();
        type(robot, "#field-teller2.for", "95");
        type(robot, "#field-teller2.against", "20");
        assertThat(tellers.isVisible()).isTrue();
        assertThat(tellers.getText()).isEqualTo("The tellers' counts differ (For: 96 and 95; Against: 19 and 20): count again");
        PseudoClass danger = PseudoClass.getPseudoClass("danger");
        for (String id : new String[] {"#field-for", "#field-teller2.for", "#field-against", "#field-teller2.against"}) {
            assertThat(node(robot, id).getPseudoClassStates()).as(id).contains(danger);
        }
        assertThat(robot.lookup("#field-abstain").query().getPseudoClassStates()).doesNotContain(danger);
        type(robot, "#field-teller2.abstain", "5");
        recordByKeys(robot);
        assertThat(message(robot)).isEqualTo(tellers.getText());
        assertThat(session.meeting().size()).isEqualTo(2);
        type(robot, "#field-teller2.for", "96");
        type(robot, "#field-teller2.against", "19");
        assertThat(tellers.isVisible()).isFalse();
        recordByKeys(robot);
        recorded(robot);
    }
}
