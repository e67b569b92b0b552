package org.folkmoot.procedure;

/** Someone who took the floor, in order. */
public record Speaker(long seq, String name) {
}
