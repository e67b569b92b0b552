package org.folkmoot.app.hall;

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
        // one screen: the audience view takes it all, in turn with the console
        assertThat(one.fullScreen()).isTrue();
        assertThat(one.bounds()).isEqualTo(laptop);
    }

    @Test
    void aReopenedMeetingsTimerGoesOnFromWhereItWouldStand() {
        String header = org.folkmoot.Meetings.HEADER;
        List<String> record = List.of(header,
                "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"X.\",\"proposer\":\"P\",\"seq\":1,\"at\":\"2026-11-26T18:00:00Z\",\"prev\":\"x\"}",
                "{\"do\":\"discuss\",\"minutes\":20,\"seq\":2,\"at\":\"2026-11-26T18:01:00Z\",\"prev\":\"x\"}",
                "{\"do\":\"speak\",\"name\":\"Ana\",\"seq\":3,\"at\":\"2026-11-26T18:02:00Z\",\"prev\":\"x\"}");
        java.time.Instant now = java.time.Instant.parse("2026-11-26T18:06:00Z");
        assertThat(MeetingClock.remainingAfterReopen(record, now, 3)).isEqualTo(15 * 60);
        assertThat(MeetingClock.remainingAfterReopen(record, now.plusSeconds(3600), 3)).isZero();
        List<String> voted = new java.util.ArrayList<>(record);
        voted.add("{\"do\":\"vote\",\"for\":1,\"against\":0,\"abstain\":0,\"seq\":4,\"at\":\"2026-11-26T18:03:00Z\",\"prev\":\"x\"}");
        assertThat(MeetingClock.remainingAfterReopen(voted, now, 3)).as("the discussion ended with the vote").isZero();
        List<String> pleading = List.of(header, "{\"do\":\"plead\",\"category\":\"Cost\",\"seq\":9,\"at\":\"2026-11-26T18:05:00Z\",\"prev\":\"x\"}");
        assertThat(MeetingClock.remainingAfterReopen(pleading, now, 3)).isEqualTo(120);
    }

    @Test
    void aKeptClockComesBackAsItStoodWithARunningTimerHavingRunOn() {
        MeetingClock clock = new MeetingClock();
        List<String> kept = new java.util.ArrayList<>();
        clock.keepWith(kept::add);
        clock.set(300);
        clock.start();
        for (int i = 0; i < 10; i++) clock.tick();
        int keptBeforeTicks = kept.size();
        assertThat(keptBeforeTicks).as("set and start are kept").isGreaterThanOrEqualTo(2);
        clock.pleadMinutesProperty().set(4);
        clock.progressiveStackProperty().set(true);
        clock.enqueue("Ana");
        clock.enqueue("Bo");
        assertThat(clock.next()).isEqualTo("Ana");
        clock.enqueue("Ana");
        clock.enqueue("Cy");
        String state = kept.get(kept.size() - 1);
        assertThat(state).isEqualTo(clock.state());

        MeetingClock again = new MeetingClock();
        assertThat(again.restore(state, 30)).isTrue();
        assertThat(again.remainingProperty().get()).isEqualTo(260);
        assertThat(again.runningProperty().get()).isTrue();
        assertThat(again.armedProperty().get()).isTrue();
        assertThat(again.pleadMinutesProperty().get()).isEqualTo(4);
        assertThat(again.queue()).containsExactly("Bo", "Cy", "Ana");
        // who has spoken is kept too: the progressive stack still puts newcomers before Ana
        again.enqueue("Dee");
        assertThat(again.queue()).containsExactly("Bo", "Cy", "Dee", "Ana");
    }

    @Test
    void aPausedTimerWaitsAndARunningOneStopsAtZero() {
        MeetingClock clock = new MeetingClock();
        List<String> kept = new java.util.ArrayList<>();
        clock.keepWith(kept::add);
        clock.set(120);
        clock.start();
        clock.tick();
        clock.pause();
        MeetingClock paused = new MeetingClock();
        paused.restore(kept.get(kept.size() - 1), 3600);
        assertThat(paused.remainingProperty().get()).isEqualTo(119);
        assertThat(paused.runningProperty().get()).isFalse();

        clock.start();
        MeetingClock late = new MeetingClock();
        late.restore(clock.state(), 3600);
        assertThat(late.remainingProperty().get()).isZero();
        assertThat(late.runningProperty().get()).isFalse();
        assertThat(late.armedProperty().get()).isTrue();
    }

    @Test
    void aStateThatCannotBeReadLeavesTheClockAlone() {
        MeetingClock clock = new MeetingClock();
        clock.set(60);
        assertThat(clock.restore("{not json", 0)).isFalse();
        assertThat(clock.restore("", 0)).isFalse();
        assertThat(clock.remainingProperty().get()).isEqualTo(60);
        // odd values are bounded rather than trusted
        assertThat(clock.restore("{\"remaining\":-5,\"running\":true,\"pleadMinutes\":-1,\"queue\":[\"\",7,\"Ana\"]}", 0)).isTrue();
        assertThat(clock.remainingProperty().get()).isZero();
        assertThat(clock.runningProperty().get()).isFalse();
        assertThat(clock.pleadMinutesProperty().get()).isEqualTo(MeetingClock.DEFAULT_PLEAD_MINUTES);
        assertThat(clock.queue()).containsExactly("Ana");
    }
}
