package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.DataFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The hall, finding 3: Print the minutes did nothing visible where no PDF viewer is registered. Now the minutes
 * are kept in the data folder and the console says where, with or without a viewer.
 */
@ExtendWith(ApplicationExtension.class)
class PrintMinutesUiTest {
    @TempDir
    Path tmp;

    private String before;
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
        if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
    }

    @Test
    void withoutAPdfViewerTheMinutesAreKeptAndTheSecretaryIsToldWhere(FxRobot robot) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        before = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, home.toString());
        String header = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"riverside-3\",\"name\":\"Riverside 3\",\"members\":150},"
                + "\"meeting\":{\"date\":\"2026-12-10\",\"place\":\"Hall\",\"facilitator\":\"Ana\",\"secretary\":\"Bo\"}}";
        MeetingSession session = MeetingSession.create(tmp.resolve("m.meeting"), HeaderCodec.read(Json.object(header)), Clock.systemUTC());
        for (String line : List.of("{\"do\":\"attendance\",\"present\":120}",
                "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"A text.\",\"proposer\":\"Cy\"}")) {
            assertThat(session.take(ActionCodec.read(Json.object(line)))).isEmpty();
        }
        WaitForAsyncUtils.asyncFx(() -> opened = MeetingWindows.open(session, CommunityKey.fromSeed(new byte[32]),
                FolkmootApp.bundle(Locale.ENGLISH), false, null)); // no host services: no viewer to open a file with
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.view().printButton().isDisabled()).as("the button is there to be pressed").isFalse();
        robot.clickOn("#print");
        Path kept = home.resolve("minutes").resolve("riverside-3-meeting-1-2026-12-10.pdf");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> opened.view().status().getText().startsWith("No PDF viewer"));
        assertThat(opened.view().status().getText()).isEqualTo("No PDF viewer is set up on this laptop: the minutes are saved at "
                + kept + " — print that file from any computer, or copy it to a USB stick");
        assertThat(new String(Files.readAllBytes(kept), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
