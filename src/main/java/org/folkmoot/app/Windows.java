package org.folkmoot.app;

import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Showing a window at the size it asks for, and never larger than the screen it opens on. JavaFX 21 on some
 * Linux window managers (the mutter of Ubuntu 24.04 and Fedora 41, openbox) maps a new window at a few hundred
 * pixels whatever its scene's size (JDK-8316423, fixed in JavaFX 22, which needs Java 21): the console would
 * open as a 200-by-200 corner of itself. So once the window is on screen its size is set again, as the window
 * manager now takes it. Others (openbox, metacity) take a window asked larger than the screen at its word,
 * its buttons off screen: every size asked is first fitted to the screen's visual bounds ({@link WindowFit}).
 */
final class Windows {
    /** More than any window manager's frame (its title bar and borders) takes from a scene. */
    private static final double FRAME = 100;
    /** The width a window manager's side borders take, at most. */
    private static final double MARGIN = 20;
    /** The height a window manager's title bar and borders take, at most (openbox 34, metacity 37). */
    private static final double TITLE = 48;
    /** Where the windows' places are kept between runs: the user's preferences, not the data folder, as they are the laptop's. */
    private static final String NODE = "org/folkmoot/windows";

    private Windows() {
    }

    /** Shows {@code stage} with a window of {@code width} by {@code height} (its frame included), fitted to its screen. */
    static void show(Stage stage, double width, double height) {
        Rectangle2D screen = screenOf(stage);
        Rectangle2D want = WindowFit.fit(new Rectangle2D(stage.getX(), stage.getY(), width, height), screen);
        stage.setWidth(want.getWidth());
        stage.setHeight(want.getHeight());
        stage.show();
        keepOnScreen(stage);
        // the stage may believe it has its size while the window manager made the window smaller: a size that
        // differs is set, then the one asked for, once the window is mapped
        after(150, () -> {
            if (!shrunk(stage, want.getWidth(), want.getHeight())) return;
            stage.setWidth(want.getWidth() + 1);
            stage.setHeight(want.getHeight() + 1);
            stage.setWidth(want.getWidth());
            stage.setHeight(want.getHeight());
        });
    }

    /** Shows {@code stage} with room for its scene at the size the scene was made (the frame around it added). */
    static void show(Stage stage) {
        show(stage, (String) null);
    }

