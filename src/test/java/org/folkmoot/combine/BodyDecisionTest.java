package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The body's decision rule at each threshold's edge (defaults: quorum more than 1/2, consensus 9/10, supermajority 2/3). */
// jqwik's tag: it marks this class's properties only, its @Test examples stay untagged
@Tag("property")
class BodyDecisionTest {

    private static final BodyRules RULES = BodyRules.defaults();

    private static String decide(long passed, long reporting, long rostered) {
        BodyDecision d = BodyDecision.decide(RULES, passed, reporting, rostered);
        return d.outcome() + " " + d.route();
    }

    @Test
    void exactlyHalfTheRosterReportingIsNoQuorum() {
        assertThat(decide(50, 50, 100)).isEqualTo("incomplete null");
        assertThat(decide(51, 51, 100)).isEqualTo("passed consensus");
    }

    @Test
    void anEmptyRosterDecidesNothing() {
        assertThat(decide(0, 0, 0)).isEqualTo("incomplete null");
    }

    @Test
    void consensusAtExactlyNineTenthsAndOneUnder() {
        assertThat(decide(90, 100, 100)).isEqualTo("passed consensus");
        assertThat(decide(89, 100, 100)).isEqualTo("passed supermajority");
    }

    @Test
    void supermajorityAtExactlyTwoThirdsAndOneUnder() {
        assertThat(decide(80, 120, 120)).isEqualTo("passed supermajority");
        assertThat(decide(79, 120, 120)).isEqualTo("not-passed null");
    }

    @Test
    void noPassesIsNotPassed() {
        assertThat(decide(0, 100, 100)).isEqualTo("not-passed null");
    }

    @Property
    void decisionFollowsTheCrossProducts(@ForAll @LongRange(min = 0, max = 1_000_000) long rostered,
                                         @ForAll @LongRange(min = 0, max = 1_000_000) long reportingSeed,
                                         @ForAll @LongRange(min = 0, max = 1_000_000) long passedSeed) {
        long reporting = rostered == 0 ? 0 : reportingSeed % (rostered + 1);
        long passed = reporting == 0 ? 0 : passedSeed % (reporting + 1);
        String expected;
        if (rostered == 0 || reporting * 2 <= rostered) expected = "incomplete null";
        else if (passed * 10 >= reporting * 9) expected = "passed consensus";
        else if (passed * 3 >= reporting * 2) expected = "passed supermajority";
        else expected = "not-passed null";
        assertThat(decide(passed, reporting, rostered)).isEqualTo(expected);
    }
}
