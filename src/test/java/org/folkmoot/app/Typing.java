package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A facilitator's hands in the UI tests: a field typed over, an item chosen from a list. */
final class Typing {
    private Typing() {
    }

    /** Clicks the field, clears it as a person would (select all, delete) and types {@code value}. */
    static void type(FxRobot robot, String id, String value) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        robot.write(value);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo(value);
    }

    /** Chooses the item that is {@code startsWith}, else the first that starts so, by clicking it (unless already chosen). */
    @SuppressWarnings("unchecked")
    static void choose(FxRobot robot, String id, String startsWith) {
        ComboBox<String> box = robot.lookup(id).queryAs(ComboBox.class);
        String item = box.getItems().stream().filter(i -> i.equals(startsWith)).findFirst()
                .orElseGet(() -> box.getItems().stream().filter(i -> i.startsWith(startsWith)).findFirst().orElseThrow());
        if (!item.equals(box.getValue())) {
            robot.clickOn(box);
            robot.clickOn(item);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(box.getValue()).isEqualTo(item);
    }
}
