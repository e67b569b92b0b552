package org.folkmoot.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.folkmoot.Meetings.*;

import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;

/**
 * The rules the rulebook settled for the Community's book (docs/procedure.md, step 5, steps 9–11, "The Community's
 * book"; docs/meeting-format.md, {@code meeting}, {@code resolution}, compound {@code correct}, unknown fields), each
 * at its boundary, through {@code replay}'s own engine.
 */
class BookRulesTest {

    private static Resolution resolution(Replay.Result r, String id) {
        return r.meeting().book().resolution(id).orElseThrow();
    }

    private static String refusal(Replay.Result r) {
        assertThat(r.refused()).as("refused").isTrue();
        return r.refusal();
    }

    private static void accepted(Replay.Result r) {
        assertThat(r.refusal()).as("accepted").isNull();
    }

    // ---- step 5: an empty round 1 skips check 2 -------------------------------------------------------

    @Test
    void withNoNonDealBreakersRoundOneAndCheckTwoAreBothSkipped() {
        Replay.Result r = replay(toObjections(0, 20));
        assertThat(resolution(r, "R1").stage()).isEqualTo(Stage.ROUND_2);

        Replay.Result check2 = replay(concat(toObjections(0, 20), vote("check-2", 95, 5, 0)));
        assertThat(refusal(check2)).contains("no vote is taken now: R1 is in round 2");
        Replay.Result atFinal = replay(concat(toObjections(0, 20), grievance(2, "Cost", 20), plead("Cost"), closeRound(),
                vote("check-2", 95, 5, 0)));
        assertThat(refusal(atFinal)).contains("this vote is marked check-2, but R1 is at the final vote");
    }

    @Test
    void withNoObjectionsDeclaredAtAllTheFinalVoteFollows() {
        // basis present: 80 of 100 present for, none against, 20 abstain: check 1 fails, nobody objects
        String header = headerWithRules("{\"basis\":\"present\"}");
        Replay.Result r = replayWith(header, attendance(100), present("R1"), vote("check-1", 80, 0, 20), objections(0, 0),
                vote("final", 80, 0, 20));
        assertThat(outcomes(r)).isEqualTo("R1 passed supermajority 80/100");
    }

    @Test
    void aPassAfterAnEmptyRoundOneIsNeverReportedAmended() {
        Replay.Result r = replay(concat(toObjections(0, 20), grievance(2, "Cost", 20), plead("Cost"), closeRound(),
                vote("final", 95, 5, 0)));
        assertThat(outcomes(r)).isEqualTo("R1 passed supermajority 95/100");
    }

    @Test
    void withNonDealBreakersCheckTwoIsStillTaken() {
        Replay.Result r = replay(concat(toObjections(1, 19), grievance(1, "Day", 1), plead("Day"), closeRound()));
        assertThat(resolution(r, "R1").stage()).isEqualTo(Stage.CHECK_2);
    }

    // ---- step 9: planning does not block the next resolution ------------------------------------------

