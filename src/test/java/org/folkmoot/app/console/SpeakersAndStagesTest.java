package org.folkmoot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.app.hall.MeetingClock;
import org.folkmoot.app.projector.ProjectorViewModel;
import org.folkmoot.record.HeaderCodec;
import org.folkmoot.record.Json;
import org.folkmoot.session.MeetingSession;
import org.folkmoot.verdict.CommunityKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speakers' queue and the timer through the ladder's stages, without a screen: the clock is ticked by hand
 * (a fake second at a time), the entries made through the console's forms.
 */
class SpeakersAndStagesTest {
    @TempDir
    Path tmp;

    private List<String> script;
    private MeetingSession session;
    private ConsoleViewModel vm;
    private final MeetingClock clock = new MeetingClock();
    private int done = 1; // the script's header is line 0

    private void open() throws Exception {
        script = Files.readAllLines(Path.of("assets", "meetings", "bakery.jsonl"), StandardCharsets.UTF_8);
        session = MeetingSession.create(tmp.resolve("meeting.db"), HeaderCodec.read(Json.object(script.get(0))), Clock.systemUTC());
        vm = new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH), tmp);
        vm.useClock(clock);
    }

    /** Enters the script's entries up to and including the first that starts with {@code upTo}. */
    private void enterThrough(String upTo) throws Exception {
        while (true) {
            String line = script.get(done++);
            ConsoleViewModelTest.fill(vm, Json.object(line));
            assertThat(vm.record()).as(line + ": " + vm.messageProperty().get()).isTrue();
            if (line.startsWith(upTo)) return;
        }
    }

    private void ticks(int n) {
        for (int i = 0; i < n; i++) clock.tick();
    }

    @Test
    void theQueueOfTheDiscussionIsClearedWhenTheCheckIsTaken() throws Exception {
        open();
        try (MeetingSession opened = session) {
            enterThrough("{\"do\":\"discuss\"");
            assertThat(clock.runningProperty().get()).as("a timed discussion starts the timer").isTrue();
            assertThat(clock.remainingProperty().get()).isEqualTo(15 * 60);
            clock.enqueue("Omar");
            clock.enqueue("Pia");
            clock.enqueue("Quinn");
            assertThat(vm.nextSpeaker()).isEqualTo("Omar");
            assertThat(clock.speakerProperty().get()).isEqualTo("Omar");
            assertThat(session.meeting().current().orElseThrow().speakers()).extracting(s -> s.name()).containsExactly("Omar");
            ticks(83);
            assertThat(clock.speakingProperty().get()).isEqualTo(83);
            assertThat(vm.nextSpeaker()).isEqualTo("Pia");
            assertThat(clock.speakingProperty().get()).as("the next speaker's time starts afresh").isZero();
            done += 2; // the script's own speak entries were made by the queue

            enterThrough("{\"do\":\"vote\",\"stage\":\"check-1\"");
            assertThat(clock.queue()).as("the queue was the discussion's").isEmpty();
            assertThat(clock.speakerProperty().get()).isEmpty();
            assertThat(clock.armedProperty().get()).as("the discussion's timer is put away").isFalse();
            assertThat(clock.runningProperty().get()).isFalse();
        }
    }

    @Test
    void aPleaTimesItsDelegateAndTheTimerStopsWhenThePleasEnd() throws Exception {
        open();
        try (MeetingSession opened = session) {
            clock.pleadMinutesProperty().set(3);
            enterThrough("{\"do\":\"plead\",\"category\":\"Hours\"");
            assertThat(clock.runningProperty().get()).isTrue();
            assertThat(clock.remainingProperty().get()).isEqualTo(180);
            assertThat(clock.speakerProperty().get()).as("the delegate of Hours pleads").isEqualTo("Pia");
            assertThat(clock.speakingLimitProperty().get()).isEqualTo(180);
            clock.enqueue("Ana"); // asks to weigh in during round 1
            enterThrough("{\"do\":\"plead\",\"category\":\"Staffing\"");
            assertThat(clock.speakerProperty().get()).isEqualTo("Quinn");
            assertThat(clock.queue()).as("the same round: its queue stands").containsExactly("Ana");
            ticks(10);
            assertThat(clock.remainingProperty().get()).isEqualTo(170);

            enterThrough("{\"do\":\"close-round\"");
            assertThat(clock.runningProperty().get()).as("the timer stops with the round it timed").isFalse();
            assertThat(clock.armedProperty().get()).isFalse();
            assertThat(clock.queue()).isEmpty();
            assertThat(clock.speakerProperty().get()).isEmpty();
            assertThat(clock.speakingLimitProperty().get()).as("no limit at a check").isZero();
            ticks(5);
            assertThat(clock.remainingProperty().get()).isZero();

            // through round 2 and the final vote into planning: nothing of the pleas runs on
            enterThrough("{\"do\":\"plead\",\"category\":\"Flour\"");
            assertThat(clock.runningProperty().get()).isTrue();
            enterThrough("{\"do\":\"vote\",\"stage\":\"final\"");
            assertThat(vm.session().meeting().current().orElseThrow().stage()).isEqualTo(org.folkmoot.procedure.Stage.PLANNING);
            assertThat(clock.runningProperty().get()).isFalse();
            assertThat(clock.armedProperty().get()).isFalse();
        }
    }

    @Test
    void theProjectorSaysWhoIsSpeakingAndForHowLong() throws Exception {
        open();
        try (MeetingSession opened = session) {
            ProjectorViewModel projector = new ProjectorViewModel(session, vm.hall(), CommunityKey.fromSeed(new byte[32]));
            var line = projector.nowSpeaking(clock);
            assertThat(line.get()).as("nobody holds the floor").isEmpty();
            enterThrough("{\"do\":\"discuss\"");
            clock.enqueue("Omar");
            vm.nextSpeaker();
            ticks(83);
            assertThat(line.get()).isEqualTo("Now speaking: Omar — 1:23");
            clock.pause();
            ticks(5);
            assertThat(line.get()).as("a pause holds the speaker's time").isEqualTo("Now speaking: Omar — 1:23");
            clock.start();
            ticks(1);
            assertThat(line.get()).isEqualTo("Now speaking: Omar — 1:24");

            clock.pleadMinutesProperty().set(3);
            done += 2;
            enterThrough("{\"do\":\"plead\",\"category\":\"Hours\"");
            ticks(61);
            assertThat(line.get()).as("a plea is measured against its time").isEqualTo("Now speaking: Pia — 1:01 of 3:00");
        }
    }

    @Test
    void aReopenedMeetingKeepsItsStagesQueue() throws Exception {
        open();
        try (MeetingSession opened = session) {
            enterThrough("{\"do\":\"discuss\"");
            clock.enqueue("Omar");
            clock.enqueue("Pia");
            vm.nextSpeaker();
            MeetingClock reopened = new MeetingClock();
            assertThat(reopened.restore(clock.state(), 30)).isTrue();
            new ConsoleViewModel(session, FolkmootApp.bundle(Locale.ENGLISH), tmp).useClock(reopened);
            assertThat(reopened.queue()).as("the same stage: nothing is cleared").containsExactly("Pia");
            assertThat(reopened.speakerProperty().get()).isEqualTo("Omar");
            assertThat(reopened.speakingProperty().get()).isEqualTo(30);
        }
    }
}
