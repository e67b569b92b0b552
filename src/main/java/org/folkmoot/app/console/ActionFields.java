package org.folkmoot.app.console;

import java.util.List;

/** The fields the facilitator fills in for each kind of action, named as in the meeting format. */
public final class ActionFields {

    /** What a field holds, and so how it is entered. */
    public enum Type {
        TEXT, LONG_TEXT, COUNT, CATEGORY, AMENDMENT, DELEGATE, ENTRY
    }

    /** One field: its key in the meeting format, its type, and whether it may be left empty. */
    public record Field(String key, Type type, boolean optional) {
        static Field of(String key, Type type) {
            return new Field(key, type, false);
        }
    }

    private static final Field FOR = Field.of("for", Type.COUNT);
    private static final Field AGAINST = Field.of("against", Type.COUNT);
    private static final Field ABSTAIN = Field.of("abstain", Type.COUNT);

    private ActionFields() {
    }

    public static List<Field> of(String kind) {
        return switch (kind) {
            case "attendance" -> List.of(Field.of("present", Type.COUNT));
            case "present" -> List.of(Field.of("resolution", Type.TEXT), Field.of("title", Type.TEXT),
                    Field.of("text", Type.LONG_TEXT), Field.of("proposer", Type.TEXT),
                    // a resolution from a higher body names it; left empty for the Community's own
                    new Field("upstream.level", Type.TEXT, true), new Field("upstream.body", Type.TEXT, true),
                    new Field("upstream.resolution", Type.TEXT, true), new Field("upstream.textSha256", Type.TEXT, true));
            case "discuss" -> List.of(new Field("minutes", Type.COUNT, true));
            case "speak" -> List.of(Field.of("name", Type.TEXT));
            case "vote", "amendment-vote-counts" -> List.of(FOR, AGAINST, ABSTAIN);
            case "objections" -> List.of(Field.of("nonDealBreakers", Type.COUNT), Field.of("dealBreakers", Type.COUNT));
            case "grievance" -> List.of(Field.of("category", Type.TEXT), Field.of("members", Type.COUNT),
                    Field.of("statement", Type.LONG_TEXT), Field.of("delegate", Type.TEXT));
            case "plead" -> List.of(Field.of("category", Type.CATEGORY));
            case "agreement" -> List.of(Field.of("category", Type.CATEGORY), Field.of("agree", Type.COUNT),
                    Field.of("disagree", Type.COUNT), Field.of("abstain", Type.COUNT));
            case "amend" -> List.of(Field.of("id", Type.TEXT), Field.of("category", Type.CATEGORY),
                    Field.of("find", Type.LONG_TEXT), Field.of("replace", Type.LONG_TEXT));
            case "amendment-vote" -> List.of(Field.of("id", Type.AMENDMENT), FOR, AGAINST, ABSTAIN);
            case "elect" -> List.of(Field.of("name", Type.TEXT), Field.of("mandate", Type.LONG_TEXT), FOR, AGAINST, ABSTAIN);
            case "carry-forward" -> List.of(Field.of("plan", Type.LONG_TEXT));
            case "recall" -> List.of(Field.of("name", Type.DELEGATE), FOR, AGAINST, ABSTAIN);
            case "adjourn", "resume" -> List.of(new Field("date", Type.TEXT, true));
            case "meeting" -> List.of(Field.of("date", Type.TEXT), Field.of("place", Type.TEXT),
                    Field.of("facilitator", Type.TEXT), Field.of("secretary", Type.TEXT));
            case "note" -> List.of(Field.of("text", Type.LONG_TEXT));
            case "correct" -> List.of(Field.of("entry", Type.ENTRY), Field.of("reason", Type.TEXT));
            default -> List.of(); // close-round, dismiss, withdraw
        };
    }

    /** The counts a correction of an entry of {@code kind} asks for again. */
    public static List<Field> correctionCounts(String kind) {
        return switch (kind) {
            case "attendance" -> of("attendance");
            case "objections" -> of("objections");
            case "agreement" -> List.of(Field.of("agree", Type.COUNT), Field.of("disagree", Type.COUNT), Field.of("abstain", Type.COUNT));
            case "vote", "amendment-vote", "elect", "recall" -> List.of(FOR, AGAINST, ABSTAIN);
            default -> List.of();
        };
    }

    /** Whether the kind's form is a tally that decides something, so the console shows its support live. */
    public static boolean isDecidingTally(String kind) {
        return switch (kind) {
            case "vote", "amendment-vote", "elect", "recall" -> true;
            default -> false;
        };
    }
}
