package org.folkmoot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.app.hall.MeetingClock;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's timer and queue controls without a screen: what the minutes typed do, who the next speaker is,
 * and the seconds passing from the tick source the console is given.
 */
class TimerAndQueueViewModelTest {
    @TempDir
    Path tmp;

    private List<String> script;
    private MeetingSession session;
    private ConsoleViewModel vm;
    private final MeetingClock clock = new MeetingClock();
    /** The seconds the console was given to run on: each one a tick, passed by hand. */
    private final List<Runnable> seconds = new ArrayList<>();
    private TimerAndQueueViewModel speakers;

    @BeforeEach
    void open() throws Exception {
        script = Files.readAllLines(Path.of("assets", "meetings", "bakery.jsonl"), StandardCharsets.UTF_8);
        session = MeetingSession.create(tmp.resolve("meeting.db"), HeaderCodec.read(Json.object(script.get(0))), Clock.systemUTC());
        vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH), tmp);
        vm.useClock(clock, seconds::add);
        speakers = vm.speakers();
    }

    @AfterEach
    void close() throws Exception {
        session.close();
    }

    /** Enters the script's entries 1..{@code through}, through the console's forms. */
    private void enter(int through) throws Exception {
        for (int i = 1; i <= through; i++) {
            ConsoleViewModelTest.fill(vm, Json.object(script.get(i)));
            assertThat(vm.record()).as(script.get(i) + ": " + vm.messageProperty().get()).isTrue();
        }
    }

    private void tick(int n) {
        assertThat(seconds).as("the console asked for its seconds once").hasSize(1);
        for (int i = 0; i < n; i++) seconds.get(0).run();
    }

    @Test
    void theMinutesTypedSetTheTimerAndItsSecondsComeFromTheTickSource() {
        assertThat(speakers.minutesProperty().get()).isEqualTo("5");
        speakers.minutesProperty().set(" 12 ");
        assertThat(speakers.set()).isTrue();
        assertThat(clock.remainingProperty().get()).isEqualTo(720);
        assertThat(clock.armedProperty().get()).isTrue();
        assertThat(speakers.timeProperty().get()).isEqualTo("12:00");
        speakers.start();
        tick(61);
        assertThat(speakers.timeProperty().get()).isEqualTo("10:59");
        speakers.pause();
        tick(5);
        assertThat(clock.remainingProperty().get()).as("paused").isEqualTo(659);
    }

    @Test
    void minutesThatAreNotAWholeNumberAreRefusedInOneLineAndTheTimerIsLeftAsItWas() {
        speakers.minutesProperty().set("3");
        speakers.set();
        for (String typed : new String[] {"ten", "1000", "-2", "2.5", ""}) {
            speakers.minutesProperty().set(typed);
            assertThat(speakers.set()).as(typed).isFalse();
            assertThat(vm.messageIsRefusalProperty().get()).isTrue();
            assertThat(vm.messageProperty().get()).contains("\"" + typed + "\"").contains("0 to 999").doesNotContain("\n");
            assertThat(clock.remainingProperty().get()).as(typed).isEqualTo(180);
            assertThat(clock.armedProperty().get()).isTrue();
        }
        speakers.minutesProperty().set("0");
        assertThat(speakers.set()).as("0 puts the timer away").isTrue();
        assertThat(clock.armedProperty().get()).isFalse();
    }

    @Test
    void thePleasMinutesAreTheClocksWhenTheyAreANumberAndFollowIt() {
        assertThat(speakers.pleadMinutesProperty().get()).isEqualTo(Integer.toString(MeetingClock.DEFAULT_PLEAD_MINUTES));
        speakers.pleadMinutesProperty().set("4");
        assertThat(clock.pleadMinutesProperty().get()).isEqualTo(4);
        speakers.pleadMinutesProperty().set(""); // half typed: the clock keeps its minutes
        speakers.pleadMinutesProperty().set("x");
        assertThat(clock.pleadMinutesProperty().get()).isEqualTo(4);
        clock.pleadMinutesProperty().set(7); // a reopened meeting's, kept with its clock
        assertThat(speakers.pleadMinutesProperty().get()).isEqualTo("7");
        speakers.pleadMinutesProperty().set(" 7");
        assertThat(speakers.pleadMinutesProperty().get()).as("the same minutes: what is typed stays").isEqualTo(" 7");
    }

    @Test
    void theNameTypedJoinsTheQueueAndAProgressiveStackPutsThoseWhoHaveNotSpokenFirst() throws Exception {
        enter(3); // through the opening of the discussion
        speakers.nameProperty().set(" Omar ");
        speakers.add();
        assertThat(speakers.nameProperty().get()).as("emptied for the next name").isEmpty();
        speakers.add(); // nothing typed: nobody joins
        assertThat(speakers.queue()).containsExactly("Omar");
        assertThat(speakers.next()).isEqualTo("Omar");
        assertThat(session.meeting().current().orElseThrow().speakers()).extracting(s -> s.name()).containsExactly("Omar");

        speakers.progressiveStackProperty().set(true);
        for (String name : new String[] {"Omar", "Pia", "Quinn"}) {
            speakers.nameProperty().set(name);
            speakers.add();
        }
        assertThat(speakers.queue()).as("who has not spoken goes before who has").containsExactly("Pia", "Quinn", "Omar");
        speakers.remove(7);
        speakers.remove(-1); // nobody chosen in the list
        assertThat(speakers.queue()).hasSize(3);
        speakers.remove(1);
        assertThat(speakers.queue()).containsExactly("Pia", "Omar");
        assertThat(speakers.next()).isEqualTo("Pia");
        assertThat(clock.speakerProperty().get()).isEqualTo("Pia");
    }

    @Test
    void theNextSpeakerIsNotRecordedWhereTheLadderTakesNoSpeakers() throws Exception {
        assertThat(speakers.next()).as("an empty queue").isNull();
        enter(1); // the count: no resolution is discussed
        speakers.nameProperty().set("Ana");
        speakers.add();
        long before = session.meeting().size();
        assertThat(speakers.next()).isEqualTo("Ana");
        assertThat(clock.speakerProperty().get()).as("on the floor all the same").isEqualTo("Ana");
        assertThat(session.meeting().size()).as("no speak entry").isEqualTo(before);
    }

    @Test
    void theStageIsTheLatestResolutionsOrTheAdjourn() throws Exception {
        assertThat(TimerAndQueueViewModel.stageOf(session.meeting())).isEqualTo("none");
        enter(2);
        assertThat(TimerAndQueueViewModel.stageOf(session.meeting())).isEqualTo("B-1 CHECK_1");
        assertThat(clock.stage()).isEqualTo("B-1 CHECK_1");
    }

    @Test
    void minutesAreReadAsTyped() {
        assertThat(TimerAndQueueViewModel.minutes(" 15 ")).isEqualTo(15);
        assertThat(TimerAndQueueViewModel.minutes("999")).isEqualTo(999);
        assertThat(TimerAndQueueViewModel.minutes("1000")).isNull();
        assertThat(TimerAndQueueViewModel.minutes("+5")).isNull();
        assertThat(TimerAndQueueViewModel.minutes(null)).isNull();
    }
}
