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
 * The hall, finding 3: Print the minutes did nothing visible where no PDF viewer is registered. Now the minutes
 * are kept in the data folder and shown in the app's preview, which prints through the system's dialog or, with
 * no printer, says where the file is.
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
        MinutesPreview.usePrinters(null);
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
    void theMinutesAreKeptPreviewedAndWithoutAPrinterTheSecretaryIsToldWhere(FxRobot robot) throws Exception {
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
                FolkmootApp.bundle(Locale.ENGLISH), false, null, Runnable::run)); // no host services: no viewer to open a file with
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.view().printButton().isDisabled()).as("the button is there to be pressed").isFalse();
        MinutesPreview.usePrinters(() -> null); // this laptop has no printer, whatever the one running the test has
        robot.clickOn("#print");
        Path kept = home.resolve("minutes").resolve("riverside-3-meeting-1-2026-12-10.pdf");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#preview-pages").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened.view().status().getText()).isEqualTo("The minutes are saved at " + kept
                + " and shown in a preview: print them from there");
        byte[] pdf = Files.readAllBytes(kept);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        int pages;
        try (org.folkmoot.minutes.MinutesPages read = org.folkmoot.minutes.MinutesPages.read(pdf)) {
            pages = read.count();
        }
        javafx.scene.layout.VBox shown = robot.lookup("#preview-pages").queryAs(javafx.scene.layout.VBox.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shown.getChildren().size() == pages);
        assertThat(pages).as("the preview shows every page of the kept file").isPositive();
        javafx.scene.image.ImageView first = (javafx.scene.image.ImageView) shown.getChildren().get(0);
        assertThat(first.getImage().getHeight() / first.getImage().getWidth()).as("an A4 page, upright")
                .isCloseTo(297.0 / 210, org.assertj.core.data.Offset.offset(0.02));
        assertThat(robot.lookup("#preview-viewer").queryButton().isDisabled()).as("no viewer to open it in").isTrue();

        robot.clickOn("#preview-print");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#preview-status").queryLabeled().getText()).isEqualTo("No printer is set up on this laptop: "
                + "the minutes are saved at " + kept + " — print that file from any computer, or copy it to a USB stick");
        robot.clickOn("#preview-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#minutes-preview").tryQuery()).as("Close closes the preview").isEmpty();
    }
}
