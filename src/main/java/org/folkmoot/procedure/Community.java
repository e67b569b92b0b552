package org.folkmoot.procedure;

/** The Community holding the meeting: its id, name and number of members. */
public record Community(String id, String name, long members) {
    /**
     * The most members a Community may have, and so the largest count of a meeting: far above any assembly,
     * and small enough that every sum and product the procedure takes of counts fits a {@code long}
     * (docs/decisions/0006-files.md).
     */
    public static final long MAX_MEMBERS = 1_000_000_000L;
}