    /**
     * Shows {@code stage} as {@link #show(Stage)}, at the place and size it had when last closed under
     * {@code name} if that place is on a current screen, and keeps its place when it closes.
     */
    static void show(Stage stage, String name) {
        List<Rectangle2D> screens = screens();
        // headless tests (Monocle) neither use nor leave a place in the user's preferences
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))) name = null;
        String key = name;
        Optional<Rectangle2D> kept = key == null ? Optional.empty() : recall(key).flatMap(r -> WindowFit.restore(r, screens));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double sceneWidth = stage.getScene().getWidth(), sceneHeight = stage.getScene().getHeight();
        // centred on the primary screen and no larger than it: the window manager is given a size it can keep
        Rectangle2D want = kept.orElseGet(() -> WindowFit.fit(new Rectangle2D(
                screen.getMinX() + Math.max(0, (screen.getWidth() - sceneWidth) / 2),
                screen.getMinY() + Math.max(0, (screen.getHeight() - sceneHeight - TITLE) / 2), sceneWidth, sceneHeight), screen));
        double width = want.getWidth(), height = want.getHeight();
        stage.setX(want.getMinX());
        stage.setY(want.getMinY());
        // a side that fits is left to the scene to size (metacity takes a height set here for the scene's and
        // puts its frame outside, while the scene believes it has all of it: its bottom cut); a side that does
        // not is given the screen, and the content scrolls
        stage.show();
        // set once the window is mapped: then the frame's extents are known and the scene is told its size
        if (kept.isEmpty() && sceneWidth > screen.getWidth() - MARGIN) stage.setWidth(screen.getWidth());
        if (kept.isEmpty() && sceneHeight > screen.getHeight() - TITLE) stage.setHeight(screen.getHeight());
        // a kept size is set once the window is mapped, as a resize the window manager and the scene agree on
        kept.ifPresent(k -> {
            stage.setWidth(k.getWidth());
            stage.setHeight(k.getHeight());
        });
        keepOnScreen(stage);
        if (key != null) stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> remember(key, stage));
        after(150, () -> {
            if (!shrunk(stage, width, height)) return;
            stage.setWidth(width + 1);
            stage.setHeight(height + 1);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        // the size just set counts the frame: the scene is given back what the frame took, as far as the screen has room
        after(300, () -> {
            if (kept.isPresent() || !stage.isShowing() || stage.isFullScreen() || stage.isMaximized()) return;
            double wider = width - stage.getScene().getWidth(), taller = height - stage.getScene().getHeight();
            // a frame is a few dozen pixels: a scene not yet laid out at its new size must not double the window
            if (wider > 0 && wider < FRAME) stage.setWidth(stage.getWidth() + wider);
            if (taller > 0 && taller < FRAME) stage.setHeight(stage.getHeight() + taller);
            clamp(stage);
        });
    }

    /** Whenever the window manager makes the window larger than its screen, or moves it off it, it is brought back. */
    private static void keepOnScreen(Stage stage) {
        javafx.beans.InvalidationListener check = o -> javafx.application.Platform.runLater(() -> clamp(stage));
        stage.widthProperty().addListener(check);
        stage.heightProperty().addListener(check);
    }

    private static void clamp(Stage stage) {
        if (!stage.isShowing() || stage.isFullScreen() || stage.isMaximized() || stage.isIconified()) return;
        Rectangle2D now = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        Rectangle2D fitted = WindowFit.fit(now, screenOf(stage));
        if (fitted.getWidth() < now.getWidth()) stage.setWidth(fitted.getWidth());
        if (fitted.getHeight() < now.getHeight()) stage.setHeight(fitted.getHeight());
        if (fitted.getMinX() != now.getMinX()) stage.setX(fitted.getMinX());
        if (fitted.getMinY() != now.getMinY()) stage.setY(fitted.getMinY());
    }

    /** The visual bounds (without panels and docks) of the screen the stage is on, or opens on. */
    private static Rectangle2D screenOf(Stage stage) {
        double w = Double.isNaN(stage.getWidth()) ? 1 : stage.getWidth(), h = Double.isNaN(stage.getHeight()) ? 1 : stage.getHeight();
        double x = Double.isNaN(stage.getX()) ? 0 : stage.getX(), y = Double.isNaN(stage.getY()) ? 0 : stage.getY();
        return WindowFit.screenFor(new Rectangle2D(x, y, Math.max(1, w), Math.max(1, h)), screens());
    }

    private static List<Rectangle2D> screens() {
        List<Rectangle2D> all = new java.util.ArrayList<>();
        all.add(Screen.getPrimary().getVisualBounds());
        for (Screen s : Screen.getScreens()) if (!s.equals(Screen.getPrimary())) all.add(s.getVisualBounds());
        return all;
    }

    private static Optional<Rectangle2D> recall(String name) {
        try {
            Preferences p = Preferences.userRoot().node(NODE);
            double w = p.getDouble(name + ".width", 0), h = p.getDouble(name + ".height", 0);
            return Optional.of(new Rectangle2D(p.getDouble(name + ".x", 0), p.getDouble(name + ".y", 0), Math.max(0, w), Math.max(0, h)));
        } catch (RuntimeException e) {
            return Optional.empty(); // no preferences to be had (a read-only home): the window opens afresh
        }
    }

    private static void remember(String name, Stage stage) {
        if (stage.isFullScreen() || stage.isMaximized() || stage.isIconified()) return;
        try {
            Preferences p = Preferences.userRoot().node(NODE);
            p.putDouble(name + ".x", stage.getX());
            p.putDouble(name + ".y", stage.getY());
            p.putDouble(name + ".width", stage.getWidth());
            p.putDouble(name + ".height", stage.getHeight());
            p.flush();
        } catch (RuntimeException | java.util.prefs.BackingStoreException e) {
            // a place not kept only means the window opens centred next time
        }
    }

    /**
     * Whether the window manager made the window far smaller than asked (the bug gives a few hundred pixels);
     * a window that only lost its frame's few pixels, or one the window manager sized as asked, is left alone.
     */
    private static boolean shrunk(Stage stage, double width, double height) {
        if (!stage.isShowing() || stage.isFullScreen() || stage.isMaximized()) return false;
        return stage.getScene().getWidth() < 0.75 * width || stage.getScene().getHeight() < 0.75 * height;
    }

    private static void after(double millis, Runnable then) {
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.millis(millis));
        pause.setOnFinished(e -> then.run());
        pause.play();
    }
}
