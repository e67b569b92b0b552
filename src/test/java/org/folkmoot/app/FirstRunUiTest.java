package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** On a laptop's first run the start screen says what to do first: the Community, the key, the data and its backup. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class FirstRunUiTest {
    private String before;
    private Path home;

    @Start
    void start(Stage stage) throws Exception {
        before = System.getProperty(DataFolder.PROPERTY);
        home = Files.createTempDirectory("folkmoot-first-run");
        System.setProperty(DataFolder.PROPERTY, home.toString());
        new FolkmootApp().start(stage);
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
    }

    @Test
    void theGuideNamesTheKeyAndWhereTheDataIs(FxRobot robot) throws Exception {
        VBox guide = robot.lookup("#first-run-guide").queryAs(VBox.class);
        String said = String.join("\n", guide.getChildren().stream().map(n -> ((Label) n).getText()).toList());
        String keyId = CommunityKey.loadOrCreate(home).keyId();
        assertThat(said).startsWith("Before your first meeting").contains("key id " + keyId).contains(home.toString())
                .contains("Back it up");
    }

    @Test
    void theBodiesThisCommunityBelongsToAreInItsSettingsNoneYet(FxRobot robot) {
        VBox section = robot.lookup("#bodies-section").queryAs(VBox.class);
        assertThat(robot.from(section).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText))
                .contains("The bodies this Community belongs to (Municipality, Region, Collective)",
                        "None yet: enroll your Municipality's key file, given by its clerk.");
        assertThat(robot.from(section).lookup("#bodies-enroll").queryAs(javafx.scene.control.Button.class).getText())
                .isEqualTo("Enroll a body's key…");
    }

    @Test
    void whatTheKeysButtonSaysIsSaidBesideIt(FxRobot robot) {
        // no Community yet: exporting its key asks for it there, not beside "Start the meeting"
        javafx.scene.control.Button export = robot.lookup(".button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> b.getText().equals("Export the public key…")).findFirst().orElseThrow();
        robot.interact(export::fire); // below the fold of the start screen: pressed as the button itself
        Label said = robot.lookup("#key-message").queryAs(Label.class);
        assertThat(said.getText()).isEqualTo("Give the Community's id and its number of members.");
        assertThat(said.getStyle()).contains("danger");
        assertThat(said.isWrapText()).isTrue();
        VBox box = (VBox) said.getParent();
        int at = box.getChildren().indexOf(said);
        assertThat(box.getChildren().get(at - 1).lookup(".button")).isNotNull(); // right under the row of those buttons
    }
}
