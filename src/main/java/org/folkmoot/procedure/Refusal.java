package org.folkmoot.procedure;

import java.util.Locale;

/**
 * Why an action was not recorded, in words a facilitator understands. A value, never an exception:
 * nothing of a refused action is applied.
 *
 * @param seq  the entry's number in the meeting (its {@code seq}, or its position in a script)
 * @param kind the action's name ({@code vote}, {@code amend}, ...), or null when it could not be read
 * @param why  the reason, to be said in English ({@link #reason()}) or in the facilitator's language
 */
public record Refusal(long seq, String kind, Reason why) {

    /** The reason in English, as {@code replay} prints it. */
    public String reason() {
        return why.text();
    }

    public String reason(Locale locale) {
        return why.text(locale);
    }

    @Override
    public String toString() {
        return "entry " + seq + (kind == null ? "" : " (" + kind + ")") + ": " + reason();
    }
}
