package org.folkmoot.store;

/** The meeting file cannot be used as asked; the message is for a person. */
public final class StoreException extends Exception {
    public StoreException(String message) {
        super(message, null, false, false);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
