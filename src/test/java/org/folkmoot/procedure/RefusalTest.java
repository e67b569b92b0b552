package org.folkmoot.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.folkmoot.Meetings.*;

import java.util.Arrays;
import java.util.stream.Stream;
import org.folkmoot.record.Replay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of refusal: the last line of each case is refused, the message names its entry and says what
 * is wrong, and nothing of it is applied (the state is what the lines before it make).
 */
class RefusalTest {

    static Stream<Arguments> refusals() {
        String[] round1 = toObjections(20, 0);
        String[] planning = {attendance(100), present("R1"), vote("check-1", 95, 5, 0)};
        return Stream.of(
                // counts
                refused("more voters than present", "entry 3 (vote): the vote counts 101 hands, but only 100 are present",
                        attendance(100), present("R1"), vote("check-1", 90, 10, 1)),
                refused("a negative count", "entry 3 (vote): 'against' cannot be negative: -1",
                        attendance(100), present("R1"), vote("check-1", 90, -1, 0)),
                refused("a fractional count", "entry 3 (vote): 'for' must be a whole number, not 12.5",
                        attendance(100), present("R1"), "{\"do\":\"vote\",\"for\":12.5,\"against\":1,\"abstain\":0}"),
                refused("a count too large for a long", "entry 3 (vote): the count 9223372036854775808 in 'for' is too large: no count is above 1000000000",
                        attendance(100), present("R1"),
                        "{\"do\":\"vote\",\"for\":9223372036854775808,\"against\":1,\"abstain\":0}"),
                refused("counts that would overflow together", "entry 3 (vote): the count 9223372036854775807 in 'for' is too large",
                        attendance(100), present("R1"),
                        "{\"do\":\"vote\",\"for\":9223372036854775807,\"against\":9223372036854775807,\"abstain\":0}"),
                refused("a count given as a string", "entry 1 (attendance): 'present' must be a whole number, not \"120\"",
                        "{\"do\":\"attendance\",\"present\":\"120\"}"),
                refused("a missing field", "entry 3 (vote): 'abstain' is missing",
                        attendance(100), present("R1"), "{\"do\":\"vote\",\"for\":90,\"against\":10}"),
                refused("a missing action name", "entry 1: 'do' is missing", "{\"present\":100}"),
                refused("an unknown action", "entry 2 (vote-all): \"vote-all\" is not an action of the meeting format",
                        attendance(100), "{\"do\":\"vote-all\"}"),
                refused("an unknown vote stage", "'stage' must be check-1, check-2, final or contention",
                        attendance(100), present("R1"), vote("check-3", 1, 1, 1)),
                refused("attendance above the membership", "entry 1 (attendance): 151 present is more than the Community's 150 members",
                        attendance(151)),
                refused("a vote before any attendance", "no attendance has been recorded yet",
                        present("R1"), vote("check-1", 1, 0, 0)),
                // stages
                refused("a vote marked for another stage", "entry 3 (vote): this vote is marked final, but R1 is at temperature check 1",
                        attendance(100), present("R1"), vote("final", 90, 10, 0)),
                refused("a vote during the objections", "no vote is taken now: R1 is waiting for the objections",
                        attendance(100), present("R1"), vote("check-1", 80, 20, 0), vote("check-2", 90, 10, 0)),
                refused("objections after a pass", "R1 is in planning, not waiting for the objections",
                        concat(planning, objections(5, 0))),
                refused("a vote with nothing presented", "no resolution has been presented",
                        attendance(100), vote("check-1", 90, 10, 0)),
                refused("a second resolution while one is open", "resolution R1 is still open (at temperature check 1)",
                        attendance(100), present("R1"), present("R2")),
                refused("the same resolution twice", "resolution R1 was already presented",
                        concat(planning, vote("contention", 10, 90, 0), present("R1"))),
                refused("a grievance for the other round", "this grievance is for round 2, but R1 is in round 1",
                        concat(round1, grievance(2, "Day", 20))),
                refused("an election before a pass", "R1 is at temperature check 1, not in planning",
                        attendance(100), present("R1"), elect("Ivo", 60, 40, 0)),
                refused("a dismissal of a resolution not tabled", "only a tabled resolution can be dismissed",
                        concat(planning, "{\"do\":\"dismiss\"}")),
                refused("anything but resume while adjourned", "the meeting is adjourned; resume it, or begin the next meeting, first",
                        attendance(100), present("R1"), "{\"do\":\"adjourn\"}", vote("check-1", 90, 10, 0)),
                // the sums
                refused("objections not adding up", "entry 4 (objections): 20 voted against at temperature check 1, but the objections add up to 19 (12 non-deal-breakers + 7 deal-breakers)",
                        attendance(100), present("R1"), vote("check-1", 80, 20, 0), objections(12, 7)),
                refused("categories holding more than were counted", "would hold more than the 20 non-deal-breakers counted (15 so far)",
                        concat(round1, grievance(1, "Day", 15), grievance(1, "Cost", 6))),
                refused("categories holding fewer than were counted", "entry 6 (plead): the categories of round 1 hold 15 members, but 20 non-deal-breakers were counted",
                        concat(round1, grievance(1, "Day", 15), plead("Day"))),
                refused("a round closed without its categories", "the categories of round 1 hold 0 members, but 20 non-deal-breakers were counted",
                        concat(round1, closeRound())),
                refused("a category added once pleading began", "are settled once pleading, agreement or amendments have begun",
                        concat(round1, grievance(1, "Day", 20), plead("Day"), grievance(1, "Cost", 1))),
                refused("an unknown category", "round 1 has no category \"Cost\" (it has \"Day\")",
                        concat(round1, grievance(1, "Day", 20), plead("Cost"))),
                // amendments
                refused("an amendment whose passage is missing", "the passage \"on Sundays\" does not occur in the working text",
                        concat(round1, grievance(1, "Day", 20), amend("A1", "Day", "on Sundays", "on Mondays"))),
                refused("an amendment whose passage is ambiguous", "the passage \"e\" occurs 4 times in the working text",
                        concat(round1, grievance(1, "Day", 20), amend("A1", "Day", "e", "E"))),
                refused("an amendment voted twice", "A1 was already voted on; correct that entry instead",
                        concat(round1, grievance(1, "Day", 20), amend("A1", "Day", "on Saturdays", "on Sundays"),
                                amendmentVote("A1", 60, 40, 0), amendmentVote("A1", 60, 40, 0))),
                refused("a vote on an unknown amendment", "no amendment A7 was offered for R1",
                        concat(round1, grievance(1, "Day", 20), amendmentVote("A7", 60, 40, 0))),
                refused("unvoted amendments at close-round", "entry 7 (close-round): A1 has not been voted on",
                        concat(round1, grievance(1, "Day", 20), amend("A1", "Day", "on Saturdays", "on Sundays"), closeRound())),
                // planning and the ends
                refused("carry-forward without a delegate", "needs at least one elected delegate",
                        concat(planning, carryForward())),
                refused("withdrawal after a pass", "entry 4 (withdraw): R1 has passed and can no longer be withdrawn",
                        concat(planning, "{\"do\":\"withdraw\"}")),
                refused("a recall of someone never elected", "no delegate named Ivo has been elected",
                        concat(planning, "{\"do\":\"recall\",\"name\":\"Ivo\",\"for\":60,\"against\":40,\"abstain\":0}")),
                // corrections
                refused("a correction of a non-tally", "entry 3 (correct): entry 2 is a present; only attendance, vote, objections, agreement, amendment-vote, elect and recall can be corrected",
                        attendance(100), present("R1"),
                        "{\"do\":\"correct\",\"entry\":2,\"reason\":\"typo\",\"with\":" + present("R1") + "}"),
                refused("a correction by another kind", "entry 1 is of kind attendance; only an entry of kind attendance can replace it, not one of kind vote",
                        attendance(100), present("R1"),
                        "{\"do\":\"correct\",\"entry\":1,\"reason\":\"typo\",\"with\":" + vote("check-1", 1, 1, 1) + "}"),
                refused("a correction of an entry to come", "there is no entry 9 to correct",
                        attendance(100), "{\"do\":\"correct\",\"entry\":9,\"reason\":\"typo\",\"with\":" + attendance(90) + "}"),
                refused("a correction without a reason", "a correction needs a reason",
                        attendance(100), "{\"do\":\"correct\",\"entry\":1,\"reason\":\" \",\"with\":" + attendance(90) + "}"),
                refused("a correction after which a later entry no longer fits",
                        "entry 5 (correct): with this correction, entry 4 (objections) no longer fits: R1 is in planning",
                        attendance(100), present("R1"), vote("check-1", 80, 20, 0), objections(20, 0),
                        "{\"do\":\"correct\",\"entry\":3,\"reason\":\"recount\",\"with\":" + vote("check-1", 95, 5, 0) + "}"),
                refused("a correction whose tally does not fit", "the replacement does not fit: the vote counts 120 hands, but only 100 are present",
                        attendance(100), present("R1"), vote("check-1", 80, 20, 0),
                        "{\"do\":\"correct\",\"entry\":3,\"reason\":\"recount\",\"with\":" + vote("check-1", 100, 20, 0) + "}"),
                // the line itself
                refused("a line that is not JSON", "line 3, entry 2: is not valid JSON",
                        attendance(100), "{\"do\":\"present\","),
                refused("a line with a key twice", "line 2, entry 1: is not valid JSON (Duplicate field 'present')",
                        "{\"do\":\"attendance\",\"present\":100,\"present\":90}"),
                refused("a line that is not an object", "line 2, entry 1: is not a JSON object", "[1,2,3]"),
                refused("a script entry with a wrong seq", "'seq' is 5 but this is entry 1",
                        "{\"do\":\"attendance\",\"present\":100,\"seq\":5}"),
                refused("a script entry with a bad time", "'at' must be an ISO-8601 instant",
                        "{\"do\":\"attendance\",\"present\":100,\"at\":\"yesterday\"}"));
    }

    private static Arguments refused(String what, String message, String... lines) {
        return Arguments.of(what, message, lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedWithItsReasonAndChangesNothing(String what, String message, String[] lines) {
        Replay.Result result = replay(lines);
        assertThat(result.refusal()).as(what).isNotNull().contains(message);
        int accepted = lines.length - 1;
        assertThat(result.refusal()).startsWith("line " + (accepted + 2) + ", entry " + (accepted + 1));
        assertThat(result.meeting().size()).isEqualTo(accepted);
        assertThat(result.record()).hasSize(accepted + 1);

        Replay.Result before = replay(Arrays.copyOf(lines, accepted));
        assertThat(before.refusal()).as("the lines before the refused one are accepted").isNull();
        assertThat(outcomes(result)).isEqualTo(outcomes(before));
        assertThat(result.meeting().current().map(Resolution::stage))
                .isEqualTo(before.meeting().current().map(Resolution::stage));
        assertThat(result.meeting().current().map(Resolution::workingText))
                .isEqualTo(before.meeting().current().map(Resolution::workingText));
        assertThat(result.meeting().present()).isEqualTo(before.meeting().present());
    }
}
