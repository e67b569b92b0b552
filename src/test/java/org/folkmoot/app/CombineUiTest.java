package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.folkmoot.app.combine.CombineView;
import org.folkmoot.app.combine.CombineViewModel;
import org.folkmoot.combine.Communities;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A tally clerk counts a stick of verdicts and saves the signed result, by keys and clicks. */
@ExtendWith(ApplicationExtension.class)
class CombineUiTest {
    @TempDir
    static Path tmp;

    private static final CommunityKey BODY = CommunityKey.fromSeed(new byte[32]);
    private CombineViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        model = new CombineViewModel(FolkmootApp.bundle(Locale.ENGLISH), BODY, tmp, Runnable::run);
        Scene scene = new Scene(new CombineView(model, FolkmootApp.bundle(Locale.ENGLISH)).root(), 1000, 760);
        scene.getStylesheets().add(FolkmootApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aStickOfVerdictsIsCountedShownWithItsBarsAndSavedSigned(FxRobot robot) throws Exception {
        Path roster = Communities.roster(tmp.resolve("roster.json"), "M1", List.of("c1", "c2", "c3", "c4", "c5"));
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        for (String id : List.of("c1", "c2", "c3")) Files.write(stick.resolve(id + ".verdict"), Communities.verdict(id, Communities.Decided.PASSED));
        Files.write(stick.resolve("c4.verdict"), Communities.verdict("c4", Communities.Decided.NOT_PASSED));
        // c1 met again and issued a later verdict, which supersedes the one beside it
        Files.write(stick.resolve("c1-later.verdict"), Communities.verdict("c1", Communities.Decided.PASSED, "2026-12-03T21:00:00Z",
                Communities.payloadSha(Files.readAllBytes(stick.resolve("c1.verdict")))));
        Files.writeString(stick.resolve("shopping.txt"), "bread, seeds\n");

        // asked to count with nothing filled in, it says what is missing and counts nothing
        robot.clickOn("#combine-count");
        assertThat(robot.lookup("#combine-message").queryAs(Label.class).getText()).isEqualTo("Choose the body's roster");

        type(robot, "#combine-roster", roster.toString());
        type(robot, "#combine-resolution", Communities.RESOLUTION);
        type(robot, "#combine-sha", Communities.SHA);
        type(robot, "#combine-inputs", stick.toString());
        robot.clickOn("#combine-count");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.countedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#combine-outcome").queryAs(Label.class).getText())
                .isEqualTo("PASSED by supermajority: 3 of 4 reporting passed the text — 4 of 5 Communities reported (a quorum: more than 1/2)");
        VBox bars = robot.lookup("#combine-bars").queryAs(VBox.class);
        assertThat(bars.getChildren()).hasSize(6);
        assertThat(bars.getChildren().stream().map(Node::getAccessibleText).toList())
                .startsWith("Passed: 3", "Passed with amendments: 0", "Not passed: 1");
        @SuppressWarnings("unchecked")
        ListView<String> refused = robot.lookup("#combine-refused").queryAs(ListView.class);
        assertThat(refused.getItems()).singleElement().asString().endsWith("shopping.txt — the file is not JSON");
        @SuppressWarnings("unchecked")
        ListView<String> notes = robot.lookup("#combine-notes").queryAs(ListView.class);
        assertThat(notes.getItems()).contains("Missing: Community c5 (c5)",
                "Superseded by a later verdict of the same Community (passed over): 1");

        Path result = tmp.resolve("M-R1.tally");
        type(robot, "#combine-target", result.toString());
        robot.clickOn("#combine-save");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(result) && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#combine-message").queryAs(Label.class).getText()).startsWith("Saved " + result + " — fingerprint ");
        SignedFile signed = SignedFile.parse(Files.readAllBytes(result));
        assertThat(signed.payloadType()).isEqualTo(Dsse.TALLY_TYPE);
        assertThat(signed.signedBy(BODY.publicKey())).isTrue();
    }

    private static void type(FxRobot robot, String id, String value) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(value);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEqualTo(value);
    }
}
