package org.folkmoot.record;

import java.time.LocalDate;

/**
 * The record's own ways of writing a time, read by hand: a meeting's day, YYYY-MM-DD, and an entry's instant,
 * YYYY-MM-DDThh:mm:ssZ. One reading for the header (a meeting starts only with a day every verifier reads)
 * and for the verifier (a count reads a million of them, where a formatter costs some 3 µs each).
 */
public final class RecordDates {
    private RecordDates() {
    }

    /** The day {@code text} is, written YYYY-MM-DD (a real day of the calendar), or null. */
    public static LocalDate day(String text) {
        return text != null && text.length() == 10 ? dayAtStart(text) : null;
    }

    /** The day of {@code text} written as the record writes an instant ("2026-11-28T19:40:00Z"), or null. */
    public static LocalDate dayOfInstant(String text) {
        return text != null && text.length() == 20 && text.charAt(10) == 'T' && text.charAt(19) == 'Z' && clock(text, 11)
                ? dayAtStart(text) : null;
    }

    private static LocalDate dayAtStart(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') return null;
        int year = digits(text, 0, 4), month = digits(text, 5, 7), day = digits(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) return null;
        return LocalDate.of(year, month, day);
    }

    /** Whether {@code text} has hh:mm:ss at {@code at}, a time of a day. */
    private static boolean clock(String text, int at) {
        return text.charAt(at + 2) == ':' && text.charAt(at + 5) == ':' && digits(text, at, at + 2) >= 0 && digits(text, at, at + 2) < 24
                && digits(text, at + 3, at + 5) >= 0 && digits(text, at + 3, at + 5) < 60
                && digits(text, at + 6, at + 8) >= 0 && digits(text, at + 6, at + 8) < 60;
    }

    /** The decimal number of the characters from {@code from} to {@code to}, or -1 when one is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
