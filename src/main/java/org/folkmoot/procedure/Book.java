package org.folkmoot.procedure;

import java.util.List;
import java.util.Optional;

/**
 * The state of a Community's book after some entries: the fold of the ladder ({@link Ladder#decide}). A value
 * that never changes, so a correction's trial fold costs nothing to throw away and the state at a meeting's
 * close is kept as it was for its verdicts.
 *
 * @param present      the latest attendance of this meeting, or -1 before one was taken
 * @param meetings     the book's meetings so far, the last the one going on
 * @param resolutions  every resolution presented, in order; the last is the one entries concern by default
 */
public record Book(Header header, long present, boolean adjourned, List<Sitting> meetings, List<Resolution> resolutions,
                   List<Note> notes, List<Adjournment> adjournments) {

    public Book {
        // the ladder's own lists are taken as they are (copying every list at every entry made a long fold quadratic)
        meetings = Lists.frozen(meetings);
        resolutions = Lists.frozen(resolutions);
        notes = Lists.frozen(notes);
        adjournments = Lists.frozen(adjournments);
    }

    /** A book with nothing recorded: its first meeting, opened by the header. */
    public static Book opened(Header header) {
        return new Book(header, -1, false, List.of(new Sitting(1, header.meeting(), 1, 0, 0)), List.of(), List.of(), List.of());
    }

    /** The resolution presented last, if any: the one an entry concerns when it names none. */
    public Optional<Resolution> latest() {
        return resolutions.isEmpty() ? Optional.empty() : Optional.of(resolutions.get(resolutions.size() - 1));
    }

    public Optional<Resolution> resolution(String id) {
        for (int i = resolutions.size() - 1; i >= 0; i--) { // the latest first: what most entries concern
            if (resolutions.get(i).id().equals(id)) return Optional.of(resolutions.get(i));
        }
        return Optional.empty();
    }

    /** The meeting going on (or adjourned, the last one). */
    public Sitting meeting() {
        return meetings.get(meetings.size() - 1);
    }

    /** The standing business: resolutions passed and still in planning. */
    public List<Resolution> inPlanning() {
        return resolutions.stream().filter(r -> r.stage() == Stage.PLANNING).toList();
    }

    /** The standing business: resolutions tabled and not yet dismissed. */
    public List<Resolution> tabled() {
        return resolutions.stream().filter(r -> r.outcome().orElse(null) == Outcome.TABLED).toList();
    }

    /** A delegate holding a mandate, with the resolution that elected them. */
    public record Serving(String resolution, Delegate delegate) {
    }

    /** The standing business: every delegate serving, in the order elected. */
    public List<Serving> serving() {
        return resolutions.stream().flatMap(r -> r.serving().stream().map(d -> new Serving(r.id(), d)))
                .sorted(java.util.Comparator.comparingLong(s -> s.delegate().seq())).toList();
    }

    // ---- the next values, for the ladder ---------------------------------------------------------------

    Book withPresent(long count) {
        return new Book(header, count, adjourned, meetings, resolutions, notes, adjournments);
    }

    /** A resolution just presented: the last of the list, so no search for it. */
    Book plus(Resolution r) {
        return new Book(header, present, adjourned, meetings, Lists.plus(resolutions, r), notes, adjournments);
    }

    Book with(Resolution r) {
        for (int i = resolutions.size() - 1; i >= 0; i--) {
            if (resolutions.get(i).id().equals(r.id())) {
                return new Book(header, present, adjourned, meetings, Lists.with(resolutions, i, r), notes, adjournments);
            }
        }
        return new Book(header, present, adjourned, meetings, Lists.plus(resolutions, r), notes, adjournments);
    }

    Book with(Note note) {
        return new Book(header, present, adjourned, meetings, resolutions, Lists.plus(notes, note), adjournments);
    }

    Book adjourned(Adjournment a) {
        return new Book(header, present, true, meetings, resolutions, notes, Lists.plus(adjournments, a));
    }

    Book resumed(long seq, String date) {
        Adjournment last = adjournments.get(adjournments.size() - 1);
        return new Book(header, present, false, meetings, resolutions, notes,
                Lists.with(adjournments, adjournments.size() - 1, new Adjournment(last.seq(), last.date(), seq, date)));
    }

    /** The next meeting begins: the last closes at its adjournment, and the attendance is taken again. */
    Book nextMeeting(long seq, MeetingInfo info) {
        long closedAt = adjournments.get(adjournments.size() - 1).seq();
        List<Sitting> ms = Lists.with(meetings, meetings.size() - 1, meeting().closed(closedAt));
        ms = Lists.plus(ms, new Sitting(meetings.size() + 1, info, closedAt + 1, seq, 0));
        return new Book(header, -1, false, ms, resolutions, notes, adjournments);
    }
}
