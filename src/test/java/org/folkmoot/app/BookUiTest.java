package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.folkmoot.Meetings;
import org.folkmoot.procedure.Delegate;
import org.folkmoot.record.Replay;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.files.DataFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two meetings of one Community's book, driven as a facilitator drives them — keys and clicks, headless: at
 * the first R1 passes and Dee is elected for it; the start screen then shows the book, and Start tonight's
 * meeting begins the second, where R1's contention vote is taken while R2 is on the ladder and Dee is
 * recalled. What the screens show is what the record, replayed, says.
 */
@ExtendWith(ApplicationExtension.class)
class BookUiTest {
    private String before;
    private Path home;
    private Stage start;

    @Start
    void start(Stage stage) throws Exception {
        before = System.getProperty(DataFolder.PROPERTY);
        home = Files.createTempDirectory("folkmoot-book");
        System.setProperty(DataFolder.PROPERTY, home.toString());
        start = stage;
        new FolkmootApp().start(stage);
    }

    @AfterEach
    void restore() {
        closeMeetingWindows();
        if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
    }

    @Test
    void aResolutionPassedAtOneMeetingIsContendedAndItsDelegateRecalledAtTheNext(FxRobot robot) throws Exception {
        // ---- meeting 1: the first meeting begins the book ----
        assertThat(said(robot, "#book")).startsWith("The first meeting begins the Community's book");
        startScreenField(robot, 0, "pine-7");
        startScreenField(robot, 1, "Pine 7");
        startScreenField(robot, 2, "120");
        startScreenField(robot, 3, "2026-11-26");
        startScreenField(robot, 4, "Pine hall");
        startScreenField(robot, 5, "Ana");
        startScreenField(robot, 6, "Bo");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        keys(robot, KeyCode.DIGIT1);
        robot.write("100").type(KeyCode.ENTER);
        recorded(robot, "Recorded: attendance: 100 present");
        robot.clickOn("#action-present");
        Typing.type(robot, "#field-title", "Garden");
        Typing.type(robot, "#field-text", "We turn the east lot into a garden.");
        Typing.type(robot, "#field-proposer", "Cy");
        keys(robot, KeyCode.ENTER);
        recorded(robot, "Recorded: present R1: Garden");
        keys(robot, KeyCode.DIGIT2);
        robot.write("95").type(KeyCode.TAB).write("5").type(KeyCode.TAB).write("0").type(KeyCode.ENTER);
        recorded(robot, "Recorded: temperature check 1 on R1: 95 for, 5 against, 0 abstaining");
        assertThat(text(robot, ".p-outcome")).isEqualTo("PASSED · consensus");
        keys(robot, KeyCode.DIGIT0);
        Typing.type(robot, "#field-name", "Dee");
        Typing.type(robot, "#field-mandate", "Plant the garden.");
        Typing.type(robot, "#field-for", "80");
        Typing.type(robot, "#field-against", "10");
        Typing.type(robot, "#field-abstain", "5");
        keys(robot, KeyCode.ENTER);
        recorded(robot, "Recorded: election of Dee: 80 for, 10 against, 5 abstaining");
        assertThat(text(robot, ".p-tally-title")).isEqualTo("Election of Dee");
        robot.clickOn("#action-adjourn");
        keys(robot, KeyCode.ENTER);
        recorded(robot, "Recorded: adjourn");
        closeMeetingWindows();

        // ---- the start screen is the book ----
        robot.interact(() -> {
            try {
                new FolkmootApp().start(start);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(said(robot, "#book")).startsWith("The book of Pine 7 — 1 meeting (2026-11-26-pine-7.meeting)");
        assertThat(said(robot, "#book-meetings")).isEqualTo("Meeting 1 | 2026-11-26 | Pine hall | adjourned");
        assertThat(said(robot, "#book-standing")).isEqualTo("In planning |    R1 — Garden · passed, consensus (presented at meeting 1)"
                + " | Delegates serving |    Dee — for R1: Plant the garden.");
        assertThat(said(robot, "#book-next")).isEqualTo("Start tonight's meeting continues this book as meeting 2.");
        assertThat(startScreenFields(robot).get(4).getText()).as("the same hall, most likely").isEqualTo("Pine hall");
        startScreenField(robot, 3, "2026-12-03");
        startScreenField(robot, 5, "Fay");
        startScreenField(robot, 6, "Gil");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        // ---- meeting 2: the same book goes on ----
        assertThat(text(robot, "#meeting-line")).isEqualTo("Meeting 2 · 2026-12-03 · Pine hall");
        assertThat(text(robot, ".next-step")).startsWith("Next: Count those present (Ctrl+1)");
        assertThat(text(robot, "#p-meeting")).isEqualTo("Meeting 2 · 2026-12-03 · Pine hall");
        assertThat(said(robot, "#p-standing")).isEqualTo("Standing business | In planning | R1 — Garden · passed, consensus (presented at meeting 1)"
                + " | Delegates serving | Dee — for R1: Plant the garden.");
        keys(robot, KeyCode.DIGIT1);
        robot.write("90").type(KeyCode.ENTER);
        recorded(robot, "Recorded: attendance: 90 present");
        robot.clickOn("#action-present");
        Typing.type(robot, "#field-title", "Bakery");
        Typing.type(robot, "#field-text", "We open a bakery.");
        Typing.type(robot, "#field-proposer", "Eli");
        keys(robot, KeyCode.ENTER);
        recorded(robot, "Recorded: present R2: Bakery");
        assertThat(audience(robot, "#p-standing", () -> robot.lookup("#p-standing").query().isVisible())).as("R2 is on the ladder").isFalse();

        // R1's contention vote, while R2 waits for its check
        keys(robot, KeyCode.DIGIT2);
        Typing.choose(robot, "#field-resolution", "R1 — Garden (in planning)");
        Typing.type(robot, "#field-for", "30");
        Typing.type(robot, "#field-against", "60");
        Typing.type(robot, "#field-abstain", "0");
        robot.type(KeyCode.ENTER);
        recorded(robot, "Recorded: a contention vote on R1: 30 for, 60 against, 0 abstaining");
        assertThat(text(robot, ".p-title")).isEqualTo("R1 — Garden");
        assertThat(text(robot, ".p-tally-title")).isEqualTo("Contention vote");
        assertThat(text(robot, ".p-outcome")).isEqualTo("TABLED");

        // Dee's recall: the delegate chosen names the resolution that elected them
        robot.clickOn("#action-recall");
        assertThat((Object) robot.lookup("#field-name").queryAs(ComboBox.class).getValue()).isEqualTo("Dee — for R1: Garden");
        Typing.type(robot, "#field-for", "70");
        Typing.type(robot, "#field-against", "10");
        Typing.type(robot, "#field-abstain", "5");
        keys(robot, KeyCode.ENTER);
        recorded(robot, "Recorded: recall of Dee: 70 for, 10 against, 5 abstaining (on R1)");
        assertThat(text(robot, ".p-tally-title")).isEqualTo("Recall of Dee");
        assertThat(text(robot, ".p-tally-words")).endsWith("recalled");
        assertThat(robot.lookup("#action-recall").query().isDisabled()).as("no one serves now").isTrue();
        String history = robot.lookup("#history").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(l -> ((Label) l).getText()).collect(Collectors.joining("\n"));
        assertThat(history).contains("#6  next meeting: 2026-12-03, Pine hall (facilitator Fay, secretary Gil)");
        closeMeetingWindows();

        // ---- the record, replayed, says what the screens said ----
        Path file = home.resolve("meetings").resolve("2026-11-26-pine-7.meeting");
        byte[] record;
        try (MeetingSession s = MeetingSession.open(file, Clock.systemUTC())) {
            record = Replay.recordBytes(s.record());
        }
        Replay.Result replayed = Replay.run(record, null, null, Meetings.FIXED);
        assertThat(replayed.refused()).isFalse();
        assertThat(Meetings.outcomes(replayed)).isEqualTo("R1 tabled - 30/90\nR2 open - -");
        assertThat(replayed.meeting().meetings()).extracting(h -> h.sitting().info().date()).containsExactly("2026-11-26", "2026-12-03");
        Delegate dee = replayed.meeting().book().resolution("R1").orElseThrow().delegates().get(0);
        assertThat(dee.name()).isEqualTo("Dee");
        assertThat(dee.recalled()).isTrue();
        try (Stream<Path> files = Files.list(home.resolve("meetings"))) {
            assertThat(files.count()).as("one book, one file").isEqualTo(1);
        }
    }

    @Test
    void verdictsAreExportedOnlyOnceTheMeetingIsAdjourned(FxRobot robot) throws Exception {
        MeetingSession session = MeetingSession.create(home.resolve("open.meeting"),
                org.folkmoot.record.HeaderCodec.read(org.folkmoot.record.Json.object(Meetings.HEADER)), Clock.systemUTC());
        for (String line : List.of(Meetings.attendance(100), Meetings.present("R1"), Meetings.vote("check-1", 95, 5, 0))) {
            assertThat(session.take(org.folkmoot.record.ActionCodec.read(org.folkmoot.record.Json.object(line)))).isEmpty();
        }
        MeetingWindows.Opened[] opened = new MeetingWindows.Opened[1];
        robot.interact(() -> opened[0] = MeetingWindows.open(session, org.folkmoot.verdict.CommunityKey.loadOrCreate(home),
                FolkmootApp.bundle(java.util.Locale.ENGLISH), true, Runnable::run));
        long windows = Window.getWindows().stream().filter(Window::isShowing).count();
        robot.clickOn("#export");
        WaitForAsyncUtils.waitForFxEvents();
        // no folder is asked for: the verdicts of a meeting not yet closed are not the ones its close issues
        assertThat(opened[0].view().status().getText())
                .isEqualTo("Adjourn first: a meeting's verdicts are issued at its close, and those are what the delegate carries");
        assertThat(Window.getWindows().stream().filter(Window::isShowing).count()).isEqualTo(windows);
    }

    // ---- as a facilitator types ----

    private static void keys(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void recorded(FxRobot robot, String message) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#message").queryAs(Label.class).getText()).isEqualTo(message);
    }



    private static List<TextField> startScreenFields(FxRobot robot) {
        Node meetingTab = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().getSelectedItem().getContent();
        return robot.from(meetingTab).lookup(".text-field").queryAllAs(TextField.class).stream().toList();
    }

    private static void startScreenField(FxRobot robot, int index, String text) {
        TextField field = startScreenFields(robot).get(index);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return audience(robot, query, () -> robot.lookup(query).queryAs(Label.class).getText());
    }

    /**
     * What the projector shows, read as the room sees it: on Monocle's one screen the audience view is shown with
     * F5 and given back to the console with F5 again.
     */
    static <T> T audience(FxRobot robot, String query, java.util.function.Supplier<T> read) {
        if (!query.startsWith("#p-") && !query.startsWith(".p-")) return read.get();
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return read.get();
        } finally {
            robot.push(KeyCode.F5);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Every label's text under the node, in order, joined by " | ". */
    private static String said(FxRobot robot, String query) {
        return audience(robot, query, () -> labels(robot.lookup(query).query()).stream().collect(Collectors.joining(" | ")));
    }

    private static List<String> labels(Node node) {
        if (node instanceof Label l) return List.of(l.getText());
        if (!(node instanceof Parent p)) return List.of();
        return p.getChildrenUnmodifiable().stream().flatMap(n -> labels(n).stream()).toList();
    }

    /** The console and the projector closed, as a facilitator closes them; the start screen's stage stays. */
    private void closeMeetingWindows() {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage && w != start).toList()
                .forEach(w -> ((Stage) w).close()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
