package org.folkmoot.procedure;

/** The secretary's words for the minutes, with the resolution open when they were written (or null). */
public record Note(long seq, String text, String resolution) {
}
