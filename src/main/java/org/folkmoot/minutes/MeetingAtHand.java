package org.folkmoot.minutes;

import java.util.List;
import org.folkmoot.procedure.Meeting;

/**
 * The meeting of the book whose minutes are being printed: its entries' range, and how an entry is named
 * from it ("entry 4", "entry 4 of meeting 1" when an earlier meeting's).
 */
final class MeetingAtHand {
    private final Meeting meeting;
    private final Meeting.Held held;
    private final long firstSeq;
    private final long lastSeq;

    MeetingAtHand(Meeting meeting, Meeting.Held held) {
        this.meeting = meeting;
        this.held = held;
        this.firstSeq = held.sitting().firstSeq();
        this.lastSeq = held.lastSeq(meeting.size());
    }

    /** The whole book. */
    Meeting meeting() {
        return meeting;
    }

    Meeting.Held held() {
        return held;
    }

    long firstSeq() {
        return firstSeq;
    }

    long lastSeq() {
        return lastSeq;
    }

    int number() {
        return held.sitting().number();
    }

    /** Whether entry {@code seq} is one of this meeting's. */
    boolean here(long seq) {
        return seq >= firstSeq && seq <= lastSeq;
    }

    /** The book's meeting that holds entry {@code seq}. */
    int meetingOf(long seq) {
        List<Meeting.Held> meetings = meeting.meetings();
        for (Meeting.Held h : meetings) {
            if (h.sitting().holds(seq)) return h.sitting().number();
        }
        return number();
    }

    /** "entry 4", and "entry 4 of meeting 1" when it is an earlier meeting's. */
    String entry(long seq) {
        int m = meetingOf(seq);
        return "entry " + seq + (m == number() ? "" : " of meeting " + m);
    }

    /** "this meeting" or "meeting 1", for the meeting that holds entry {@code seq}. */
    String meetingWords(long seq) {
        int m = meetingOf(seq);
        return m == number() ? "this meeting" : "meeting " + m;
    }
}
