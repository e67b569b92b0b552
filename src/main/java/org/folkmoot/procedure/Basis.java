package org.folkmoot.procedure;

/** What a support is measured against: the votes cast (abstentions stand aside) or everyone present. */
public enum Basis {
    CAST("cast"),
    PRESENT("present");

    private final String word;

    Basis(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Basis fromWord(String word) {
        for (Basis basis : values()) {
            if (basis.word.equals(word)) {
                return basis;
            }
        }
        throw new IllegalArgumentException("basis must be \"cast\" or \"present\", not \"" + word + "\"");
    }
}