    @Test
    void aResolutionInPlanningDoesNotHoldUpTheNext() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0), present("R2"),
                vote("check-1", 50, 50, 0));
        accepted(r);
        assertThat(resolution(r, "R1").stage()).isEqualTo(Stage.PLANNING);
        assertThat(resolution(r, "R2").stage()).isEqualTo(Stage.OBJECTIONS);
    }

    @Test
    void aResolutionStillOnTheLadderDoesHoldUpTheNext() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 50, 50, 0), present("R2"));
        assertThat(refusal(r)).contains("resolution R1 is still open");
    }

    // ---- planning entries name their resolution ------------------------------------------------------

    private static String[] r1InPlanningR2OnTheLadder() {
        return new String[] {attendance(100), present("R1"), vote("check-1", 95, 5, 0), elect("Ivo", 60, 40, 0),
            present("R2"), vote("check-1", 50, 50, 0)};
    }

    @Test
    void aContentionVoteOnAnEarlierResolutionInPlanningNamesIt() {
        Replay.Result r = replay(concat(r1InPlanningR2OnTheLadder(), on("R1", vote("contention", 40, 60, 0))));
        accepted(r);
        assertThat(outcomes(r)).isEqualTo("R1 tabled - 40/100\nR2 open - -");
        assertThat(resolution(r, "R2").stage()).isEqualTo(Stage.OBJECTIONS);
    }

    @Test
    void withoutResolutionAVoteConcernsTheLatest() {
        // at R2's objections no vote is taken; the vote is not quietly taken as R1's contention vote
        Replay.Result r = replay(concat(r1InPlanningR2OnTheLadder(), vote("contention", 40, 60, 0)));
        assertThat(refusal(r)).contains("no vote is taken now: R2 is");
    }

    @Test
    void anEarlierResolutionNotInPlanningTakesNoVote() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0), vote("contention", 40, 60, 0),
                present("R2"), on("R1", vote("contention", 80, 20, 0)));
        assertThat(refusal(r)).contains("R1 is closed (tabled); an earlier resolution takes only a contention vote");
    }

    @Test
    void electionsAndCarryForwardOfAnEarlierResolutionNameIt() {
        Replay.Result r = replay(concat(r1InPlanningR2OnTheLadder(), on("R1", elect("Uma", 70, 30, 0)),
                on("R1", carryForward())));
        accepted(r);
        Resolution r1 = resolution(r, "R1");
        assertThat(r1.carriedForward()).isTrue();
        assertThat(r1.delegates()).extracting(Delegate::name).containsExactly("Ivo", "Uma");
        assertThat(resolution(r, "R2").delegates()).isEmpty();
    }

    @Test
    void aDismissalMeantForR1DismissesR1NotR2() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0), vote("contention", 40, 60, 0),
                present("R2"), vote("check-1", 95, 5, 0), vote("contention", 30, 70, 0), on("R1", dismiss()));
        accepted(r);
        assertThat(outcomes(r)).isEqualTo("R1 dismissed - 40/100\nR2 tabled - 30/100");
    }

    @Test
    void aPlanningEntryNamingAnUnknownResolutionIsRefused() {
        Replay.Result r = replay(concat(r1InPlanningR2OnTheLadder(), on("R9", elect("Uma", 70, 30, 0))));
        assertThat(refusal(r)).contains("no resolution R9 has been presented");
    }

    @Test
    void anElectionForAResolutionNotInPlanningIsRefused() {
        Replay.Result r = replay(concat(r1InPlanningR2OnTheLadder(), on("R2", elect("Uma", 70, 30, 0))));
        assertThat(refusal(r)).contains("R2 is", "not in planning");
    }

    // ---- any field an action does not take is refused -----------------------------------------------

    @Test
    void aMisspeltFieldIsRefusedNeverIgnored() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 95, 5, 0), vote("contention", 40, 60, 0),
                "{\"do\":\"dismiss\",\"resolutoin\":\"R1\"}");
        assertThat(refusal(r)).contains("'resolutoin' is not a field of dismiss (it takes resolution)");
        assertThat(resolution(r, "R1").outcome()).contains(Outcome.TABLED);
    }

    @Test
    void aFieldOfAnotherActionIsRefused() {
        Replay.Result r = replay(attendance(100), "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"X.\","
                + "\"proposer\":\"P\",\"stage\":\"check-1\"}");
        assertThat(refusal(r)).contains("'stage' is not a field of present");
        Replay.Result close = replay("{\"do\":\"close-round\",\"round\":1}");
        assertThat(refusal(close)).contains("'round' is not a field of close-round, which takes none");
    }

    @Test
    void anUnknownFieldInsideAReplacementOrAnUpstreamIsRefused() {
        Replay.Result with = replay(attendance(100), attendance(90),
                "{\"do\":\"correct\",\"entry\":2,\"reason\":\"Recount.\",\"with\":{\"do\":\"attendance\",\"present\":95,\"extra\":1}}");
        assertThat(refusal(with)).contains("the replacement ('with'): 'extra' is not a field of attendance");
        Replay.Result up = replay(attendance(100), "{\"do\":\"present\",\"resolution\":\"R1\",\"title\":\"T\",\"text\":\"X.\","
                + "\"proposer\":\"P\",\"upstream\":{\"level\":\"municipality\",\"body\":\"M\",\"resolution\":\"M1\","
                + "\"textSha256\":\"" + Meeting.textSha256("X.") + "\",\"hash\":\"x\"}}");
        assertThat(refusal(up)).contains("'upstream' takes level, body, resolution, textSha256 and proposalSha256, not 'hash'");
    }

    @Test
    void aMisspeltKeyOfTheHeaderIsRefusedRatherThanLeavingTheDefaultsInForce() {
        String misspelt = HEADER.substring(0, HEADER.length() - 1) + ",\"rulez\":{\"consensus\":\"3/4\"}}";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Replay.run((misspelt + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, null, FIXED)).hasMessageContaining("'rulez' is not a key of the header (it takes format, community, rules, meeting)");
        String inMeeting = HEADER.replace("\"secretary\":\"Bo\"", "\"secretary\":\"Bo\",\"chair\":\"Ana\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Replay.run((inMeeting + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null, null, FIXED)).hasMessageContaining("'chair' is not a key of 'meeting'");
    }

    @Test
    void aRecordsBookkeepingFieldsAreTaken() {
        Replay.Result r = replay(attendance(100), "{\"do\":\"note\",\"text\":\"Hello.\",\"at\":\"2026-11-26T18:05:00Z\"}");
        accepted(r);
    }

    // ---- compound corrections -------------------------------------------------------------------------

    @Test
    void aMiscountedAgainstIsCorrectedTogetherWithTheObjectionsThatFollowFromIt() {
        String[] book = concat(toObjections(5, 15),
                // entries 3 (check 1: 80/20) and 4 (objections 5/15): the tellers recount 79 for, 21 against
                "{\"do\":\"correct\",\"reason\":\"Recounted.\",\"entries\":[{\"entry\":3,\"with\":" + vote("check-1", 79, 21, 0)
                        + "},{\"entry\":4,\"with\":" + objections(6, 15) + "}]}");
        Replay.Result r = replay(book);
        accepted(r);
        Resolution r1 = resolution(r, "R1");
        assertThat(r1.votes().get(0).tally().against()).isEqualTo(21);
        assertThat(r1.objections().orElseThrow().nonDealBreakers()).isEqualTo(6);
        assertThat(r.meeting().corrections()).hasSize(2).extracting(Correction::entry).containsExactly(3L, 4L);
    }

    @Test
    void theTallyAloneCannotBeCorrectedOnceItsObjectionsAreRecorded() {
        Replay.Result r = replay(concat(toObjections(5, 15),
                "{\"do\":\"correct\",\"entry\":3,\"reason\":\"Recounted.\",\"with\":" + vote("check-1", 79, 21, 0) + "}"));
        assertThat(refusal(r)).contains("with this correction, entry 4 (objections) no longer fits");
    }

    @Test
    void aCompoundCorrectionIsAllOrNothing() {
        Replay.Result r = replay(concat(toObjections(5, 15),
                "{\"do\":\"correct\",\"reason\":\"Recounted.\",\"entries\":[{\"entry\":3,\"with\":" + vote("check-1", 79, 21, 0)
                        + "},{\"entry\":4,\"with\":" + objections(5, 15) + "}]}"));
        assertThat(refusal(r)).contains("the replacement does not fit");
        assertThat(resolution(r, "R1").votes().get(0).tally().against()).isEqualTo(20);
        assertThat(r.meeting().corrections()).isEmpty();
    }

    @Test
    void aCompoundCorrectionNamesEachEntryOnceAndTakesOneForm() {
        Replay.Result twice = replay(concat(toObjections(5, 15),
                "{\"do\":\"correct\",\"reason\":\"R.\",\"entries\":[{\"entry\":4,\"with\":" + objections(6, 14)
                        + "},{\"entry\":4,\"with\":" + objections(7, 13) + "}]}"));
        assertThat(refusal(twice)).contains("entry 4 is named twice in this correction");
        Replay.Result both = replay(concat(toObjections(5, 15),
                "{\"do\":\"correct\",\"reason\":\"R.\",\"entry\":4,\"with\":" + objections(6, 14)
                        + ",\"entries\":[{\"entry\":4,\"with\":" + objections(7, 13) + "}]}"));
        assertThat(refusal(both)).contains("either 'entry' and 'with' or 'entries', not both");
        Replay.Result empty = replay(concat(toObjections(5, 15), "{\"do\":\"correct\",\"reason\":\"R.\",\"entries\":[]}"));
        assertThat(refusal(empty)).contains("'entries' must be a list of {entry, with}, at least one");
    }

    // ---- the book: one record across meetings -----------------------------------------------------------

    private static String[] firstMeetingPassesR1AndElectsIvo() {
        return new String[] {attendance(100), present("R1"), vote("check-1", 95, 5, 0), elect("Ivo", 60, 40, 0), adjourn()};
    }

    @Test
    void theNextMeetingBeginsOnlyWhileAdjourned() {
        Replay.Result r = replay(attendance(100), nextMeeting("2026-12-10"));
        assertThat(refusal(r)).contains("the next meeting begins only once this one is adjourned");
    }

    @Test
    void theNextMeetingCountsTheAttendanceAgainBeforeAnyTally() {
        Replay.Result r = replay(concat(firstMeetingPassesR1AndElectsIvo(), nextMeeting("2026-12-10"),
                vote("contention", 40, 60, 0)));
        assertThat(refusal(r)).contains("entry 7 (vote)");
        assertThat(resolution(r, "R1").stage()).isEqualTo(Stage.PLANNING);
    }

    @Test
    void planningContentionAndRecallGoOnAtALaterMeeting() {
        Replay.Result r = replay(concat(firstMeetingPassesR1AndElectsIvo(), nextMeeting("2026-12-10"), attendance(90),
                on("R1", vote("contention", 60, 30, 0)), recall("Ivo", 50, 40, 0), on("R1", elect("Uma", 70, 20, 0)),
                on("R1", carryForward())));
        accepted(r);
        Resolution r1 = resolution(r, "R1");
        assertThat(r1.carriedForward()).isTrue();
        assertThat(r1.serving()).extracting(Delegate::name).containsExactly("Uma");
        assertThat(r1.delegates().get(0).recalled()).isTrue();
        assertThat(r.meeting().meetings()).hasSize(2);
        assertThat(r.meeting().meetings().get(1).sitting().info().date()).isEqualTo("2026-12-10");
        // what meeting 2 began with: R1 in planning, Ivo serving
        Book opening = r.meeting().meetings().get(1).opening();
        assertThat(opening.inPlanning()).extracting(Resolution::id).containsExactly("R1");
        assertThat(opening.serving()).extracting(s -> s.delegate().name()).containsExactly("Ivo");
        assertThat(r.meeting().book().serving()).extracting(s -> s.delegate().name()).containsExactly("Uma");
    }

    @Test
    void aContentionVoteAtALaterMeetingTablesAndTheBodyMayDismissLater() {
        Replay.Result r = replay(concat(firstMeetingPassesR1AndElectsIvo(), nextMeeting("2026-12-10"), attendance(90),
                vote("contention", 30, 60, 0), adjourn(), nextMeeting("2026-12-17"), on("R1", dismiss())));
        accepted(r);
        assertThat(outcomes(r)).isEqualTo("R1 dismissed - 30/90");
        assertThat(r.meeting().meetings()).hasSize(3);
    }

    @Test
    void aBreakIsNotANewMeeting() {
        Replay.Result r = replay(concat(firstMeetingPassesR1AndElectsIvo(), "{\"do\":\"resume\"}", vote("contention", 60, 30, 0)));
        accepted(r);
        assertThat(r.meeting().meetings()).hasSize(1);
    }

    @Test
    void theNextMeetingNeedsAReadableDateAndItsPeople() {
        Replay.Result badDate = replay(concat(firstMeetingPassesR1AndElectsIvo(),
                "{\"do\":\"meeting\",\"date\":\"10 December\",\"place\":\"Hall\",\"facilitator\":\"Cy\",\"secretary\":\"Di\"}"));
        assertThat(refusal(badDate)).contains("the meeting date '10 December' cannot be read");
        Replay.Result noPlace = replay(concat(firstMeetingPassesR1AndElectsIvo(),
                "{\"do\":\"meeting\",\"date\":\"2026-12-10\",\"place\":\" \",\"facilitator\":\"Cy\",\"secretary\":\"Di\"}"));
        assertThat(refusal(noPlace)).contains("meeting place");
    }

    @Test
    void aResolutionLeftOnTheLadderCarriesIntoTheNextMeetingAsItStood() {
        Replay.Result r = replay(attendance(100), present("R1"), vote("check-1", 80, 20, 0), adjourn(),
                nextMeeting("2026-12-10"), attendance(100), objections(0, 20));
        accepted(r);
        assertThat(resolution(r, "R1").stage()).isEqualTo(Stage.ROUND_2);
        assertThat(resolution(r, "R1").meeting()).isEqualTo(1);
    }
}
