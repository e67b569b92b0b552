package org.folkmoot.app.hall;

import static org.assertj.core.api.Assertions.assertThat;

import org.folkmoot.app.hall.TrackedChange.Mark;
import org.folkmoot.app.hall.TrackedChange.Run;
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
}
