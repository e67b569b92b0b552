package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowFitTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1600, 1000);
    private static final Rectangle2D BEAMER = new Rectangle2D(1600, 0, 1024, 768);

    @Test
    void aWindowLargerThanTheScreenIsMadeToFitIt() {
        Rectangle2D fitted = WindowFit.fit(new Rectangle2D(40, 30, 1798, 1055), LAPTOP);
        assertThat(fitted).isEqualTo(new Rectangle2D(0, 0, 1600, 1000));
    }

    @Test
    void aWindowHangingOffTheScreenIsMovedOntoIt() {
        Rectangle2D fitted = WindowFit.fit(new Rectangle2D(1200, 700, 1120, 700), new Rectangle2D(0, 24, 1024, 744));
        assertThat(fitted).isEqualTo(new Rectangle2D(0, 68, 1024, 700));
        // a window that fits stays where and as large as it was
        assertThat(WindowFit.fit(new Rectangle2D(100, 100, 800, 600), LAPTOP)).isEqualTo(new Rectangle2D(100, 100, 800, 600));
    }

    @Test
    void aRememberedPlaceOffEveryScreenIsNotRestored() {
        // kept while the beamer was on; it is gone now
        assertThat(WindowFit.restore(new Rectangle2D(1700, 50, 900, 600), List.of(LAPTOP))).isEmpty();
        assertThat(WindowFit.restore(new Rectangle2D(-3000, -2000, 900, 600), List.of(LAPTOP, BEAMER))).isEmpty();
        assertThat(WindowFit.restore(new Rectangle2D(10, 10, 0, 0), List.of(LAPTOP))).isEmpty();
    }

    @Test
    void aRememberedPlaceOnAScreenIsRestoredFittedToIt() {
        assertThat(WindowFit.restore(new Rectangle2D(1700, 50, 900, 600), List.of(LAPTOP, BEAMER)))
                .contains(new Rectangle2D(1700, 50, 900, 600));
        // kept at a larger resolution: restored no larger than the screen now is
        assertThat(WindowFit.restore(new Rectangle2D(100, 80, 1900, 1100), List.of(LAPTOP)))
                .contains(new Rectangle2D(0, 0, 1600, 1000));
    }

    @Test
    void aWindowOpensOnTheScreenHoldingItsCentre() {
        assertThat(WindowFit.screenFor(new Rectangle2D(1500, 100, 800, 600), List.of(LAPTOP, BEAMER))).isEqualTo(BEAMER);
        assertThat(WindowFit.screenFor(new Rectangle2D(-5000, 0, 10, 10), List.of(LAPTOP, BEAMER))).isEqualTo(LAPTOP);
    }
}
