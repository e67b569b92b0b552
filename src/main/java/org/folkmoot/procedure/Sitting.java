package org.folkmoot.procedure;

/**
 * One meeting of the Community's book: the first opens with the record's header, each later one with a
 * {@code meeting} entry while adjourned (docs/procedure.md, "The Community's book").
 *
 * @param number   1 for the first meeting of the book
 * @param firstSeq the first entry after the meeting before it closed (1 for the first): notes or
 *                 corrections made between two meetings are shown with the one that follows
 * @param openedAt the seq of its {@code meeting} entry, or 0 for the first (opened by the header)
 * @param closedAt the seq of the {@code adjourn} that the next meeting followed, or 0 while it is the last
 */
public record Sitting(int number, MeetingInfo info, long firstSeq, long openedAt, long closedAt) {

    Sitting closed(long at) {
        return new Sitting(number, info, firstSeq, openedAt, at);
    }

    /** Whether entry {@code seq} belongs to this meeting's part of the book. */
    public boolean holds(long seq) {
        return seq >= firstSeq && (closedAt == 0 || seq <= closedAt);
    }
}
