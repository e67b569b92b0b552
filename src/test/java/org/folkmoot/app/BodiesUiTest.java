package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.folkmoot.proposal.Bodies;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Community enrolls its Municipality's key on the start screen's section, by clicks; what is refused changes nothing. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class BodiesUiTest {
    @TempDir
    Path tmp;

    private Stage stage;
    private Path data;
    /** The file the chooser "picks" next, and what the confirmation was shown. */
    private Path chosen;
    private final List<Bodies.Body> shown = new ArrayList<>();

    @Start
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        stage.setScene(new Scene(new Label(), 900, 500));
        stage.show();
    }

    /** The section over data folder {@code data}, the file choice injected, the confirmation {@code confirm} (null: the real dialog). */
    private void show(FxRobot robot, Predicate<Bodies.Body> confirm) {
        data = tmp.resolve("data");
        BodiesViewModel model = new BodiesViewModel(data, FolkmootApp.bundle(Locale.ENGLISH), BodiesViewModelTest.DAY);
        Predicate<Bodies.Body> recorded = confirm == null ? null : b -> shown.add(b) && confirm.test(b);
        BodiesView view = new BodiesView(model, FolkmootApp.bundle(Locale.ENGLISH), () -> chosen, recorded, b -> true);
        robot.interact(() -> {
            Scene scene = new Scene(view.root(), 900, 500);
            scene.getStylesheets().add(FolkmootApp.stylesheet());
            stage.setScene(scene);
        });
    }

    @SuppressWarnings("unchecked")
    private static TableView<Bodies.Body> table(FxRobot robot) {
        return robot.lookup("#bodies").queryAs(TableView.class);
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#bodies-message").queryAs(Label.class).getText();
    }

    @Test
    void aBodysKeyFileIsEnrolledAndListedWithItsKeyId(FxRobot robot) throws Exception {
        show(robot, b -> true);
        assertThat(robot.lookup("#bodies-none").queryAs(Label.class).getText())
                .isEqualTo("None yet: enroll your Municipality's key file, given by its clerk.");
        assertThat(robot.lookup("#bodies-none").queryAs(Label.class).isVisible()).isTrue();
        assertThat(table(robot).isVisible()).isFalse();

        chosen = BodiesViewModelTest.millbrook(tmp);
        robot.clickOn("#bodies-enroll");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown).singleElement().satisfies(b -> assertThat(b.keyId()).isEqualTo(BodiesViewModelTest.MILLBROOK.keyId()));
        assertThat(table(robot).isVisible()).isTrue();
        assertThat(robot.lookup("#bodies-none").queryAs(Label.class).isVisible()).isFalse();
        assertThat(table(robot).getItems()).hasSize(1);
        // the row as the screen shows it: name, level, id, key id, day enrolled
        List<String> cells = table(robot).getColumns().stream().map(c -> String.valueOf(c.getCellData(0))).toList();
        assertThat(cells).containsExactly("Millbrook", "Municipality", "M7", BodiesViewModelTest.MILLBROOK.keyId(), "2026-12-01");
        assertThat(robot.lookup(".table-row-cell .text").queryAllAs(javafx.scene.text.Text.class).stream().map(javafx.scene.text.Text::getText))
                .contains(BodiesViewModelTest.MILLBROOK.keyId());
        assertThat(message(robot)).startsWith("Enrolled Millbrook (Municipality M7), key " + BodiesViewModelTest.MILLBROOK.keyId());
        assertThat(Files.readString(data.resolve(Bodies.FILE))).contains(BodiesViewModelTest.MILLBROOK.keyId()).contains("\"M7\"");
    }

    @Test
    void aSmallOrderKeyOrAFileThatIsNotAKeyFileIsRefusedWithOneLineAndChangesNothing(FxRobot robot) throws Exception {
        show(robot, b -> true);
        chosen = BodiesViewModelTest.millbrook(tmp);
        robot.clickOn("#bodies-enroll");
        byte[] before = Files.readAllBytes(data.resolve(Bodies.FILE));
        shown.clear();

        chosen = BodiesViewModelTest.smallOrder(tmp);
        robot.clickOn("#bodies-enroll");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).isEqualTo("bad.key.json: not enrolled — the body's key is not a point of prime order "
                + "(a small-order key would let anyone sign for it)");
        assertThat(robot.lookup("#bodies-message").queryAs(Label.class).getStyle()).contains("danger");

        chosen = Files.writeString(tmp.resolve("minutes.txt"), "Meeting 1 of Elm\n");
        robot.clickOn("#bodies-enroll");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(message(robot)).startsWith("minutes.txt: not enrolled — ").doesNotContain("\n");

        assertThat(shown).as("nothing refused is offered to confirm").isEmpty();
        assertThat(Files.readAllBytes(data.resolve(Bodies.FILE))).isEqualTo(before);
        assertThat(table(robot).getItems()).hasSize(1);
    }

    @Test
    void cancelEnrollsNothing(FxRobot robot) throws Exception {
        show(robot, b -> false);
        chosen = BodiesViewModelTest.millbrook(tmp);
        robot.clickOn("#bodies-enroll");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown).hasSize(1);
        assertThat(data.resolve(Bodies.FILE)).doesNotExist();
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(robot.lookup("#bodies-none").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void aSelectedBodyIsRemoved(FxRobot robot) throws Exception {
        show(robot, b -> true);
        chosen = BodiesViewModelTest.millbrook(tmp);
        robot.clickOn("#bodies-enroll");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#bodies-remove").queryAs(Button.class).isDisabled()).as("nothing chosen yet").isTrue();
        robot.clickOn("Millbrook");
        robot.clickOn("#bodies-remove");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Bodies.load(data).all()).isEmpty();
        assertThat(robot.lookup("#bodies-none").queryAs(Label.class).isVisible()).isTrue();
        assertThat(message(robot)).startsWith("Removed Millbrook (Municipality M7)");
    }

    /** The dialog a person sees: the body and its key id in large type, to read against the clerk's; Enroll enrolls. */
    @Test
    void theConfirmationShowsTheKeyIdInLargeType(FxRobot robot) throws Exception {
        show(robot, null);
        chosen = BodiesViewModelTest.millbrook(tmp);
        robot.clickOn("#bodies-enroll"); // the dialog's own event loop runs while it waits
        WaitForAsyncUtils.waitForFxEvents();
        Label key = robot.lookup("#bodies-confirm-key").queryAs(Label.class);
        assertThat(key.getText()).isEqualTo(BodiesViewModelTest.MILLBROOK.keyId());
        assertThat(key.getFont().getSize()).isGreaterThan(Font.getDefault().getSize() * 1.8);
        assertThat(robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText))
                .contains("Read this key id against the one the body's clerk reads out, in person:", "Millbrook (Municipality M7)");
        assertThat(data.resolve(Bodies.FILE)).as("not before Enroll").doesNotExist();
        robot.clickOn("Enroll");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows()).hasSize(1);
        assertThat(Bodies.load(data).byKeyId(BodiesViewModelTest.MILLBROOK.keyId())).isPresent();
    }
}
