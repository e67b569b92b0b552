package org.folkmoot.procedure;

/**
 * Why an action was not recorded, in words a facilitator understands. A value, never an exception:
 * nothing of a refused action is applied.
 *
 * @param seq  the entry's number in the meeting (its {@code seq}, or its position in a script)
 * @param kind the action's name ({@code vote}, {@code amend}, ...), or null when it could not be read
 */
public record Refusal(long seq, String kind, String reason) {

    @Override
    public String toString() {
        return "entry " + seq + (kind == null ? "" : " (" + kind + ")") + ": " + reason;
    }
}
