package org.folkmoot.procedure;

/** The ladder's votes on the resolution itself, by the names the meeting format uses. */
public enum VoteStage {
    CHECK_1("check-1", "temperature check 1"),
    CHECK_2("check-2", "temperature check 2"),
    FINAL("final", "the final vote"),
    CONTENTION("contention", "a contention vote");

    private final String word;
    private final String spoken;

    VoteStage(String word, String spoken) {
        this.word = word;
        this.spoken = spoken;
    }

    public String word() {
        return word;
    }

    public String spoken() {
        return spoken;
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
