package org.folkmoot.procedure;

/** What the first line of a meeting says: the Community, its rules, the meeting. */
public record Header(Community community, Rules rules, MeetingInfo meeting) {
}
