package org.folkmoot.procedure;

/** The terminal outcomes of docs/procedure.md, one per resolution. */
public enum Outcome {
    PASSED("passed"),
    NOT_PASSED("not-passed"),
    TABLED("tabled"),
    DISMISSED("dismissed"),
    WITHDRAWN("withdrawn");

    private final String word;

    Outcome(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
