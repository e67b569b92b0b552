package org.folkmoot.app;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.ResourceBundle;
import javafx.concurrent.Task;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.folkmoot.app.hall.MeetingClock;
import org.folkmoot.app.console.ConsoleView;
import org.folkmoot.app.console.ConsoleViewModel;
import org.folkmoot.app.projector.ProjectorScreens;
import org.folkmoot.app.projector.ProjectorView;
import org.folkmoot.app.projector.ProjectorViewModel;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Words;
import org.folkmoot.session.ClosingPapers;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;

/** Opens a running meeting: the facilitator's console and, beside it or on the projector, the room's view. */
public final class MeetingWindows {
    private MeetingWindows() {
    }

    /**
     * The room's timer and queue for a meeting being opened: as they were kept beside the record (a running
     * timer having run on meanwhile), or, for a file that has none kept, from the record's latest timed entry.
     * From here on every change is kept.
     */
    static MeetingClock reopenClock(MeetingSession session, java.time.Instant now) {
        MeetingClock clock = new MeetingClock();
        boolean restored = session.room()
                .map(kept -> clock.restore(kept.state(), java.time.Duration.between(kept.savedAt(), now).getSeconds()))
                .orElse(false);
        if (!restored) {
            int left = MeetingClock.remainingAfterReopen(session.record(), now, clock.pleadMinutesProperty().get());
            if (left > 0) {
                clock.set(left);
                clock.start();
            }
        }
        clock.keepWith(session::saveRoom);
        return clock;
    }

    public record Opened(Stage console, Stage projector, ConsoleView view, ConsoleViewModel model, MeetingClock clock) {
    }

    public static Opened open(MeetingSession session, CommunityKey key, ResourceBundle text, boolean showProjector,
                              java.util.concurrent.Executor background) {
        return open(session, key, text, showProjector, null, background);
    }

