package org.folkmoot.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The hall as a facilitator meets it (issue 14): the real app, under whatever window manager and screen the
 * script {@code scripts/hall-shots.sh} started, walked from the start screen through a rehearsal to the minutes'
 * preview, the whole screen photographed at each step ({@code import -window root}). Beside the pictures it
 * writes {@code windows.txt}: every window's place against the screens, and whether it fits — the pictures are
 * looked at, the fit is checked.
 */
public final class HallShots {
    private static Path out;
    private static final List<String> report = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        out = Path.of(System.getProperty("folkmoot.shots.out", "/tmp/hall"));
        Files.createDirectories(out);
        Locale.setDefault(Locale.forLanguageTag(System.getProperty("folkmoot.shots.locale", "en")));
        Application.launch(Walker.class, args);
    }

    /** The JavaFX application that walks the app (a launcher class may not be the Application itself). */
    public static final class Walker extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            walkFrom(stage);
        }
    }

    private static void walkFrom(Stage stage) throws Exception {
        FolkmootApp app = new FolkmootApp();
        app.start(stage);
        ResourceBundle text = FolkmootApp.bundle(Locale.getDefault());
        Thread walk = new Thread(() -> {
            try {
                walk(stage, text);
            } catch (Exception e) {
                report.add("FAILED: " + e);
            } finally {
                try {
                    Files.write(out.resolve("windows.txt"), report);
                } catch (IOException e) {
                    System.err.println(e.getMessage());
                }
                System.exit(0); // Platform.exit() with owned windows still open crashes glass-gtk at times
            }
        }, "hall-shots");
        walk.setDaemon(true);
        walk.start();
    }

    private static void walk(Stage start, ResourceBundle text) throws Exception {
        pause(4);
        shoot("1-start");
        onFx(() -> {
            TabPane tabs = (TabPane) start.getScene().getRoot();
            tabs.getSelectionModel().select(1);
            button(start.getScene().getRoot(), text.getString("training.rehearse")).fire();
        });
        pause(5);
        shoot("2-rehearsal");
        for (int i = 0; i < 14; i++) onFx(() -> fireById("rehearsal-next"));
        pause(2);
        shoot("3-console");
        // one screen: the button shows the audience view; F5 (the key, through the window manager) brings the
        // console back and the audience view again; Esc comes back
        onFx(() -> button(window(text.getString("button.projector")), text.getString("button.projector")).fire());
        pause(3);
        shoot("4-audience-by-button");
        audience(true, "4-audience-by-button");
        key("F5");
        pause(2);
        shoot("5-console-by-F5");
        audience(false, "5-console-by-F5");
        key("F5");
        pause(3);
        shoot("6-audience-by-F5");
        audience(true, "6-audience-by-F5");
        key("Escape");
        pause(2);
        audience(false, "6-console-by-Esc");
        onFx(() -> button(window(text.getString("rehearsal.end")), text.getString("rehearsal.end")).fire());
        pause(2);
        onFx(() -> fireById("print"));
        pause(8);
        shoot("7-minutes");
        if (Boolean.getBoolean("folkmoot.shots.print")) {
            // a laptop with a printer (CUPS, e.g. cups-pdf): the system's print dialog, then its OK by the keyboard
            Platform.runLater(() -> fireById("preview-print")); // the dialog is modal: not waited for
            pause(4);
            shoot("8-print-dialog");
            key("Return");
            pause(8);
            shoot("9-printed");
        }
    }

    /** Notes whether the audience view is on the screen as the step expects (checked, beside being looked at). */
    private static void audience(boolean expected, String step) throws Exception {
        boolean[] shown = new boolean[1];
        // the audience view is the one window the app puts full screen
        onFx(() -> shown[0] = Window.getWindows().stream().anyMatch(w -> w.isShowing() && w instanceof Stage s && s.isFullScreen()));
        report.add(step + "\taudience view\t" + (shown[0] ? "shown" : "not shown") + "\t"
                + (shown[0] == expected ? "fits" : "WRONG: expected " + (expected ? "shown" : "not shown")));
    }

    private static Node window(String buttonText) {
        for (Window w : Window.getWindows()) {
            if (w.getScene() != null && button(w.getScene().getRoot(), buttonText) != null) return w.getScene().getRoot();
        }
        throw new IllegalStateException("no window with " + buttonText);
    }

    private static void fireById(String id) {
        for (Window w : Window.getWindows()) {
            if (w.getScene() == null) continue;
            Node n = w.getScene().getRoot().lookup("#" + id);
            if (n instanceof Button b && !b.isDisabled()) {
                b.fire();
                return;
            }
        }
    }

    private static Button button(Node root, String label) {
        if (root instanceof Button b && label.equals(b.getText())) return b;
        if (root instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Button found = button(child, label);
                if (found != null) return found;
            }
            if (root instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) return button(s.getContent(), label);
            if (root instanceof TabPane t) {
                for (var tab : t.getTabs()) {
                    Button found = tab.getContent() == null ? null : button(tab.getContent(), label);
                    if (found != null) return found;
                }
            }
        }
        return null;
    }

    /** Photographs the whole screen and notes where every window is against the screens' usable areas. */
    private static void shoot(String name) throws Exception {
        List<String> lines = new ArrayList<>();
        onFx(() -> {
            List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
            for (Window w : Window.getWindows()) {
                if (!w.isShowing()) continue;
                String title = w instanceof Stage s ? s.getTitle() : w.getClass().getSimpleName();
                Rectangle2D r = new Rectangle2D(w.getX(), w.getY(), w.getWidth(), w.getHeight());
                // a frame's few pixels over the edge are the window manager's, not the window's
                boolean fits = screens.stream().anyMatch(s -> r.getMinX() >= s.getMinX() - 12 && r.getMinY() >= s.getMinY() - 40
                        && r.getMaxX() <= s.getMaxX() + 12 && r.getMaxY() <= s.getMaxY() + 12);
                boolean tiny = r.getWidth() < 300 || r.getHeight() < 200;
                lines.add(String.format(Locale.ROOT, "%s\t%s\t%.0fx%.0f+%.0f+%.0f\t%s", name, title, r.getWidth(), r.getHeight(),
                        r.getMinX(), r.getMinY(), fits && !tiny ? "fits" : tiny ? "TOO SMALL" : "OFF SCREEN"));
            }
            lines.add(name + "\tscreens\t" + screens);
        });
        report.addAll(lines);
        Process p = new ProcessBuilder("import", "-window", "root", out.resolve(name + ".png").toString()).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
    }

    private static void onFx(Runnable step) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                step.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    /** A key pressed on the X display, to whichever window has the keyboard (needs xdotool). */
    private static void key(String name) throws Exception {
        Process p = new ProcessBuilder("xdotool", "key", name).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }
}
