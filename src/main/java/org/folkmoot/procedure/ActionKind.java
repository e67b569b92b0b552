package org.folkmoot.procedure;

import java.util.Optional;

/**
 * The kinds of action of the meeting format, in the order docs/meeting-format.md lists them: the one place that
 * names them, for the ladder, the record, the console and the minutes.
 */
public enum ActionKind {
    ATTENDANCE("attendance", true),
    PRESENT("present", false),
    DISCUSS("discuss", false),
    SPEAK("speak", false),
    VOTE("vote", true),
    OBJECTIONS("objections", true),
    GRIEVANCE("grievance", false),
    PLEAD("plead", false),
    AGREEMENT("agreement", true),
    AMEND("amend", false),
    AMENDMENT_VOTE("amendment-vote", true),
    CLOSE_ROUND("close-round", false),
    ELECT("elect", true),
    CARRY_FORWARD("carry-forward", false),
    RECALL("recall", true),
    DISMISS("dismiss", false),
    WITHDRAW("withdraw", false),
    ADJOURN("adjourn", false),
    RESUME("resume", false),
    MEETING("meeting", false),
    NOTE("note", false),
    CORRECT("correct", false);

    private final String word;
    private final boolean correctable;

    ActionKind(String word, boolean correctable) {
        this.word = word;
        this.correctable = correctable;
    }

    /** The action's name in the meeting format ({@code "do"}). */
    public String word() {
        return word;
    }

    /** Whether an entry of this kind holds a count, and so may be corrected (docs/meeting-format.md, {@code correct}). */
    public boolean correctable() {
        return correctable;
    }

    /** The planning entries, which name the resolution they concern (docs/procedure.md, step 9). */
    public boolean namesResolution() {
        return this == VOTE || this == ELECT || this == CARRY_FORWARD || this == RECALL || this == DISMISS;
    }

    public static Optional<ActionKind> fromWord(String word) {
        for (ActionKind k : values()) {
            if (k.word.equals(word)) return Optional.of(k);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return word;
    }
}
