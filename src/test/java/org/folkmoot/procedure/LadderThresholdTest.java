package org.folkmoot.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.folkmoot.Meetings.*;

import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;

/** Each threshold of docs/procedure.md at its boundary: exactly on it, and one vote under. */
class LadderThresholdTest {

    private static Resolution only(Replay.Result result) {
        assertThat(result.refusal()).isNull();
        assertThat(result.meeting().resolutions()).hasSize(1);
        return result.meeting().resolutions().get(0);
    }

    @Test
    void consensusAtExactlyNineTenthsPassesAtCheckOne() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 90, 10, 0));
        assertThat(outcomes(r)).isEqualTo("R1 passed consensus 90/100");
        assertThat(only(r).stage()).isEqualTo(Stage.PLANNING);
    }

    @Test
    void consensusOneVoteUnderGoesToObjections() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 89, 10, 1));
        assertThat(outcomes(r)).isEqualTo("R1 open - -");
        assertThat(only(r).stage()).isEqualTo(Stage.OBJECTIONS);
    }

    @Test
    void abstentionsStandAsideUnderBasisCast() {
        // 90 for, 10 against, 50 abstaining: 90/100 of the votes cast
        Replay.Result r = replay(attendance(150), present("R1"), vote("check-1", 90, 10, 50));
        assertThat(outcomes(r)).isEqualTo("R1 passed consensus 90/100");
    }

    @Test
    void basisPresentCountsEveryoneInTheRoom() {
        String header = headerWithRules("{\"basis\":\"present\"}");
        assertThat(outcomes(replayWith(header, attendance(100), present("R1"), vote("check-1", 90, 0, 10))))
                .isEqualTo("R1 passed consensus 90/100");
        Replay.Result under = replayWith(header, attendance(100), present("R1"), vote("check-1", 89, 0, 11));
        assertThat(only(under).stage()).isEqualTo(Stage.OBJECTIONS);
    }

    @Test
    void noVotesCastReachesNothing() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 0, 0, 100));
        assertThat(only(r).stage()).isEqualTo(Stage.OBJECTIONS);
        assertThat(only(r).votes().get(0).support()).isEqualTo(new Fraction(0, 0));
    }

    private static String[] toFinal() {
        // fails check 1 (80/100), only deal-breakers, so round 1 and check 2 are skipped; round 2 settled
        return new String[] {attendance(120), present("R1"), vote("check-1", 80, 20, 0), objections(0, 20),
            grievance(2, "Cost", 20), plead("Cost"), closeRound()};
    }

    @Test
    void finalVoteAtExactlyTwoThirdsPasses() {
        Replay.Result r = replay(concat(toFinal(), vote("final", 80, 40, 0)));
        assertThat(outcomes(r)).isEqualTo("R1 passed supermajority 80/120");
    }

    @Test
    void finalVoteOneUnderTwoThirdsIsNotPassed() {
        Replay.Result r = replay(concat(toFinal(), vote("final", 79, 40, 1)));
        assertThat(outcomes(r)).isEqualTo("R1 not-passed - 79/119");
        assertThat(only(r).stage()).isEqualTo(Stage.CLOSED);
    }

    @Test
    void contentionAtExactlyHalfKeepsTheResolution() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0),
                vote("contention", 50, 50, 0));
        assertThat(outcomes(r)).isEqualTo("R1 passed consensus 95/100");
        assertThat(only(r).stage()).isEqualTo(Stage.PLANNING);
    }

    @Test
    void contentionUnderHalfTablesAndTheContentionVoteDecides() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0),
                vote("contention", 49, 50, 1));
        assertThat(outcomes(r)).isEqualTo("R1 tabled - 49/99");
    }

    @Test
    void dismissedKeepsTheSupportOfTheContentionVoteThatTabledIt() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0),
                vote("contention", 40, 60, 0), "{\"do\":\"dismiss\"}");
        assertThat(outcomes(r)).isEqualTo("R1 dismissed - 40/100");
    }

    @Test
    void amendmentTieFailsAndOneMoreAdopts() {
        String[] round = concat(toObjections(20, 0), grievance(1, "Day", 20),
                amend("A1", "Day", "on Saturdays", "on Sundays"), amendmentVote("A1", 50, 50, 0),
                amend("A2", "Day", "on Saturdays", "on Wednesdays"), amendmentVote("A2", 51, 49, 0));
        Resolution r = only(replay(round));
        assertThat(r.amendments().get(0).adopted()).isFalse();
        assertThat(r.amendments().get(1).adopted()).isTrue();
        assertThat(r.workingText()).isEqualTo("We turn the east lot into a garden. Work is on Wednesdays.");
        assertThat(r.originalText()).contains("on Saturdays");
    }

    @Test
    void electionTieFailsAndCarryForwardNeedsAnElectedDelegate() {
        Replay.Result tie = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0),
                elect("Ivo", 50, 50, 0), carryForward());
        assertThat(tie.meeting().resolutions().get(0).delegates().get(0).elected()).isFalse();
        assertThat(tie.refusal()).contains("entry 5 (carry-forward)").contains("at least one elected delegate");

        Replay.Result elected = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0),
                elect("Ivo", 51, 49, 0), carryForward());
        assertThat(only(elected).carriedForward()).isTrue();
        assertThat(outcomes(elected)).isEqualTo("R1 passed consensus 95/100");
    }

    @Test
    void recallTieFailsAndAMajorityRecalls() {
        String[] base = {attendance(100), present("R1"), vote("check-1", 95, 5, 0), elect("Ivo", 80, 20, 0),
            carryForward()};
        Resolution tie = only(replay(concat(base, "{\"do\":\"recall\",\"name\":\"Ivo\",\"for\":50,\"against\":50,\"abstain\":0}")));
        assertThat(tie.delegates().get(0).recalled()).isFalse();
        Resolution recalled = only(replay(concat(base,
                "{\"do\":\"recall\",\"name\":\"Ivo\",\"for\":51,\"against\":49,\"abstain\":0}")));
        assertThat(recalled.delegates().get(0).recalled()).isTrue();
        assertThat(recalled.carriedForward()).isTrue();
    }

    @Test
    void checkTwoPassesAsAmendedAfterRoundOne() {
        Replay.Result r = replay(concat(toObjections(20, 0), grievance(1, "Day", 20),
                amend("A1", "Day", "on Saturdays", "on Sundays"), amendmentVote("A1", 60, 40, 0), closeRound(),
                vote("check-2", 90, 10, 0)));
        assertThat(outcomes(r)).isEqualTo("R1 passed amended 90/100");
        assertThat(only(r).grievances().get(0).sustained()).isFalse();
    }

    @Test
    void roundTwoIsSkippedWithoutDealBreakersAndRoundOneWithoutNonDealBreakers() {
        Resolution noDealBreakers = only(replay(concat(toObjections(20, 0), grievance(1, "Day", 20), closeRound(),
                vote("check-2", 80, 20, 0))));
        assertThat(noDealBreakers.stage()).isEqualTo(Stage.FINAL);
        assertThat(noDealBreakers.grievances().get(0).sustained()).isTrue();

        // nothing changed to re-assess: round 1 and check 2 are both skipped (docs/procedure.md, step 5)
        Resolution onlyDealBreakers = only(replay(toObjections(0, 20)));
        assertThat(onlyDealBreakers.stage()).isEqualTo(Stage.ROUND_2);
    }

    @Test
    void overriddenThresholdsAreUsed() {
        String header = headerWithRules("{\"consensus\":\"3/4\",\"final\":\"3/5\",\"contention\":\"1/3\"}");
        assertThat(outcomes(replayWith(header, attendance(100), present("R1"), vote("check-1", 75, 25, 0),
                vote("contention", 33, 67, 0))))
                .isEqualTo("R1 tabled - 33/100");
        assertThat(outcomes(replayWith(header, attendance(100), present("R1"), vote("check-1", 75, 25, 0),
                vote("contention", 34, 66, 0))))
                .isEqualTo("R1 passed consensus 75/100");
    }

    @Test
    void quorumIsNeededForEveryDecisionAndExactlyTheShareIsEnough() {
        String header = headerWithRules("{\"quorum\":\"1/2\"}");
        assertThat(outcomes(replayWith(header, attendance(75), present("R1"), vote("check-1", 70, 5, 0))))
                .isEqualTo("R1 passed consensus 70/75");
        Replay.Result under = replayWith(header, attendance(74), present("R1"), vote("check-1", 70, 4, 0));
        assertThat(under.refusal()).contains("entry 3 (vote)").contains("no quorum").contains("74 present of 150");
    }

    @Test
    void supportsAreExactEvenWhereDoublesWouldRound() {
        // 9/10 of 10^15+ votes: a double cannot tell these apart, cross-products can
        long against = 100_000_000_000_000L;
        long inFavour = 9 * against - 1; // one short of exactly 90%
        Fraction support = new Fraction(inFavour, inFavour + against);
        assertThat(support.reaches(new Fraction(9, 10))).isFalse();
        assertThat(new Fraction(inFavour + 1, inFavour + 1 + against).reaches(new Fraction(9, 10))).isTrue();
        // beyond a long's cross-product, still exact
        Fraction huge = new Fraction(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(huge.reaches(new Fraction(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1))).isTrue();
        assertThat(huge.reaches(new Fraction(Long.MAX_VALUE - 1, Long.MAX_VALUE - 2))).isFalse();
    }
}
