package org.folkmoot.procedure;

/**
 * A category of grievances in one round, with its delegate, the assembly's weigh-in and its fate. A value:
 * the ladder makes a new one for each change.
 *
 * @param agreement agree / disagree / abstain, or null when the assembly has not weighed in
 * @param sustained whether the grievance stands (no amendment of its category adopted); null until its round closes
 */
public record GrievanceCategory(long seq, int round, String category, long members, String statement, String delegate,
                                boolean pleaded, Tally agreement, Boolean sustained) {

    GrievanceCategory(long seq, int round, String category, long members, String statement, String delegate) {
        this(seq, round, category, members, statement, delegate, false, null, null);
    }

    GrievanceCategory pleadedNow() {
        return new GrievanceCategory(seq, round, category, members, statement, delegate, true, agreement, sustained);
    }

    GrievanceCategory weighedIn(Tally tally) {
        return new GrievanceCategory(seq, round, category, members, statement, delegate, pleaded, tally, sustained);
    }

    GrievanceCategory settled(boolean stands) {
        return new GrievanceCategory(seq, round, category, members, statement, delegate, pleaded, agreement, stands);
    }
}
