package org.folkmoot.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** "Needs N more in favour": the fewest hands that must change to in favour, checked against the ladder's own test. */
// jqwik's tag: it marks this class's properties only, its @Test examples stay untagged
@Tag("property")
class MoreNeededTest {
    private static final Rules CAST = Rules.defaults();
    private static final Rules PRESENT = new Rules(Rules.DEFAULT_CONSENSUS, Rules.DEFAULT_FINAL, Rules.DEFAULT_CONTENTION,
            Rules.DEFAULT_AMENDMENT, Rules.DEFAULT_ELECTION, Basis.PRESENT, null);

    @Test
    void examplesAtTheBoundaries() {
        // 100 for, 25 against: 13 of those against must change their vote to reach 9/10 (113/125)
        assertThat(CAST.moreInFavourNeeded(new Tally(100, 25, 5), 130, new Fraction(9, 10), false)).isEqualTo(13);
        assertThat(CAST.moreInFavourNeeded(new Tally(89, 11, 0), 120, new Fraction(9, 10), false)).isEqualTo(1);
        assertThat(CAST.moreInFavourNeeded(new Tally(90, 10, 0), 120, new Fraction(9, 10), false)).isZero();
        assertThat(CAST.moreInFavourNeeded(new Tally(50, 50, 0), 120, new Fraction(1, 2), true)).isEqualTo(1);
        assertThat(CAST.moreInFavourNeeded(new Tally(0, 0, 10), 120, new Fraction(1, 2), false)).isEqualTo(Long.MAX_VALUE);
        assertThat(PRESENT.moreInFavourNeeded(new Tally(85, 0, 0), 100, new Fraction(9, 10), false)).isEqualTo(5);
        assertThat(CAST.moreInFavourNeeded(new Tally(5, 5, 0), 10, new Fraction(1, 1), true)).isEqualTo(Long.MAX_VALUE);
    }

    @Property(tries = 2000)
    void isTheSmallestNumberThatReaches(@ForAll @IntRange(max = 300) int inFavour, @ForAll @IntRange(max = 300) int against,
                                       @ForAll @IntRange(min = 1, max = 600) int extra, @ForAll @IntRange(min = 1, max = 12) int q,
                                       @ForAll @IntRange(max = 12) int p0, @ForAll boolean strictly, @ForAll boolean cast) {
        int p = Math.min(p0, q - 1);
        Fraction threshold = new Fraction(p, q);
        Rules rules = cast ? CAST : PRESENT;
        long present = inFavour + against + extra;
        long k = rules.moreInFavourNeeded(new Tally(inFavour, against, 0), present, threshold, strictly);
        // under cast, the hands move from against; under present, from anyone not yet in favour
        long movable = cast ? against : present - inFavour;
        if (k == Long.MAX_VALUE) {
            assertThat(passes(rules, inFavour + movable, cast ? 0 : against, present, threshold, strictly)).isFalse();
            return;
        }
        assertThat(k).isLessThanOrEqualTo(movable);
        assertThat(passes(rules, inFavour + k, cast ? against - k : against, present, threshold, strictly)).isTrue();
        if (k > 0) assertThat(passes(rules, inFavour + k - 1, cast ? against - k + 1 : against, present, threshold, strictly)).isFalse();
    }

    private static boolean passes(Rules rules, long inFavour, long against, long present, Fraction t, boolean strictly) {
        Fraction support = rules.support(new Tally(inFavour, against, 0), present);
        return strictly ? support.exceeds(t) : support.reaches(t);
    }
}
