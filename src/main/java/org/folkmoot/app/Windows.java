package org.folkmoot.app;

import javafx.stage.Stage;

/**
 * Showing a window at the size it asks for. JavaFX 21 on some Linux window managers (the mutter of Ubuntu
 * 24.04 and Fedora 41, openbox) maps a new window at a few hundred pixels whatever its scene's size
 * (JDK-8316423, fixed in JavaFX 22, which needs Java 21): the console would open as a 200-by-200 corner of
 * itself. So once the window is on screen its size is set again, as the window manager now takes it.
 */
final class Windows {
    /** More than any window manager's frame (its title bar and borders) takes from a scene. */
    private static final double FRAME = 100;

    private Windows() {
    }

    /** Shows {@code stage} with a window of {@code width} by {@code height} (its frame included). */
    static void show(Stage stage, double width, double height) {
        stage.show();
        // the stage may believe it has its size while the window manager made the window smaller: a size that
        // differs is set, then the one asked for, once the window is mapped
        after(150, () -> {
            if (!shrunk(stage, width, height)) return;
            stage.setWidth(width + 1);
            stage.setHeight(height + 1);
            stage.setWidth(width);
            stage.setHeight(height);
        });
    }

    /** Shows {@code stage} with room for its scene at the size the scene was made (the frame around it added). */
    static void show(Stage stage) {
        double width = stage.getScene().getWidth(), height = stage.getScene().getHeight();
        boolean[] resized = new boolean[1];
        stage.show();
        after(150, () -> {
            if (!shrunk(stage, width, height)) return;
            resized[0] = true;
            stage.setWidth(width + 1);
            stage.setHeight(height + 1);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        // the size just set counts the frame: the scene is given back what the frame took
        after(300, () -> {
            if (!resized[0] || !stage.isShowing() || stage.isFullScreen() || stage.isMaximized()) return;
            double wider = width - stage.getScene().getWidth(), taller = height - stage.getScene().getHeight();
            // a frame is a few dozen pixels: a scene not yet laid out at its new size must not double the window
            if (wider > 0 && wider < FRAME) stage.setWidth(stage.getWidth() + wider);
            if (taller > 0 && taller < FRAME) stage.setHeight(stage.getHeight() + taller);
        });
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
