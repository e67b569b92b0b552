package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.folkmoot.BodyProposals;
import org.folkmoot.Meetings;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.Roster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Present a proposal from a body…, clicked as a facilitator clicks it, headless: a proposal from a body not
 * enrolled and one changed after signing are refused with the reason and record nothing; Millbrook's is shown
 * with its text locked and its source, recorded with its upstream, kept in the data folder, and the projector
 * says where it came from and by when the verdict is wanted.
 */
@ExtendWith(ApplicationExtension.class)
class PresentProposalUiTest {
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
    void aBodysProposalIsPresentedLockedWithItsSource(FxRobot robot) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        before = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, home.toString());
        CommunityKey millbrook = BodyProposals.key("millbrook");
        BodyProposals.enroll(home, BodyProposals.MILLBROOK, millbrook);
        Proposal proposal = BodyProposals.millbrook(millbrook);
        Path stick = Files.createDirectories(tmp.resolve("usb"));
        Path good = Files.write(stick.resolve("M7-R4.proposal"), proposal.file());
        Path stranger = Files.write(stick.resolve("R2-R1.proposal"), BodyProposals.proposal(new Roster.Body("region", "R2", "Lakeland"),
                BodyProposals.key("lakeland"), "R2-R1").file());
        // the title's first letter changed after signing (its text hash says nothing of the title)
        String envelope = new String(proposal.file(), java.nio.charset.StandardCharsets.UTF_8);
        ObjectNode env = Json.object(envelope.strip());
        String payload = new String(java.util.Base64.getDecoder().decode(env.get("payload").asText()), java.nio.charset.StandardCharsets.UTF_8);
        env.put("payload", java.util.Base64.getEncoder().encodeToString(payload.replace("\"Seed library\"", "\"Weed library\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path changed = Files.writeString(stick.resolve("changed.proposal"), Json.compact(env) + "\n");

        MeetingSession session = MeetingSession.create(tmp.resolve("ui.meeting"), HeaderCodec.read(Json.object(Meetings.HEADER)),
                Clock.systemUTC());
        CommunityKey key = CommunityKey.loadOrCreate(home);
        WaitForAsyncUtils.asyncFx(() -> opened = MeetingWindows.open(session, key, FolkmootApp.bundle(Locale.ENGLISH), true, Runnable::run));
        WaitForAsyncUtils.waitForFxEvents();
        Path[] chosen = new Path[1];
        opened.view().chooseProposalWith(owner -> chosen[0]);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.write("100").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(said(robot, "#message")).isEqualTo("Recorded: attendance: 100 present");

        // refused: a body this Community never enrolled, and a file changed after it was signed
        chosen[0] = stranger;
        robot.clickOn("#present-proposal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(said(robot, "#message")).startsWith("R2-R1.proposal is not taken: its signature holds for no body this Community "
                + "enrolled (it says it is from Lakeland (region R2))");
        assertThat(robot.lookup("#message").queryAs(Label.class).getStyle()).contains("danger");
        chosen[0] = changed;
        robot.clickOn("#present-proposal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(said(robot, "#message")).isEqualTo("changed.proposal is not taken: its signature does not hold for the key enrolled "
                + "for Millbrook (municipality M7): the file was changed after it was signed, or signed with another key");
        assertThat(robot.lookup("#proposal-source").query().getParent().isVisible()).isFalse();
        assertThat(session.meeting().size()).isEqualTo(1);
        assertThat(Files.exists(home.resolve("proposals"))).isFalse();

        // taken, then let go (not this proposal): the form is the Community's own again
        chosen[0] = good;
        robot.clickOn("#present-proposal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#field-text").queryAs(TextArea.class).isEditable()).isFalse();
        robot.clickOn("#proposal-clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#field-text").queryAs(TextArea.class).isEditable()).isTrue();
        assertThat(robot.lookup("#field-text").queryAs(TextArea.class).getText()).isEmpty();
        assertThat(robot.lookup("#proposal-source").query().getParent().isVisible()).isFalse();

        // taken: the present form, its text locked, its source named
        robot.clickOn("#present-proposal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(said(robot, "#message")).startsWith("The proposal holds: signed with the key enrolled for Millbrook (Municipality M7)");
        assertThat(said(robot, "#proposal-source")).isEqualTo("From Millbrook (Municipality M7), its resolution M7-R4 — verdict wanted "
                + "by 20 December 2026 — proposal fingerprint " + proposal.fingerprint());
        assertThat(robot.lookup("#proposal-source").query().getParent().isVisible()).isTrue();
        TextArea text = robot.lookup("#field-text").queryAs(TextArea.class);
        assertThat(text.getText()).isEqualTo(BodyProposals.TEXT);
        assertThat(text.isEditable()).isFalse();
        assertThat(text.getStyleClass()).contains("locked");
        for (String locked : new String[] {"#field-title", "#field-proposer", "#field-upstream.level", "#field-upstream.body",
                "#field-upstream.resolution", "#field-upstream.textSha256", "#field-upstream.proposalSha256"}) {
            assertThat(field(robot, locked).isEditable()).as(locked).isFalse();
        }
        assertThat(field(robot, "#field-upstream.proposalSha256").getText()).isEqualTo(proposal.payloadSha256());
        // the source line names them: their rows are folded away, so the form ends above the fold
        assertThat(field(robot, "#field-upstream.proposalSha256").isVisible()).isFalse();
        assertThat(field(robot, "#field-title").isVisible()).isTrue();
        // typing into the text changes nothing; the Community's own id is typed
        robot.clickOn(text);
        robot.write("Not so.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEqualTo(BodyProposals.TEXT);
        TextField id = robot.lookup("#field-resolution").queryAs(TextField.class);
        assertThat(id.getText()).isEqualTo("M7-R4");
        assertThat(id.isEditable()).isTrue();
        Typing.type(robot, "#field-resolution", "R1");

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(said(robot, "#message")).startsWith("Recorded:");
        ObjectNode line = Json.object(session.record().get(session.record().size() - 1));
        assertThat(line.get("do").asText()).isEqualTo("present");
        assertThat(line.get("resolution").asText()).isEqualTo("R1");
        assertThat(line.get("title").asText()).isEqualTo("Seed library");
        assertThat(line.get("text").asText()).isEqualTo(BodyProposals.TEXT);
        assertThat(line.get("proposer").asText()).isEqualTo("Millbrook council");
        assertThat(line.get("upstream")).isEqualTo(Json.object("{\"level\":\"municipality\",\"body\":\"M7\",\"resolution\":\"M7-R4\","
                + "\"textSha256\":\"" + proposal.textSha256() + "\",\"proposalSha256\":\"" + proposal.payloadSha256() + "\"}"));
        assertThat(Files.readAllBytes(home.resolve("proposals").resolve(proposal.payloadSha256() + ".proposal"))).isEqualTo(proposal.file());
        assertThat(robot.lookup("#proposal-source").query().getParent().isVisible()).isFalse();

        // the room sees where it came from; no second resolution is presented while it is open
        assertThat(BookUiTest.audience(robot, "#p-source", () -> said(robot, "#p-source"))).isEqualTo("From Millbrook (Municipality M7) — verdict wanted by 20 December 2026");
        assertThat(robot.lookup("#present-proposal").queryAs(Button.class).isDisabled()).isTrue();
    }

    /** A form's field by its id (the upstream ones hold a dot, which a CSS query would read as a class). */
    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(n -> id.substring(1).equals(n.getId())).queryAs(TextField.class);
    }

    private static String said(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
