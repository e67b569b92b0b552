package org.folkmoot.app.projector;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the projector window goes: full screen on the second screen when there is one, else a window
 * beside the console. Behind an interface so the choice is tested without screens (Monocle has one).
 */
public interface ProjectorScreens {

    /** Placement: the bounds to use, and whether to go full screen there. */
    record Placement(Rectangle2D bounds, boolean fullScreen) {
    }

    /** The screens' bounds, the primary first. */
    List<Rectangle2D> screens();

    static Placement choose(List<Rectangle2D> screens) {
        if (screens.size() > 1) return new Placement(screens.get(1), true);
        Rectangle2D only = screens.isEmpty() ? new Rectangle2D(0, 0, 1280, 800) : screens.get(0);
        double w = Math.max(640, only.getWidth() / 2);
        return new Placement(new Rectangle2D(only.getMaxX() - w, only.getMinY(), w, only.getHeight() * 0.9), false);
    }
}
