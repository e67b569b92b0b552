package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.folkmoot.Meetings;
import org.folkmoot.app.console.ConsoleView;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.record.Replay;
import org.folkmoot.session.ClosingPapers;
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
 * The console driven as a facilitator drives it — keys and clicks only, headless (Monocle) — through
 * example meetings; the verdicts of the record the UI wrote equal those {@code replay} makes of it.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {
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

    private MeetingSession open(Path file, List<String> script, boolean create) throws Exception {
        MeetingSession session = create
                ? MeetingSession.create(file, HeaderCodec.read(Json.object(script.get(0))), Clock.systemUTC())
                : MeetingSession.open(file, Clock.systemUTC());
        CommunityKey key = CommunityKey.loadOrCreate(DataFolder.path());
        WaitForAsyncUtils.asyncFx(() -> opened = MeetingWindows.open(session, key, FolkmootApp.bundle(Locale.ENGLISH), true, Runnable::run));
        WaitForAsyncUtils.waitForFxEvents();
        return session;
    }

    /** One entry of the script, typed into the console. */
    private void enter(FxRobot robot, ObjectNode line) {
        String kind = line.get("do").asText();
        KeyCode digit = ConsoleView.SHORTCUTS.entrySet().stream().filter(e -> e.getValue().word().equals(kind))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (digit != null) {
            robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
        } else {
            robot.clickOn("#action-" + kind);
        }
        WaitForAsyncUtils.waitForFxEvents();
        if (kind.equals("correct")) {
            Typing.choose(robot, "#field-entry", "#" + line.get("entry").asText() + " ");
            Typing.type(robot, "#field-reason", line.get("reason").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = line.get("with").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (robot.lookup("#field-" + f.getKey()).tryQuery().isPresent() && !f.getKey().equals("do")) {
                    Typing.type(robot, "#field-" + f.getKey(), f.getValue().asText());
                }
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = line.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String id = "#field-" + f.getKey();
                if (f.getKey().equals("do") || f.getKey().equals("at") || robot.lookup(id).tryQuery().isEmpty()) continue;
                Node node = robot.lookup(id).query();
                if (node instanceof ComboBox) Typing.choose(robot, id, f.getValue().asText());
                else Typing.type(robot, id, f.getValue().asText());
            }
        }
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#message").queryAs(Label.class);
        assertThat(message.getText()).as(line.toString()).startsWith("Recorded:");
    }



    private void drive(FxRobot robot, String example) throws Exception {
        List<String> script = Files.readAllLines(Path.of("assets", "meetings", example), StandardCharsets.UTF_8);
        Path file = tmp.resolve("ui.meeting");
        MeetingSession session = open(file, script, true);
        for (String line : script.subList(1, script.size())) enter(robot, Json.object(line));

        ClosingPapers.write(tmp.resolve("ui"), session.meeting(), session.record(), CommunityKey.loadOrCreate(DataFolder.path()));
        Replay.Result replayed = Replay.run(Files.readAllBytes(tmp.resolve("ui/record.jsonl")), null, null, Meetings.FIXED);
        ClosingPapers.write(tmp.resolve("replay"), replayed.meeting(), replayed.record(), CommunityKey.loadOrCreate(DataFolder.path()));
        assertThat(Meetings.outcomes(replayed) + "\n")
                .isEqualTo(Files.readString(Path.of("assets", "meetings", example.replace(".jsonl", ".expected"))));
        try (var files = Files.list(tmp.resolve("ui"))) {
            for (Path v : files.filter(p -> p.toString().endsWith(".verdict")).toList()) {
                assertThat(Files.readAllBytes(tmp.resolve("replay").resolve(v.getFileName()))).isEqualTo(Files.readAllBytes(v));
            }
        }
    }

    @Test
    void theNightMarketByKeysAndClicks(FxRobot robot) throws Exception {
        drive(robot, "night-market.jsonl");
    }

    @Test
    void theLibraryByKeysAndClicksWithACorrection(FxRobot robot) throws Exception {
        drive(robot, "library.jsonl");
    }

    @Test
    void theBakeryByKeysAndClicks(FxRobot robot) throws Exception {
        drive(robot, "bakery.jsonl");
    }

    @Test
    void aTallyIsRecordedWithoutTheMouse(FxRobot robot) throws Exception {
        List<String> script = Files.readAllLines(Path.of("assets", "meetings", "bakery.jsonl"), StandardCharsets.UTF_8);
        MeetingSession session = open(tmp.resolve("keys.meeting"), script, true);
        for (String line : script.subList(1, 3)) enter(robot, Json.object(line));
        // Ctrl+2 puts the cursor in "for"; Tab to the next count; Enter records
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.write("100").type(KeyCode.TAB).write("25").type(KeyCode.TAB).write("5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#message").queryAs(Label.class).getText())
                .isEqualTo("Recorded: temperature check 1 on B-1: 100 for, 25 against, 5 abstaining");
        assertThat(session.meeting().current().orElseThrow().votes()).hasSize(1);
    }

    @Test
    void closedInTheMiddleOfAGrievanceRoundItReopensWhereItStood(FxRobot robot) throws Exception {
        List<String> script = Files.readAllLines(Path.of("assets", "meetings", "bakery.jsonl"), StandardCharsets.UTF_8);
        Path file = tmp.resolve("bakery.meeting");
        open(file, script, true);
        for (String line : script.subList(1, 12)) enter(robot, Json.object(line)); // into round 1, Hours weighed in
        // the room's timer and queue, as the facilitator left them
        assertThat(opened.clock().runningProperty().get()).as("a plea started the timer").isTrue();
        robot.clickOn("#timer-pause");
        Typing.type(robot, "#plead-minutes", "4");
        Typing.type(robot, "#queue-name", "Ana");
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int left = opened.clock().remainingProperty().get();
        assertThat(left).isBetween(1, 180);
        assertThat(opened.clock().queue()).containsExactly("Ana");
        WaitForAsyncUtils.asyncFx(() -> {
            opened.projector().close();
            opened.console().close();
        });
        WaitForAsyncUtils.waitForFxEvents();

        MeetingSession reopened = open(file, script, false);
        var r = reopened.meeting().current().orElseThrow();
        assertThat(r.stage()).isEqualTo(org.folkmoot.procedure.Stage.ROUND_1);
        assertThat(r.grievances()).hasSize(2);
        assertThat(r.grievances().get(0).agreement().inFavour()).isEqualTo(80);
        assertThat(robot.lookup(".crumb-current").queryAs(Label.class).getText()).isEqualTo("Round 1");
        assertThat(opened.model().history()).hasSize(11);
        assertThat(opened.clock().remainingProperty().get()).as("the paused timer waited").isEqualTo(left);
        assertThat(opened.clock().runningProperty().get()).isFalse();
        assertThat(opened.clock().queue()).containsExactly("Ana");
        assertThat(robot.lookup("#plead-minutes").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("4");
        // and the meeting goes on from there, by keys
        for (String line : script.subList(12, 15)) enter(robot, Json.object(line));
        assertThat(reopened.meeting().current().orElseThrow().amendments().get(0).adopted()).isTrue();
    }
}
