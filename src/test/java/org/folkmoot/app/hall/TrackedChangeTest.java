package org.folkmoot.app.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.folkmoot.Meetings.*;

import org.folkmoot.app.hall.TrackedChange.Mark;
import org.folkmoot.app.hall.TrackedChange.Run;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;

/** An amendment is seen as a tracked change before the vote: the passage struck, its replacement proposed. */
class TrackedChangeTest {

    @Test
    void thePassageIsStruckAndTheReplacementProposedInPlace() {
        assertThat(TrackedChange.of("Work is on Saturdays. Tools are shared.", "on Saturdays", "on Sundays"))
                .containsExactly(new Run("Work is ", Mark.PLAIN), new Run("on Saturdays", Mark.STRUCK),
                        new Run(" ", Mark.PLAIN), new Run("on Sundays", Mark.PROPOSED), new Run(". Tools are shared.", Mark.PLAIN));
    }

    @Test
    void aDeletionOnlyStrikes() {
        assertThat(TrackedChange.of("A. B.", " B.", ""))
                .containsExactly(new Run("A.", Mark.PLAIN), new Run(" B.", Mark.STRUCK));
    }

    @Test
    void aPassageMissingOrAmbiguousShowsNothingToMislead() {
        assertThat(TrackedChange.of("A. A.", "A.", "B.")).isEmpty();
        assertThat(TrackedChange.of("A.", "C.", "B.")).isEmpty();
        assertThat(TrackedChange.of("A.", "", "B.")).isEmpty();
    }

    private static Resolution after(String... more) {
        Replay.Result result = replay(concat(concat(toObjections(20, 0), grievance(1, "Day", 20),
                amend("A1", "Day", "on Saturdays", "on Wednesdays"), amendmentVote("A1", 51, 49, 0)), more));
        assertThat(result.refusal()).isNull();
        return result.meeting().resolutions().get(0);
    }

    @Test
    void theTextAsItStandsMarksWhatAnAdoptedAmendmentPutIn() {
        assertThat(TrackedChange.of(after())).containsExactly(new Run("We turn the east lot into a garden. Work is ", Mark.PLAIN),
                new Run("on Wednesdays", Mark.ADOPTED), new Run(".", Mark.PLAIN));
    }

    @Test
    void theAmendmentAwaitingItsVoteIsShownStruckAndProposedBesideTheAdoptedOnes() {
        assertThat(TrackedChange.of(after(amend("A2", "Day", "east lot", "west lot")))).containsExactly(
                new Run("We turn the ", Mark.PLAIN), new Run("east lot", Mark.STRUCK), new Run(" ", Mark.PLAIN),
                new Run("west lot", Mark.PROPOSED), new Run(" into a garden. Work is ", Mark.PLAIN),
                new Run("on Wednesdays", Mark.ADOPTED), new Run(".", Mark.PLAIN));
        // changing what an adopted amendment put in: the change being voted shows over it
        assertThat(TrackedChange.of(after(amend("A2", "Day", "on Wednesdays", "on Fridays")))).containsExactly(
                new Run("We turn the east lot into a garden. Work is ", Mark.PLAIN), new Run("on Wednesdays", Mark.STRUCK),
                new Run(" ", Mark.PLAIN), new Run("on Fridays", Mark.PROPOSED), new Run(".", Mark.PLAIN));
    }
}
