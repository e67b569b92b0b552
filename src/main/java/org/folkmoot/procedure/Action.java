package org.folkmoot.procedure;

/**
 * One thing the facilitator records (MEETING-FORMAT.md, "Actions"). The record names each by its
 * {@link #kind()}; the values are already checked for shape (whole, non-negative counts, fields present)
 * by whoever read them, and the {@link Meeting} checks whether they fit the ladder.
 */
public sealed interface Action {

    /** The action's name in the meeting format ({@code "do"}). */
    String kind();

    record Attendance(long present) implements Action {
        public String kind() { return "attendance"; }
    }

    record Present(String resolution, String title, String text, String proposer, Upstream upstream) implements Action {
        public String kind() { return "present"; }
    }

    /** @param minutes the time given to the discussion, or null when none was set */
    record Discuss(Long minutes) implements Action {
        public String kind() { return "discuss"; }
    }

    record Speak(String name) implements Action {
        public String kind() { return "speak"; }
    }

    /** @param stage the stage the facilitator named, or null to take the one the ladder is at */
    record Vote(VoteStage stage, Tally tally) implements Action {
        public String kind() { return "vote"; }
    }

    record Objections(long nonDealBreakers, long dealBreakers) implements Action {
        public String kind() { return "objections"; }
    }

    record Grievance(int round, String category, long members, String statement, String delegate) implements Action {
        public String kind() { return "grievance"; }
    }

    record Plead(String category) implements Action {
        public String kind() { return "plead"; }
    }

    /** The assembly's weigh-in on a category: agree / disagree / abstain. */
    record Agreement(String category, Tally tally) implements Action {
        public String kind() { return "agreement"; }
    }

    record Amend(String id, String category, String find, String replace) implements Action {
        public String kind() { return "amend"; }
    }

    record AmendmentVote(String id, Tally tally) implements Action {
        public String kind() { return "amendment-vote"; }
    }

    record CloseRound() implements Action {
        public String kind() { return "close-round"; }
    }

    record Elect(String name, String mandate, Tally tally) implements Action {
        public String kind() { return "elect"; }
    }

    record CarryForward(String plan) implements Action {
        public String kind() { return "carry-forward"; }
    }

    /** @param resolution the resolution that elected the delegate, or null for the latest that elected that name */
    record Recall(String name, String resolution, Tally tally) implements Action {
        public String kind() { return "recall"; }
    }

    record Dismiss() implements Action {
        public String kind() { return "dismiss"; }
    }

    record Withdraw() implements Action {
        public String kind() { return "withdraw"; }
    }

    record Adjourn(String date) implements Action {
        public String kind() { return "adjourn"; }
    }

    record Resume(String date) implements Action {
        public String kind() { return "resume"; }
    }

    record Note(String text) implements Action {
        public String kind() { return "note"; }
    }

    /** Replaces entry {@code entry} by {@code with}, an action of the same kind; both stay in the record. */
    record Correct(long entry, String reason, Action with) implements Action {
        public String kind() { return "correct"; }
    }
}
