package org.folkmoot.app;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.folkmoot.app.check.FileCheck;
import org.folkmoot.app.check.FileCheckView;
import org.folkmoot.app.check.FileCheckViewModel;
import org.folkmoot.app.start.StartView;
import org.folkmoot.app.start.StartViewModel;
import org.folkmoot.app.work.Background;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.CommunityKey;

/**
 * The desktop app: set up the Community, start or reopen a meeting (console and projector), or replay an
 * example meeting as training.
 */
public final class FolkmootApp extends Application {
    private ResourceBundle text;
    private CommunityKey key;
    private Path data;
    /** The app's one executor for work a screen waits on, handed to every screen that has such work. */
    private final Executor background = Background.threads();

    /** What a person sees when there is no screen for the window: one line, no stack trace. */
    public static final String NO_DISPLAY = "no display: Folkmoot's window needs a graphical session; the commands work "
            + "without one — see folkmoot --help";

    /** The desktop app; returns 0 when its window closed, else non-zero after one line saying why it could not open. */
    public static int launchApp(String[] args) {
        if (noDisplay()) {
            System.err.println(NO_DISPLAY);
            return 1;
        }
        try {
            Application.launch(FolkmootApp.class, args);
            return 0;
        } catch (RuntimeException e) { // NOPMD: the toolkit's own failure to start, e.g. a DISPLAY that names no screen
            String why = String.valueOf(e.getMessage());
            System.err.println(why.contains("DISPLAY") || why.toLowerCase(Locale.ROOT).contains("display")
                    ? NO_DISPLAY : "folkmoot: the window could not open: " + why.lines().findFirst().orElse(why));
            return 1;
        }
    }

    /**
     * Whether there is surely no screen: asked to run headless, or, on Linux and the other Unixes, neither an X
     * nor a Wayland display in the environment (JavaFX's headless Monocle, which the UI tests use, needs none).
     */
    static boolean noDisplay() {
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) return false;
        if (Boolean.getBoolean("java.awt.headless")) return true;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) return false;
        return isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String stylesheet() {
        return FolkmootApp.class.getResource("/org/folkmoot/app/folkmoot.css").toExternalForm();
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.folkmoot.app.messages", locale);
    }

    @Override
    public void start(Stage stage) throws IOException {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        text = bundle(Locale.getDefault());
        String[] raw = getParameters() == null ? new String[0] : getParameters().getRaw().toArray(new String[0]);
        if (FileCheck.isFileToCheck(raw)) {
            showCheck(stage, Path.of(raw[0]));
            return;
        }
        data = DataFolder.path();
        key = CommunityKey.loadOrCreate(data);
        javafx.scene.control.ScrollPane meeting = new javafx.scene.control.ScrollPane(meetingTab(stage).root());
        meeting.setFitToWidth(true);
        TabPane tabs = new TabPane(new Tab(text.getString("start.tab.meeting"), meeting),
                new Tab(text.getString("start.tab.training"), scrolled(trainingTab())), new Tab(text.getString("start.tab.combine"), scrolled(combineTab(stage))));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, 1120, 700);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle(text.getString("app.title"));
        stage.setScene(scene);
        Windows.show(stage, "start");
        if (Boolean.getBoolean("folkmoot.startupProbe")) {
            // scripts/startup-time.sh: how long from the JVM's start to the first window on screen
            javafx.application.Platform.runLater(() -> {
                long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("first window after " + ms + " ms");
                javafx.application.Platform.exit();
            });
        }
    }

    /**
     * Closing the meeting's console brings the start screen back, read afresh (the book has moved on): the app
     * never runs on with no window, and a second start of it is not needed to reopen or begin another meeting.
     */
    private void backToStart(Stage stage, MeetingWindows.Opened opened) {
        opened.console().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> {
            try {
                start(stage);
            } catch (IOException ex) {
                org.folkmoot.files.Logs.of("app").warning("the start screen could not be read again: " + ex.getMessage());
                javafx.application.Platform.exit();
            }
        });
    }

    /**
     * The Meeting tab: tonight's form, the book, the meetings to reopen; a meeting begun or reopened opens its
     * console and projector in place of the start screen.
     */
    private StartView meetingTab(Stage stage) {
        StartViewModel model = new StartViewModel(data, key, text, Clock.systemUTC(), background, session -> {
            backToStart(stage, MeetingWindows.open(session, key, text, true, getHostServices()::showDocument, background));
            stage.hide();
        });
        javafx.scene.Parent bodies = new BodiesView(new BodiesViewModel(data, text, Clock.systemDefaultZone()), text).root();
        return new StartView(model, text, bodies);
    }

    /** A verdict or a body's result opened from the file manager: whether it holds, and what it says. */
    private void showCheck(Stage stage, Path file) {
        FileCheckViewModel model = new FileCheckViewModel(file, text, background);
        Scene scene = new Scene(new FileCheckView(model).root(), 760, 360);
        scene.getStylesheets().add(stylesheet());
        stage.setTitle(model.title());
        stage.setScene(scene);
        Windows.show(stage);
        model.check();
    }

    /** A tab's content filling the window, and scrolled where the window is smaller than the content (a 1024×768 screen). */
    private static javafx.scene.control.ScrollPane scrolled(javafx.scene.Node content) {
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(content);
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        return pane;
    }

    /** The tally clerk's count of verdicts, signed with this laptop's body key (made on first use). */
    private javafx.scene.Node combineTab(Stage stage) throws IOException {
        CommunityKey bodyKey = CommunityKey.loadOrCreateBody(data);
        org.folkmoot.app.combine.CombineViewModel model = new org.folkmoot.app.combine.CombineViewModel(text, bodyKey, DataFolder.work(),
                background);
        stage.setOnHidden(e -> model.closeCount());
        // the body's clerk issues the proposal (folded away above) and counts the verdicts against it
        org.folkmoot.app.combine.ProposalViewModel issuing = new org.folkmoot.app.combine.ProposalViewModel(text, bodyKey, data);
        org.folkmoot.app.combine.ProposalView issue = new org.folkmoot.app.combine.ProposalView(issuing, text,
                org.folkmoot.app.combine.Chooser.DIALOGS);
        // the roster a proposal was issued from is the one its count reads: not asked for twice
        issuing.issuedProperty().addListener((o, was, now) -> {
            if (now != null && model.rosterProperty().get().isBlank()) model.rosterProperty().set(issuing.rosterProperty().get());
        });
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(
                org.folkmoot.app.combine.CombineView.clerkScreen(issue, new org.folkmoot.app.combine.CombineView(model, text)));
        scroll.setFitToWidth(true);
        return scroll;
    }

    private VBox trainingTab() {
        org.folkmoot.app.training.TrainingViewModel model = new org.folkmoot.app.training.TrainingViewModel(text,
                new org.folkmoot.app.training.TrainingViewModel.Examples() {
                    @Override
                    public List<String> names() throws IOException {
                        return ExampleMeetings.names();
                    }

                    @Override
                    public byte[] read(String name) throws IOException {
                        return ExampleMeetings.read(name);
                    }
                });
        return new org.folkmoot.app.training.TrainingView(model, text, (name, example) -> Rehearsal.open(name, example, text, background)).root();
    }
}
