package org.folkmoot.procedure;

/**
 * One thing the facilitator records (docs/meeting-format.md, "Actions"). The record names each by its
 * {@link #kind()}; the values are already checked for shape (whole, non-negative counts, fields present)
 * by whoever read them, and the {@link Meeting} checks whether they fit the ladder.
 */
public sealed interface Action {

    /** The action's kind; its name in the meeting format ({@code "do"}) is {@link ActionKind#word()}. */
    ActionKind kind();

    record Attendance(long present) implements Action {
        public ActionKind kind() { return ActionKind.ATTENDANCE; }
    }

    record Present(String resolution, String title, String text, String proposer, Upstream upstream) implements Action {
        public ActionKind kind() { return ActionKind.PRESENT; }
    }

    /** @param minutes the time given to the discussion, or null when none was set */
    record Discuss(Long minutes) implements Action {
        public ActionKind kind() { return ActionKind.DISCUSS; }
    }

    record Speak(String name) implements Action {
        public ActionKind kind() { return ActionKind.SPEAK; }
    }

    /**
     * @param stage      the stage the facilitator named, or null to take the one the ladder is at
     * @param resolution the resolution in planning a contention vote is on, or null for the latest presented
     */
    record Vote(VoteStage stage, Tally tally, String resolution) implements Action {
        public Vote(VoteStage stage, Tally tally) {
            this(stage, tally, null);
        }

        public ActionKind kind() { return ActionKind.VOTE; }
    }

    record Objections(long nonDealBreakers, long dealBreakers) implements Action {
        public ActionKind kind() { return ActionKind.OBJECTIONS; }
    }

    record Grievance(int round, String category, long members, String statement, String delegate) implements Action {
        public ActionKind kind() { return ActionKind.GRIEVANCE; }
    }

    record Plead(String category) implements Action {
        public ActionKind kind() { return ActionKind.PLEAD; }
    }

    /** The assembly's weigh-in on a category: agree / disagree / abstain. */
    record Agreement(String category, Tally tally) implements Action {
        public ActionKind kind() { return ActionKind.AGREEMENT; }
    }

    record Amend(String id, String category, String find, String replace) implements Action {
        public ActionKind kind() { return ActionKind.AMEND; }
    }

    record AmendmentVote(String id, Tally tally) implements Action {
        public ActionKind kind() { return ActionKind.AMENDMENT_VOTE; }
    }

    record CloseRound() implements Action {
        public ActionKind kind() { return ActionKind.CLOSE_ROUND; }
    }

    /** @param resolution the resolution in planning, or null for the latest presented */
    record Elect(String name, String mandate, Tally tally, String resolution) implements Action {
        public Elect(String name, String mandate, Tally tally) {
            this(name, mandate, tally, null);
        }

        public ActionKind kind() { return ActionKind.ELECT; }
    }

    /** @param resolution the resolution in planning, or null for the latest presented */
    record CarryForward(String plan, String resolution) implements Action {
        public CarryForward(String plan) {
            this(plan, null);
        }

        public ActionKind kind() { return ActionKind.CARRY_FORWARD; }
    }

    /** @param resolution the resolution that elected the delegate, or null for the latest that elected that name */
    record Recall(String name, String resolution, Tally tally) implements Action {
        public ActionKind kind() { return ActionKind.RECALL; }
    }

    /** @param resolution the tabled resolution, or null for the latest presented */
    record Dismiss(String resolution) implements Action {
        public Dismiss() {
            this(null);
        }

        public ActionKind kind() { return ActionKind.DISMISS; }
    }

    record Withdraw() implements Action {
        public ActionKind kind() { return ActionKind.WITHDRAW; }
    }

    record Adjourn(String date) implements Action {
        public ActionKind kind() { return ActionKind.ADJOURN; }
    }

    record Resume(String date) implements Action {
        public ActionKind kind() { return ActionKind.RESUME; }
    }

    /** The Community's next meeting begins in the same record (its book), while adjourned. */
    record NextMeeting(MeetingInfo meeting) implements Action {
        public ActionKind kind() { return ActionKind.MEETING; }
    }

    record Note(String text) implements Action {
        public ActionKind kind() { return ActionKind.NOTE; }
    }

    /**
     * Replaces earlier entries, each by an action of the same kind, together (a check's tally and the
     * objections that follow from it); the originals stay in the record.
     */
    record Correct(String reason, java.util.List<Replacement> replacements) implements Action {
        public Correct {
            replacements = java.util.List.copyOf(replacements);
        }

        /** One entry replaced. */
        public Correct(long entry, String reason, Action with) {
            this(reason, java.util.List.of(new Replacement(entry, with)));
        }

        public ActionKind kind() { return ActionKind.CORRECT; }

        /** The entry replaced, when there is one alone (the common case). */
        public long entry() { return replacements.get(0).entry(); }

        public Action with() { return replacements.get(0).with(); }
    }

    /** Entry {@code entry} (its seq) replaced by {@code with}. */
    record Replacement(long entry, Action with) {
    }
}
