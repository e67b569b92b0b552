package org.folkmoot.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.folkmoot.procedure.Action;
import org.folkmoot.procedure.Refusal;
import org.folkmoot.procedure.Words;
import org.folkmoot.record.ActionCodec;
import org.folkmoot.record.FormatException;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.store.StoreException;
import org.folkmoot.verdict.CommunityKey;

/**
 * A rehearsal for a new facilitator: an example meeting opened in the real console and projector, its
 * script applied one action at a time with "Next step", so each step of the ladder can be watched (and tried
 * in the console in between). It runs on a meeting file of its own in a temporary folder and signs with a
 * throwaway key: nothing of it can pass for the Community's.
 */
public final class Rehearsal {
    private final MeetingSession session;
    private final List<Action> script;
    private final MeetingWindows.Opened opened;
    private final ResourceBundle text;
    private final Label step = new Label();
    private final Label next = new Label();
    private final Button nextButton;
    private final Button toEnd;
    private int done;

    private Rehearsal(MeetingSession session, List<Action> script, MeetingWindows.Opened opened, ResourceBundle text) {
        this.session = session;
        this.script = script;
        this.opened = opened;
        this.text = text;
        nextButton = new Button(text.getString("rehearsal.next"));
        nextButton.setId("rehearsal-next");
        nextButton.setDefaultButton(true);
        nextButton.setOnAction(e -> step());
        toEnd = new Button(text.getString("rehearsal.end"));
        toEnd.setOnAction(e -> {
            while (done < script.size() && step()) {
                // each step shown as it is taken
            }
        });
    }

    /**
     * Opens example {@code name} for a rehearsal; the control window says what the next step is. Its console's
     * minutes and papers are made on {@code background}, as a meeting's are.
     */
    public static Rehearsal open(String name, byte[] example, ResourceBundle text, java.util.concurrent.Executor background)
            throws IOException, FormatException, StoreException {
        List<String> lines = new ArrayList<>();
        for (String line : new String(example, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) lines.add(line);
        }
        if (lines.isEmpty()) throw new FormatException("the example is empty");
        List<Action> script = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) script.add(ActionCodec.read(Json.object(line)));
        Path folder = Files.createTempDirectory("folkmoot-rehearsal");
        MeetingSession session = MeetingSession.create(folder.resolve("rehearsal.meeting"),
                HeaderCodec.read(Json.object(lines.get(0))), Clock.systemUTC());
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        MeetingWindows.Opened opened = MeetingWindows.open(session, CommunityKey.fromSeed(seed), text, true, background);
        opened.console().setTitle(Words.format(text.getString("rehearsal.title"), name));
        Rehearsal r = new Rehearsal(session, script, opened, text);
        r.show(name);
        return r;
    }

    private void show(String name) {
        Label title = new Label(Words.format(text.getString("rehearsal.title"), name));
        title.getStyleClass().add("title-3");
        Label hint = new Label(text.getString("rehearsal.hint"));
        hint.setWrapText(true);
        next.setWrapText(true);
        next.setId("rehearsal-step");
        HBox buttons = new HBox(10, nextButton, toEnd);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, title, hint, step, next, buttons);
        box.setPadding(new Insets(16));
        Stage stage = new Stage();
        // kept above the console by every window manager (some raise the console over a newer window)
        stage.initOwner(opened.console());
        Scene scene = new Scene(box, 520, 260);
        scene.getStylesheets().add(FolkmootApp.stylesheet());
        stage.setScene(scene);
        stage.setTitle(Words.format(text.getString("rehearsal.title"), name));
        // F5 switches to the audience view from the rehearsal's window as from the console's
        javafx.scene.input.KeyCodeCombination f5 = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F5);
        scene.getAccelerators().put(f5, () -> opened.console().getScene().getAccelerators().get(f5).run());
        stage.setOnHidden(e -> {
            opened.projector().close();
            opened.console().close();
        });
        opened.console().setOnHidden(e -> {
            session.close();
            stage.close();
        });
        Windows.show(stage);
        // over the console's history, at its bottom right: the form being typed into and the ladder stay in view
        Stage console = opened.console();
        stage.setX(Math.max(console.getX(), console.getX() + console.getWidth() - scene.getWidth() - 32));
        stage.setY(Math.max(console.getY(), console.getY() + console.getHeight() - scene.getHeight() - 120));
        update();
    }

    /** Applies the script's next action as the facilitator would have recorded it; false when it does not fit. */
    boolean step() {
        if (done >= script.size()) return false;
        Action action = script.get(done);
        try {
            Optional<Refusal> refused = session.take(action);
            if (refused.isPresent()) {
                next.setText(Words.format(text.getString("rehearsal.refused"), refused.get().reason(text.getLocale())));
                return false;
            }
        } catch (StoreException e) {
            next.setText(e.reason(text.getLocale()));
            return false;
        }
        done++;
        opened.model().reload();
        // the console shows the form of the step the rehearsal has come to, as after an entry typed there
        opened.model().nextForm().ifPresent(opened.model().selectedProperty()::set);
        update();
        return true;
    }

    private void update() {
        step.setText(Words.format(text.getString("rehearsal.step"), done, script.size()));
        if (done < script.size()) {
            next.setText(Words.format(text.getString("rehearsal.upcoming"), opened.model().entryWords(script.get(done))));
        } else {
            next.setText(text.getString("rehearsal.done"));
        }
        nextButton.setDisable(done >= script.size());
        toEnd.setDisable(done >= script.size());
    }

    /** How many of the script's actions have been taken. */
    public int done() {
        return done;
    }

    public MeetingWindows.Opened opened() {
        return opened;
    }
}
