package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.folkmoot.procedure.ActionKind;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The hall, findings 5 and 7: the room sees who holds the floor and for how long; the console's history and
 * its list of entries to correct read like the minutes, each row whole.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SpeakersAndRecordUiTest {
    @TempDir
    Path tmp;

    private MeetingWindows.Opened opened;

    @Start
    void start(Stage stage) {
        stage.hide();
    }

    @AfterEach
    void close() {
        if (opened != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                opened.projector().close();
                opened.console().close();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** The bakery's first {@code entries} entries, recorded, and the console and projector opened on them. */
    private MeetingSession bakery(int entries) throws Exception {
        List<String> script = Files.readAllLines(Path.of("assets", "meetings", "bakery.jsonl"), StandardCharsets.UTF_8);
        MeetingSession session = MeetingSession.create(tmp.resolve("bakery.meeting"), HeaderCodec.read(Json.object(script.get(0))), Clock.systemUTC());
        for (String line : script.subList(1, 1 + entries)) assertThat(session.take(ActionCodec.read(Json.object(line)))).isEmpty();
        CommunityKey key = CommunityKey.fromSeed(new byte[32]);
        WaitForAsyncUtils.asyncFx(() -> opened = MeetingWindows.open(session, key, FolkmootApp.bundle(Locale.ENGLISH), true, Runnable::run));
        WaitForAsyncUtils.waitForFxEvents();
        return session;
    }

    private Label projectorLabel(String id) {
        return (Label) opened.projector().getScene().getRoot().lookup(id);
    }

    @Test
    void theProjectorShowsWhoIsSpeakingFromTheNextButton(FxRobot robot) throws Exception {
        bakery(3); // attendance, present, discuss
        Label speaking = projectorLabel("#p-speaking");
        assertThat(speaking.isVisible()).as("nobody holds the floor yet").isFalse();
        robot.clickOn("#queue-name").write("Omar");
        robot.press(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER);
        robot.clickOn("#queue-next");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < 83; i++) opened.clock().tick(); // the seconds, without waiting for them
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(speaking.isVisible()).isTrue();
        assertThat(speaking.getText()).isIn("Now speaking: Omar — 1:23", "Now speaking: Omar — 1:24"); // the real second may tick too
        assertThat(opened.model().history().get(0)).isEqualTo("#4  speaks: Omar");

        // the check ends the discussion: its queue and its speaker leave the screen
        robot.interact(() -> {
            opened.model().selectedProperty().set(ActionKind.VOTE);
            opened.model().field("for").orElseThrow().valueProperty().set("100");
            opened.model().field("against").orElseThrow().valueProperty().set("25");
            opened.model().field("abstain").orElseThrow().valueProperty().set("5");
            assertThat(opened.model().record()).isTrue();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(speaking.isVisible()).isFalse();
        assertThat(opened.clock().queue()).isEmpty();
        assertThat(opened.clock().armedProperty().get()).isFalse();
    }

    @Test
    void minutesTheTimerCannotTakeAreRefusedInOneLineAndTheTimerIsLeftAsItWas(FxRobot robot) throws Exception {
        bakery(3); // attendance, present, discuss: the discussion's minutes run
        int left = opened.clock().remainingProperty().get();
        assertThat(left).isPositive();
        Label message = robot.lookup("#message").queryAs(Label.class);
        Typing.type(robot, "#timer-minutes", "ten");
        robot.clickOn("#timer-set");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message.getText()).isEqualTo("The timer takes a whole number of minutes, 0 to 999, not \"ten\": it is left as it was");
        assertThat(opened.clock().remainingProperty().get()).as("as it was, but for the seconds passing").isBetween(left - 5, left);
        Typing.type(robot, "#timer-minutes", "2");
        robot.clickOn("#timer-set");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.clock().remainingProperty().get()).isBetween(115, 120);
    }

    @Test
    void historyAndCorrectionRowsSayWhichVoteAndAreShownWhole(FxRobot robot) throws Exception {
        bakery(12); // through the first amendment in round 1
        assertThat(opened.model().history()).contains("#6  temperature check 1 on B-1: 100 for, 25 against, 5 abstaining");
        robot.interact(() -> opened.model().selectedProperty().set(ActionKind.CORRECT));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> entry = robot.lookup("#field-entry").queryAs(ComboBox.class);
        assertThat(entry.getItems()).contains("#6  temperature check 1 on B-1: 100 for, 25 against, 5 abstaining");

        javafx.scene.Node history = robot.lookup("#history").query();
        Bounds list = history.localToScreen(history.getBoundsInLocal());
        List<Label> rows = robot.lookup(n -> n instanceof Label l && l.getText() != null && l.getText().startsWith("#")
                && isIn(l, history)).queryAllAs(Label.class).stream().toList();
        assertThat(rows).extracting(Label::getText).contains("#11  agreement on Hours: 80 agree, 40 disagree, 10 abstain");
        for (Label row : rows) {
            assertThat(row.localToScreen(row.getBoundsInLocal()).getMaxX()).as(row.getText()).isLessThanOrEqualTo(list.getMaxX());
            assertThat(shown(row)).as("shown whole, not cut with an ellipsis").isEqualTo(row.getText());
        }
    }

    /** What a label's skin draws of its text: the text itself, or the text cut short with an ellipsis. */
    private static String shown(javafx.scene.control.Labeled l) {
        StringBuilder drawn = new StringBuilder();
        for (javafx.scene.Node n : l.lookupAll(".text")) {
            if (n instanceof javafx.scene.text.Text t && n.getParent() == l) drawn.append(t.getText());
        }
        return drawn.toString().replace('\n', ' ').replaceAll(" +", " ").equals(l.getText().replaceAll(" +", " "))
                ? l.getText() : drawn.toString();
    }

    private static boolean isIn(javafx.scene.Node n, javafx.scene.Node parent) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (p == parent) return true;
        return false;
    }
}
