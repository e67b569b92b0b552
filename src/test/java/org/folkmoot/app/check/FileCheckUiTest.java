package org.folkmoot.app.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.combine.Communities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The file check's window: "Checking…" while the work waits, then the headline in green or red and a label a line. */
@ExtendWith(ApplicationExtension.class)
class FileCheckUiTest {
    @TempDir
    Path tmp;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label(), 760, 360));
        stage.show();
    }

    private VBox shown(FxRobot robot, FileCheckViewModel model) {
        VBox[] root = new VBox[1];
        robot.interact(() -> {
            root[0] = new FileCheckView(model).root();
            stage.setScene(new Scene(root[0], 760, 360));
        });
        return root[0];
    }

    private static List<String> texts(VBox box) {
        return box.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void aVerdictThatHoldsIsSaidInGreenWithWhatItSays(FxRobot robot) throws Exception {
        Path verdict = Files.write(tmp.resolve("c1.verdict"), Communities.verdict("c1", Communities.Decided.PASSED));
        List<Runnable> waiting = new ArrayList<>();
        FileCheckViewModel model = new FileCheckViewModel(verdict, FolkmootApp.bundle(Locale.ENGLISH), waiting::add);
        VBox root = shown(robot, model);
        robot.interact(model::check);
        Label headline = (Label) root.getChildren().get(1);
        VBox lines = (VBox) root.getChildren().get(2);
        assertThat(((Label) root.getChildren().get(0)).getText()).isEqualTo(verdict.toString());
        assertThat(headline.getText()).isEqualTo("Checking…");
        assertThat(lines.getChildren()).isEmpty();

        robot.interact(() -> waiting.get(0).run());
        assertThat(headline.getText()).isEqualTo("The signature holds");
        assertThat(headline.getStyle()).contains("success");
        assertThat(texts(lines)).contains("Community Verdict of Community c1 (c1)", "Outcome: passed (consensus)");
        assertThat(lines.getChildren()).allSatisfy(n -> assertThat(((Label) n).isWrapText()).isTrue());
    }

    @Test
    void aFileThatDoesNotHoldIsSaidInRed(FxRobot robot) throws Exception {
        Path fake = Files.writeString(tmp.resolve("fake.verdict"),
                "{\"payloadType\":\"application/vnd.folkmoot.verdict+json;version=1\",\"payload\":\"e30=\",\"signatures\":[]}");
        FileCheckViewModel model = new FileCheckViewModel(fake, FolkmootApp.bundle(Locale.ENGLISH), Runnable::run);
        VBox root = shown(robot, model);
        robot.interact(model::check);
        Label headline = (Label) root.getChildren().get(1);
        assertThat(headline.getText()).isEqualTo("Refused: this file does not hold");
        assertThat(headline.getStyle()).contains("danger");
        assertThat(texts((VBox) root.getChildren().get(2))).containsExactly("the envelope has no signatures");
    }
}
