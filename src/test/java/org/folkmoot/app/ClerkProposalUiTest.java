package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.folkmoot.app.combine.Chooser;
import org.folkmoot.app.combine.CombineView;
import org.folkmoot.app.combine.CombineViewModel;
import org.folkmoot.app.combine.ProposalView;
import org.folkmoot.app.combine.ProposalViewModel;
import org.folkmoot.combine.Communities;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Dsse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The body's clerk issues a proposal from the Count verdicts tab, then counts the Communities' verdicts against it. */
@ExtendWith(ApplicationExtension.class)
class ClerkProposalUiTest {
    @TempDir
    static Path tmp;

    private static final CommunityKey BODY = CommunityKey.fromSeed(new byte[32]);
    /** The files the clerk picks in the dialogs, in order. */
    private final Deque<Path> picked = new ArrayDeque<>();
    private CombineViewModel count;
    private ScrollPane scroll;

    @Start
    void start(Stage stage) throws Exception {
        Chooser chooser = new Chooser() {
            @Override
            public File open(String title, Window owner) {
                return picked.pop().toFile();
            }

            @Override
            public File save(String title, String name, Window owner) {
                return picked.pop().toFile();
            }
        };
        count = new CombineViewModel(FolkmootApp.bundle(Locale.ENGLISH), BODY, tmp, Runnable::run);
        ProposalView issue = new ProposalView(new ProposalViewModel(FolkmootApp.bundle(Locale.ENGLISH), BODY, tmp),
                FolkmootApp.bundle(Locale.ENGLISH), chooser);
        scroll = new ScrollPane(CombineView.clerkScreen(issue, new CombineView(count, FolkmootApp.bundle(Locale.ENGLISH), chooser)));
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 1024, 768);
        scene.getStylesheets().add(FolkmootApp.stylesheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aProposalIssuedInTheFormIsSignedAndCountedAgainstWithItsOwnRules(FxRobot robot) throws Exception {
        Path roster = Communities.roster(tmp.resolve("roster.json"), "M1", List.of("c1", "c2", "c3", "c4", "c5"));
        Path stick = Files.createDirectories(tmp.resolve("stick"));
        for (String id : List.of("c1", "c2", "c3", "c4")) Files.write(stick.resolve(id + ".verdict"), Communities.verdict(id, Communities.Decided.PASSED));

        // the clerk opens "Issue a proposal", fills it in, asks the body's reporting quorum of 9/10 and saves it
        fold(robot, "#issue-pane", true);
        // asked to save with nothing filled in, it says what is missing before any dialog opens
        Path never = tmp.resolve("never.proposal");
        picked.push(never);
        reveal(robot, "#issue-save");
        robot.clickOn("#issue-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#issue-message")).isEqualTo("Choose the body's roster");
        assertThat(picked).containsExactly(never);
        picked.clear();
        type(robot, "#issue-roster", roster.toString());
        type(robot, "#issue-resolution", Communities.RESOLUTION);
        type(robot, "#issue-title", "Seed library");
        type(robot, "#issue-text", Communities.TEXT);
        type(robot, "#issue-report-by", "2099-12-20");
        fold(robot, "#issue-rules", true);
        type(robot, "#issue-quorum", "9/10");
        Path file = tmp.resolve("M-R1.proposal");
        picked.push(file);
        reveal(robot, "#issue-save");
        robot.clickOn("#issue-save");
        WaitForAsyncUtils.waitForFxEvents();

        Proposal p = Proposal.parse(Files.readAllBytes(file));
        assertThat(p.signedBy(BODY.publicKey())).isTrue();
        assertThat(p.text()).isEqualTo(Communities.TEXT);
        assertThat(p.textSha256()).isEqualTo(Communities.SHA);
        assertThat(p.title()).isEqualTo("Seed library");
        assertThat(p.rules().reportingQuorum()).isEqualTo(new Fraction(9, 10));
        assertThat(label(robot, "#issue-message")).endsWith("fingerprint " + p.fingerprint());
        assertThat(robot.lookup("#issue-give").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#issue-give").queryAs(Label.class).getText()).contains(p.fingerprint());

        // folded away again, the count: the proposal opened locks the resolution and its hash and names itself
        fold(robot, "#issue-pane", false);
        type(robot, "#combine-roster", roster.toString());
        picked.push(file);
        reveal(robot, "#combine-open-proposal");
        robot.clickOn("#combine-open-proposal");
        WaitForAsyncUtils.waitForFxEvents();
        TextInputControl resolution = robot.lookup("#combine-resolution").queryAs(TextInputControl.class);
        TextInputControl sha = robot.lookup("#combine-sha").queryAs(TextInputControl.class);
        assertThat(resolution.getText()).isEqualTo(Communities.RESOLUTION);
        assertThat(sha.getText()).isEqualTo(Communities.SHA);
        assertThat(resolution.isEditable()).isFalse();
        assertThat(sha.isEditable()).isFalse();
        robot.clickOn(resolution);
        robot.write("X");
        assertThat(resolution.getText()).isEqualTo(Communities.RESOLUTION);
        assertThat(label(robot, "#combine-proposal-line")).isEqualTo("Proposal M-R1 \"Seed library\" of Municipality M1 (Municipality M1)"
                + " — report by 2099-12-20 — fingerprint " + p.fingerprint());

        type(robot, "#combine-inputs", stick.toString());
        robot.clickOn("#combine-count");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> count.countedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        // four of five passed it, but the proposal's quorum asks more than 9/10 to report: the default 1/2 would have passed it
        assertThat(label(robot, "#combine-outcome"))
                .isEqualTo("INCOMPLETE — 4 of 5 Communities reported (no quorum: more than 9/10 must)");
        assertThat(count.notes()).as("each counted verdict reported against the day to report by")
                .contains("On time (by 2099-12-20): 4; late: 0");

        // and back to counting by hand
        reveal(robot, "#combine-clear-proposal");
        robot.clickOn("#combine-clear-proposal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(resolution.isEditable()).isTrue();
        assertThat(resolution.getText()).isEmpty();
        assertThat(robot.lookup("#combine-proposal-line").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void aTamperedProposalIsRefusedWithTheReasonAndTheFormIsLeftAsItWas(FxRobot robot) throws Exception {
        Path roster = Communities.roster(tmp.resolve("roster-2.json"), "M1", List.of("c1", "c2"));
        Proposal p = Proposal.issue(new Proposal.Draft(org.folkmoot.verdict.Roster.read(roster).body(), "M-R9", "Seed library",
                "A text.", null, null, org.folkmoot.verdict.Roster.read(roster), java.time.LocalDate.of(2099, 1, 1)),
                "2026-11-01T10:00:00Z", BODY);
        byte[] payload = new String(p.payload(), StandardCharsets.UTF_8).replace("\"reportBy\":\"2099-01-01\"", "\"reportBy\":\"2099-06-01\"")
                .getBytes(StandardCharsets.UTF_8);
        Path tampered = Files.write(tmp.resolve("late.proposal"), Dsse.envelope(Dsse.PROPOSAL_TYPE, payload, p.signatures()));

        type(robot, "#combine-resolution", "M-R1");
        picked.push(tampered);
        robot.clickOn("#combine-open-proposal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#combine-message")).isEqualTo("late.proposal is not taken: its signature does not hold for this laptop's "
                + "body key (" + BODY.keyId() + ") or for a body enrolled on the start screen — the file was changed after it was signed, or another body's key signed it");
        TextInputControl resolution = robot.lookup("#combine-resolution").queryAs(TextInputControl.class);
        assertThat(resolution.getText()).isEqualTo("M-R1");
        assertThat(resolution.isEditable()).isTrue();
        assertThat(robot.lookup("#combine-proposal-line").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#combine-clear-proposal").queryAs(Node.class).isVisible()).isFalse();
    }

    private void type(FxRobot robot, String id, String value) {
        reveal(robot, id);
        Typing.type(robot, id, value);
    }

    /** Scrolls the clerk's screen until {@code id} is in view, as the clerk would before clicking it. */
    private void reveal(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        robot.interact(() -> {
            Node content = scroll.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            if (room > 0) scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks a titled pane's title until it is unfolded ({@code open}) or folded away. */
    private void fold(FxRobot robot, String id, boolean open) {
        reveal(robot, id);
        TitledPane pane = robot.lookup(id).queryAs(TitledPane.class);
        // its own title, not one of a titled pane folded inside it
        Node title = pane.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("title")).findFirst().orElseThrow();
        robot.clickOn(title);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // the pane's animation
        assertThat(pane.isExpanded()).isEqualTo(open);
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
