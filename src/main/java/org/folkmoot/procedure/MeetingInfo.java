package org.folkmoot.procedure;

/** Where and when the meeting is held and who runs it; printed on the minutes and the verdicts. */
public record MeetingInfo(String date, String place, String facilitator, String secretary) {
}
