package org.folkmoot.app;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where a window may go: wholly on the screen it opens on. Window managers (openbox, metacity) take a window
 * asked larger than the screen at its word and put its buttons off screen; a place remembered from a screen
 * no longer there would open the window where nobody sees it. Pure geometry, tested without a display.
 */
final class WindowFit {
    /** The part of a remembered window that must be on a screen for it to be found: its title bar's start. */
    private static final double GRIP = 48;

    private WindowFit() {
    }

    /** {@code wanted} made no larger than {@code screen} and moved, if need be, wholly onto it. */
    static Rectangle2D fit(Rectangle2D wanted, Rectangle2D screen) {
        double w = Math.min(wanted.getWidth(), screen.getWidth());
        double h = Math.min(wanted.getHeight(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(wanted.getMinX(), screen.getMaxX() - w));
        double y = Math.max(screen.getMinY(), Math.min(wanted.getMinY(), screen.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    /** The screen a window at {@code wanted} opens on: the one holding its centre, else the one it overlaps most, else the first. */
    static Rectangle2D screenFor(Rectangle2D wanted, List<Rectangle2D> screens) {
        double cx = wanted.getMinX() + wanted.getWidth() / 2, cy = wanted.getMinY() + wanted.getHeight() / 2;
        for (Rectangle2D s : screens) if (s.contains(cx, cy)) return s;
        Rectangle2D best = screens.get(0);
        double most = 0;
        for (Rectangle2D s : screens) {
            double a = overlap(wanted, s);
            if (a > most) {
                most = a;
                best = s;
            }
        }
        return best;
    }

    /**
     * A remembered place, fitted to the screen it is on; empty when its title bar's start is on no current
     * screen (the screen it was on is gone, or the resolution shrank): such a window opens afresh, not there.
     */
    static Optional<Rectangle2D> restore(Rectangle2D remembered, List<Rectangle2D> screens) {
        if (remembered.getWidth() <= 0 || remembered.getHeight() <= 0) return Optional.empty();
        Rectangle2D grip = new Rectangle2D(remembered.getMinX(), remembered.getMinY(),
                Math.min(GRIP, remembered.getWidth()), Math.min(GRIP, remembered.getHeight()));
        for (Rectangle2D s : screens) {
            if (overlap(grip, s) >= grip.getWidth() * grip.getHeight()) return Optional.of(fit(remembered, s));
        }
        return Optional.empty();
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
