package org.folkmoot.procedure;

/**
 * A vote on the resolution as the ladder took it.
 *
 * @param present the attendance it was checked against
 * @param support its support in the basis in force, unreduced
 * @param reached whether it reached its threshold (for contention: whether the resolution kept its support)
 */
public record RecordedVote(long seq, VoteStage stage, Tally tally, long present, Fraction support, boolean reached) {
}
