package org.folkmoot.procedure;

/** The Community holding the meeting: its id, name and number of members. */
public record Community(String id, String name, long members) {
}
