package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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
 * What a new facilitator tripped on, by keys alone (issue 14's walk-through): Tab in a text went into the text
 * instead of on to the next field; Enter recorded only in a count; after the adjourn the cursor sat in Resume's
 * date, so the next thing typed could resume the meeting.
 */
@ExtendWith(ApplicationExtension.class)
class HallKeysUiTest {
    @TempDir
    Path tmp;

    private MeetingWindows.Opened opened;
    private MeetingSession session;

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
        if (session != null) session.close();
    }

    private String focused() {
        Node n = opened.console().getScene().getFocusOwner();
        return n == null ? null : n.getId();
    }

    private String message(FxRobot robot) {
        return robot.lookup("#message").queryAs(Label.class).getText();
    }

    @Test
    void tabLeavesATextEnterRecordsFromAnyLineAndTheAdjournLeavesNothingToResumeByAccident(FxRobot robot) throws Exception {
        session = MeetingSession.create(tmp.resolve("keys.meeting"), HeaderCodec.read(Json.object(Meetings.HEADER)), Clock.systemUTC());
        CommunityKey key = CommunityKey.loadOrCreate(DataFolder.path());
        WaitForAsyncUtils.asyncFx(() -> opened = MeetingWindows.open(session, key, FolkmootApp.bundle(Locale.ENGLISH), true, Runnable::run));
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.write("100").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).startsWith("Recorded:");
        assertThat(focused()).isEqualTo("field-title");
        // the Community's own resolution: the five rows naming a body are folded under one box
        Node level = robot.lookup(n -> "field-upstream.level".equals(n.getId())).query();
        assertThat(level.isVisible()).isFalse();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#from-body").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(level.isVisible()).as("a body's resolution typed by hand names it").isTrue();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#from-body").queryAs(javafx.scene.control.CheckBox.class).setSelected(false));
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#field-title").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();

        robot.write("Garden").type(KeyCode.TAB).write("We turn the east lot into a garden.").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#field-text").queryAs(TextArea.class).getText())
                .as("Tab went on, not into the text").isEqualTo("We turn the east lot into a garden.");
        assertThat(focused()).isEqualTo("field-proposer");
        // Shift+Tab goes back into the text, as in every other field
        robot.press(KeyCode.SHIFT, KeyCode.TAB).release(KeyCode.TAB, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused()).isEqualTo("field-text");
        robot.type(KeyCode.TAB).write("Ana").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).as("Enter in a one-line field records").startsWith("Recorded:");
        assertThat(session.meeting().current()).isPresent();

        robot.clickOn("#action-adjourn");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(n -> n instanceof Label l && "Date, if not today (YYYY-MM-DD; may stay empty)".equals(l.getText()))
                .tryQuery()).as("the date says it may stay empty").isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).startsWith("Recorded:");
        assertThat(session.meeting().adjourned()).isTrue();
        assertThat(focused()).as("the cursor on the Resume action, not in a field").isEqualTo("action-" + ActionKind.RESUME.word());
        robot.write("2026");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.meeting().adjourned()).as("typing and Enter did not resume the meeting").isTrue();
    }
}
