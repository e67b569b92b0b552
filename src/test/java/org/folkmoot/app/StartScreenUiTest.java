package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.folkmoot.files.DataFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first run: the Community set up and a meeting started from the start screen, by keys and clicks. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class StartScreenUiTest {

    @Start
    void start(Stage stage) throws Exception {
        new FolkmootApp().start(stage);
    }

    @Test
    void aMeetingIsStartedAndItsFileMadeInTheDataFolder(FxRobot robot) throws Exception {
        long before = meetingFiles();
        type(robot, 0, "elm-" + System.nanoTime());
        type(robot, 1, "Elm 2");
        type(robot, 2, "140");
        type(robot, 4, "Elm hall");
        type(robot, 5, "Ana");
        type(robot, 6, "Bo");
        // Enter starts it: "Start the meeting" is the screen's default button
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(meetingFiles()).isEqualTo(before + 1);
        // the console is open, at the first step: attendance by keys
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.write("120");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#message").queryAs(Label.class).getText()).isEqualTo("Recorded: attendance: 120 present");
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage).toList()
                .forEach(w -> ((Stage) w).close()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDateNoVerifierCouldReadIsRefusedAndNoMeetingStarts(FxRobot robot) throws Exception {
        long before = meetingFiles();
        type(robot, 0, "oak-" + System.nanoTime());
        type(robot, 2, "90");
        type(robot, 3, "1 December 2026");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(meetingFiles()).as("no meeting file made").isEqualTo(before);
        assertThat(robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText))
                .anyMatch(t -> t.startsWith("Write the meeting's date as YYYY-MM-DD"));
    }

    private static void type(FxRobot robot, int index, String text) {
        // the fields of the tab in view (the other tabs have fields of their own)
        javafx.scene.Node meetingTab = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getContent();
        TextField field = robot.from(meetingTab).lookup(".text-field").queryAllAs(TextField.class).stream().toList().get(index);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    private static long meetingFiles() throws Exception {
        Path dir = DataFolder.path().resolve("meetings");
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".meeting")).count();
        }
    }
}
