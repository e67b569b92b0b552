package org.folkmoot.procedure;

/** Where and when the meeting is held and who runs it; printed on the minutes and the verdicts. */
public record MeetingInfo(String date, String place, String facilitator, String secretary) {

    /**
     * Whether {@code date} is a day as the record writes it, YYYY-MM-DD, and a real one. The verdict carries the
     * meeting's date and every body checks the Community's key against it: a date written any other way ("1
     * December 2026") would give a verdict every verifier refuses, so it is refused when the meeting starts.
     */
    public static boolean readableDate(String date) {
        if (date == null || !date.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) return false;
        try {
            java.time.LocalDate.parse(date);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }
}
