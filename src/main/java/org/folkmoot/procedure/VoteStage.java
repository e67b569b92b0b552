package org.folkmoot.procedure;

/** The ladder's votes on the resolution itself, by the names the meeting format uses. */
public enum VoteStage {
    CHECK_1("check-1"),
    CHECK_2("check-2"),
    FINAL("final"),
    CONTENTION("contention");

    private final String word;

    VoteStage(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The vote in English words, e.g. "temperature check 1" ({@link Reason} says it in others). */
    public String spoken() {
        return Reason.word(this, java.util.Locale.ROOT);
    }

    public static VoteStage fromWord(String word) {
        for (VoteStage stage : values()) {
            if (stage.word.equals(word)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("stage must be check-1, check-2, final or contention, not \"" + word + "\"");
    }
}
