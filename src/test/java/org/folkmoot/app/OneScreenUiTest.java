package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The hall, finding 2: with one screen the projector window sat half behind the console and the Projector button
 * did nothing. Now F5 switches the screen between the console and the full-screen audience view, and the
 * button says so.
 */
@ExtendWith(ApplicationExtension.class)
class OneScreenUiTest {
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

    private void open() throws Exception {
        String header = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"riverside-3\",\"name\":\"Riverside 3\",\"members\":150},"
                + "\"meeting\":{\"date\":\"2026-12-10\",\"place\":\"Hall\",\"facilitator\":\"Ana\",\"secretary\":\"Bo\"}}";
        MeetingSession session = MeetingSession.create(tmp.resolve("m.meeting"), HeaderCodec.read(Json.object(header)), Clock.systemUTC());
        for (String line : List.of("{\"do\":\"attendance\",\"present\":120}",
                "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"A text.\",\"proposer\":\"Cy\"}")) {
            assertThat(session.take(ActionCodec.read(Json.object(line)))).isEmpty();
        }
        WaitForAsyncUtils.asyncFx(() -> opened = MeetingWindows.open(session, CommunityKey.fromSeed(new byte[32]),
                FolkmootApp.bundle(Locale.ENGLISH), true, null, Runnable::run));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screen.getScreens()).as("Monocle gives one screen").hasSize(1);
    }

    @Test
    void withOneScreenF5SwitchesToTheAudienceViewAndBack(FxRobot robot) throws Exception {
        open();
        assertThat(opened.projector().isShowing()).as("one screen: the console is what opens").isFalse();
        assertThat(opened.view().status().getText()).startsWith("One screen: press F5");

        WaitForAsyncUtils.asyncFx(() -> opened.console().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.projector().isShowing()).isTrue();
        assertThat(opened.projector().isFullScreen()).isTrue();

        // the same key, pressed in the audience view, gives the screen back to the console
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.projector().isShowing()).isFalse();

        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.projector().isShowing()).isTrue();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.projector().isShowing()).as("Esc goes back to the console").isFalse();
    }

    @Test
    void theProjectorButtonShowsTheAudienceViewAndTheConsoleSaysHowToComeBack(FxRobot robot) throws Exception {
        open();
        WaitForAsyncUtils.asyncFx(() -> opened.view().status().setText(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.view().projectorButton().getText()).isEqualTo("Projector (F5)");
        robot.clickOn(opened.view().projectorButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.projector().isShowing()).as("a click shows the room the audience view, as F5 does").isTrue();
        assertThat(opened.projector().isFullScreen()).isTrue();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.projector().isShowing()).isFalse();
        assertThat(opened.view().status().getText())
                .isEqualTo("One screen: press F5 to show the audience view, F5 again (or Esc) for the console");
    }
}
