package org.folkmoot.procedure;

/** A correction as the minutes show it: which entry, why, what stood there and what replaces it. */
public record Correction(long seq, long entry, String reason, Action original, Action replacement) {
}
