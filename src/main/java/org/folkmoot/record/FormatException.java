package org.folkmoot.record;

/** A line of a meeting file that cannot be read as the format says; the message is for a person. */
public final class FormatException extends Exception {
    public FormatException(String message) {
        super(message, null, false, false);
    }
}
