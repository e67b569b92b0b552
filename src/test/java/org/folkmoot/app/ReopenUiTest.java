package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.files.DataFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hall, finding 7: a meeting in the reopen list opens by a double click or Enter too, not by its button alone. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReopenUiTest {
    @TempDir
    static Path home;
    static String before;

    @BeforeAll
    static void aLaptopWithAMeetingKept() throws Exception {
        before = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, home.toString());
        String header = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"other-7\",\"name\":\"Other 7\",\"members\":150},"
                + "\"meeting\":{\"date\":\"2026-12-10\",\"place\":\"Hall\",\"facilitator\":\"Ana\",\"secretary\":\"Bo\"}}";
        Files.createDirectories(home.resolve("meetings"));
        try (MeetingSession s = MeetingSession.create(home.resolve("meetings").resolve("2026-12-10-other-7.meeting"),
                HeaderCodec.read(Json.object(header)), Clock.systemUTC())) {
            s.take(ActionCodec.read(Json.object("{\"do\":\"attendance\",\"present\":99}")));
            s.take(ActionCodec.read(Json.object("{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"Garden\","
                    + "\"text\":\"A garden.\",\"proposer\":\"Ana\"}")));
        }
    }

    @AfterAll
    static void restore() {
        if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
    }

    @Start
    void start(Stage stage) throws Exception {
        new FolkmootApp().start(stage);
    }

    @Test
    void theListSaysWhatEachMeetingHoldsItsFileNameUnderIt(FxRobot robot) throws Exception {
        String said = "Other 7 · Meeting 1 · 2026-12-10 · Hall — R1 — Garden (at temperature check 1)";
        // read off the screen's thread: the words follow the list
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof javafx.scene.control.Label l
                && said.equals(l.getText())).tryQuery().isPresent());
        javafx.scene.control.Label what = robot.lookup(n -> n instanceof javafx.scene.control.Label l && said.equals(l.getText()))
                .queryAs(javafx.scene.control.Label.class);
        javafx.scene.layout.VBox cell = (javafx.scene.layout.VBox) what.getParent();
        assertThat(((javafx.scene.control.Label) cell.getChildren().get(1)).getText()).isEqualTo("2026-12-10-other-7.meeting");
    }

    @Test
    void aDoubleClickOnAMeetingReopensIt(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<String> list = robot.lookup(n -> n instanceof ListView<?> l && l.getItems().contains("2026-12-10-other-7.meeting"))
                .queryAs(ListView.class);
        robot.interact(() -> list.scrollTo(0));
        robot.doubleClickOn("2026-12-10-other-7.meeting");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null && s.getTitle().contains("Other 7")));
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage).toList()
                .forEach(w -> ((Stage) w).close()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.exists(home.resolve("meetings").resolve("2026-12-10-other-7.meeting"))).isTrue();
    }
}
