package org.folkmoot.app.projector;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the projector window goes: full screen on the second screen when there is one, else full screen on
 * the only one, in turn with the console. Behind an interface so the choice is tested without screens (Monocle has one).
 */
public interface ProjectorScreens {

    /** Placement: the bounds to use, and whether to go full screen there. */
    record Placement(Rectangle2D bounds, boolean fullScreen) {
    }

    /** The screens' bounds, the primary first. */
    List<Rectangle2D> screens();

    static Placement choose(List<Rectangle2D> screens) {
        if (screens.size() > 1) return new Placement(screens.get(1), true);
        // one screen: the audience view takes all of it, the console given back on F5 (a window beside the
        // console sat half behind it, its stage names and fingerprint cut)
        return new Placement(screens.isEmpty() ? new Rectangle2D(0, 0, 1280, 800) : screens.get(0), true);
    }
}
