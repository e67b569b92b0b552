package org.folkmoot.procedure;

/**
 * A pause in the meeting: adjourned at entry {@code seq}, resumed at {@code resumedSeq} (0 while it lasts).
 * The dates are as the facilitator gave them, or null.
 */
public record Adjournment(long seq, String date, long resumedSeq, String resumedDate) {
}