    /**
     * @param showDocument opens a file with the system's viewer (the app's host services), or null where there is none
     * @param background   where the minutes are written and the papers exported (the app's one executor)
     */
    public static Opened open(MeetingSession session, CommunityKey key, ResourceBundle text, boolean showProjector,
                              java.util.function.Consumer<String> showDocument, java.util.concurrent.Executor background) {
        // the theme the app's own colours are named in, whichever way the windows were opened
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        MeetingClock clock = reopenClock(session, java.time.Instant.now());
        ConsoleViewModel model = new ConsoleViewModel(session, text);
        ConsoleView view = new ConsoleView(model, clock, text);
        Stage console = new Stage();
        Scene scene = new Scene(view.root(), 1280, 800);
        scene.getStylesheets().add(FolkmootApp.stylesheet());
        view.installShortcuts(scene);
        console.setScene(scene);
        console.setTitle(text.getString("console.title") + " — " + session.meeting().header().community().name());
        console.setOnHidden(e -> session.close());

        ProjectorViewModel projectorModel = new ProjectorViewModel(session, model.hall(), key);
        Stage projector = new Stage();
        Scene projectorScene = new Scene(new ProjectorView(projectorModel, clock, text).root(), 1280, 800);
        projectorScene.getStylesheets().add(FolkmootApp.stylesheet());
        projector.setScene(projectorScene);
        projector.setTitle(text.getString("projector.title"));
        Audience audience = new Audience(console, projector, view, text);
        view.projectorButton().setOnAction(e -> audience.toggle());
        // F5 switches the audience view from the console and back, in either window; Esc too, back to the console
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F5), audience::toggle);
        projectorScene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.F5 || e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                audience.toggle();
            }
        });
        projector.setFullScreenExitKeyCombination(javafx.scene.input.KeyCombination.NO_MATCH);
        console.setOnCloseRequest(e -> projector.close());

        view.exportButton().setOnAction(e -> export(session, key, text, view, console, model, background));
        // without a viewer the minutes are still kept, and the secretary told where: the button never does nothing
        view.printButton().setOnAction(e -> printMinutes(session, key, text, view, showDocument, model, console, background));
        Windows.show(console, "console");
        // the step the meeting stands at is open from the start (the count at a new meeting): never a lone Record
        if (model.selectedProperty().get() == null) model.nextForm().ifPresent(view::choose);
        if (showProjector) audience.opening();
        return new Opened(console, projector, view, model, clock);
    }

    /**
     * The audience view: full screen on the second screen when there is one; with one screen (or the projector
     * mirroring it), that screen switches between the console and the audience view on F5, and Esc goes back.
     * A window beside the console would sit half behind it, its names and fingerprint cut.
     */
    static final class Audience {
        private final Stage console, projector;
        private final ConsoleView view;
        private final ResourceBundle text;

        Audience(Stage console, Stage projector, ConsoleView view, ResourceBundle text) {
            this.console = console;
            this.projector = projector;
            this.view = view;
            this.text = text;
        }

        private static List<Rectangle2D> screens() {
            return Screen.getScreens().stream().map(Screen::getBounds).toList();
        }

        /** At the meeting's opening: on the second screen if there is one, else the console stays and says how. */
        void opening() {
            boolean two = screens().size() > 1;
            if (two) {
                show();
                // the facilitator types into the console: the projector never keeps the keyboard
                console.toFront();
                console.requestFocus();
            }
            view.status().setText(text.getString(two ? "label.audience-second" : "label.audience-one"));
        }

        /**
         * F5 and the Projector button alike: with two screens the audience view shown on the second; with one,
         * shown full screen or put away (a facilitator who clicks the button expects the room to see something).
         */
        void toggle() {
            if (screens().size() > 1) {
                show();
                console.requestFocus();
                view.status().setText(text.getString("label.audience-second"));
            } else if (projector.isShowing()) {
                projector.hide();
                console.toFront();
                console.requestFocus();
                view.status().setText(text.getString("label.audience-one"));
            } else {
                show();
            }
        }

        private void show() {
            ProjectorScreens.Placement p = ProjectorScreens.choose(screens());
            projector.setX(p.bounds().getMinX());
            projector.setY(p.bounds().getMinY());
            projector.setWidth(p.bounds().getWidth());
            projector.setHeight(p.bounds().getHeight());
            // the audience reads no hint; on one screen the facilitator is told, on the console, how to come back
            projector.setFullScreenExitHint("");
            projector.show();
            projector.setFullScreen(true);
        }
    }

    /**
     * The closing papers of a snapshot of the record, folded afresh on a worker thread: the console may go
     * on recording meanwhile without the papers seeing half of it.
     */
    private static void writePapers(java.nio.file.Path dir, java.util.List<String> record, CommunityKey key, ConsoleViewModel model)
            throws IOException, org.folkmoot.record.FormatException {
        Meeting meeting = org.folkmoot.record.Replay.reopen(
                new org.folkmoot.record.Replay.Stored(record.get(0), record.subList(1, record.size()))).meeting();
        ClosingPapers.write(dir, meeting, record, key, model.hall()::keptProposal);
    }

    /** What printing found: the copy kept, its bytes, and whether a PDF viewer is there to open it in. */
    private record Printed(java.nio.file.Path kept, byte[] pdf, boolean viewer) {
    }

    /**
     * Tonight's minutes as they stand (the book's last meeting alone), kept in the data folder and shown in the
     * app's preview, which prints them through the system's print dialog or says where the copy is.
     */
    private static void printMinutes(MeetingSession session, CommunityKey key, ResourceBundle text, ConsoleView view,
                                     java.util.function.Consumer<String> showDocument, ConsoleViewModel model, Stage owner,
                                     java.util.concurrent.Executor background) {
        var record = java.util.List.copyOf(session.record());
        Task<Printed> task = new Task<>() {
            @Override
            protected Printed call() throws IOException, org.folkmoot.record.FormatException {
                Meeting meeting = org.folkmoot.record.Replay.reopen(
                        new org.folkmoot.record.Replay.Stored(record.get(0), record.subList(1, record.size()))).meeting();
                org.folkmoot.procedure.Sitting tonight = meeting.book().meeting();
                byte[] pdf = ClosingPapers.tonightsMinutes(meeting, record, key, model.hall()::keptProposal);
                java.nio.file.Path kept = MinutesPrinting.keep(org.folkmoot.files.DataFolder.path(), meeting.header().community().id(),
                        tonight.number(), tonight.info().date(), pdf);
                return new Printed(kept, pdf, showDocument != null && MinutesPrinting.hasPdfViewer());
            }
        };
        view.status().setText(text.getString("label.printing"));
        task.setOnSucceeded(e -> {
            Printed p = task.getValue();
            view.status().setText(Words.format(text.getString("label.printed"), p.kept()));
            MinutesPreview.open(owner, p.kept(), p.pdf(), text, p.viewer() ? showDocument : null, background);
        });
        task.setOnFailed(e -> view.status().setText(task.getException().getMessage()));
        background.execute(task);
    }

    /** Writes the record, verdicts and minutes to a chosen folder, off the UI thread. */
    private static void export(MeetingSession session, CommunityKey key, ResourceBundle text, ConsoleView view, Stage owner,
                               ConsoleViewModel model, java.util.concurrent.Executor background) {
        // a meeting's verdicts are issued at its close: exported before it, a verdict would be one the book never issues
        if (!session.meeting().adjourned()) {
            view.status().setText(text.getString("label.adjourn-first"));
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.getString("button.export"));
        File dir = chooser.showDialog(owner);
        if (dir == null) return;
        var record = java.util.List.copyOf(session.record());
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws IOException, org.folkmoot.record.FormatException {
                writePapers(dir.toPath(), record, key, model);
                return null;
            }
        };
        view.status().setText(text.getString("label.exporting"));
        task.setOnSucceeded(e -> view.status().setText(Words.format(text.getString("label.exported"), dir)));
        task.setOnFailed(e -> view.status().setText(task.getException().getMessage()));
        background.execute(task);
    }
}
