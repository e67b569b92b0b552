package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.folkmoot.app.projector.ProjectorScreens;
import org.junit.jupiter.api.Test;

class MeetingClockTest {

    @Test
    void theTimerCountsDownAndStopsAtZero() {
        MeetingClock clock = new MeetingClock();
        assertThat(clock.armedProperty().get()).isFalse();
        clock.set(2);
        clock.start();
        clock.tick();
        assertThat(MeetingClock.format(clock.remainingProperty().get())).isEqualTo("00:01");
        clock.tick();
        clock.tick();
        assertThat(clock.remainingProperty().get()).isZero();
        assertThat(clock.runningProperty().get()).isFalse();
        assertThat(MeetingClock.format(754)).isEqualTo("12:34");
    }

    @Test
    void aProgressiveStackPutsThoseWhoHaveNotSpokenFirst() {
        MeetingClock clock = new MeetingClock();
        clock.enqueue("Ana");
        assertThat(clock.next()).isEqualTo("Ana");
        clock.progressiveStackProperty().set(true);
        clock.enqueue("Ana");
        clock.enqueue("Bo");
        clock.enqueue("Cy");
        assertThat(clock.queue()).containsExactly("Bo", "Cy", "Ana");
        clock.progressiveStackProperty().set(false);
        clock.enqueue("Dee");
        assertThat(clock.queue()).containsExactly("Bo", "Cy", "Ana", "Dee");
    }

    @Test
    void theProjectorGoesFullScreenOnTheSecondScreenOrBesideTheConsole() {
        Rectangle2D laptop = new Rectangle2D(0, 0, 1920, 1080);
        Rectangle2D beamer = new Rectangle2D(1920, 0, 1280, 800);
        ProjectorScreens.Placement two = ProjectorScreens.choose(List.of(laptop, beamer));
        assertThat(two.fullScreen()).isTrue();
        assertThat(two.bounds()).isEqualTo(beamer);
        ProjectorScreens.Placement one = ProjectorScreens.choose(List.of(laptop));
        assertThat(one.fullScreen()).isFalse();
        assertThat(one.bounds().getMinX()).isEqualTo(960);
        assertThat(one.bounds().getWidth()).isEqualTo(960);
    }
}
