package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A new facilitator rehearses an example meeting step by step in the real console. */
@ExtendWith(ApplicationExtension.class)
class RehearsalUiTest {
    private Rehearsal rehearsal;

    @Start
    void start(Stage stage) throws Exception {
        stage.hide();
        rehearsal = Rehearsal.open("bakery.jsonl", ExampleMeetings.read("bakery.jsonl"), FolkmootApp.bundle(Locale.ENGLISH), Runnable::run);
    }

    @Test
    void eachStepIsTakenInTheConsoleAndTheWholeMeetingRunsToItsEnd(FxRobot robot) {
        assertThat(robot.lookup("#rehearsal-step").queryAs(Label.class).getText()).isEqualTo("Next: attendance: 130 present");
        // the panel belongs to the console: no window manager puts the console over it
        assertThat(robot.lookup("#rehearsal-step").queryAs(Label.class).getScene().getWindow())
                .isInstanceOfSatisfying(Stage.class, panel -> assertThat(panel.getOwner()).isSameAs(rehearsal.opened().console()));
        for (int i = 0; i < 3; i++) robot.clickOn("#rehearsal-next");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rehearsal.done()).isEqualTo(3);
        assertThat(rehearsal.opened().model().history()).hasSize(3);
        assertThat(rehearsal.opened().model().session().meeting().size()).isEqualTo(3);
        robot.clickOn("Run to the end");
        WaitForAsyncUtils.waitForFxEvents();
        var meeting = rehearsal.opened().model().session().meeting();
        assertThat(meeting.resolutions().get(0).outcome()).isPresent();
        assertThat(robot.lookup("#rehearsal-step").queryAs(Label.class).getText()).startsWith("The whole meeting has been taken");
        WaitForAsyncUtils.asyncFx(() -> {
            rehearsal.opened().projector().close();
            rehearsal.opened().console().close();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aBookOfThreeMeetingsIsRehearsedToItsEnd(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            rehearsal.opened().projector().close();
            rehearsal.opened().console().close();
        });
        Rehearsal[] book = new Rehearsal[1];
        robot.interact(() -> {
            try {
                book[0] = Rehearsal.open("orchard.jsonl", ExampleMeetings.read("orchard.jsonl"), FolkmootApp.bundle(Locale.ENGLISH), Runnable::run);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        robot.clickOn("Run to the end");
        WaitForAsyncUtils.waitForFxEvents();
        var meeting = book[0].opened().model().session().meeting();
        assertThat(meeting.meetings()).hasSize(3);
        assertThat(book[0].opened().model().history()).contains("#28  next meeting: 2026-12-15, Willow school hall (facilitator Ines Duarte, secretary Tomas Berg)");
        assertThat(robot.lookup("#rehearsal-step").queryAs(Label.class).getText()).startsWith("The whole meeting has been taken");
        WaitForAsyncUtils.asyncFx(() -> {
            book[0].opened().projector().close();
            book[0].opened().console().close();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
