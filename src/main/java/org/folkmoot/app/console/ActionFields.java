package org.folkmoot.app.console;

import java.util.List;
import org.folkmoot.procedure.ActionKind;

/** The fields the facilitator fills in for each kind of action, named as in the meeting format. */
public final class ActionFields {

    /** What a field holds, and so how it is entered. */
    public enum Type {
        TEXT, LONG_TEXT, COUNT, CATEGORY, AMENDMENT, DELEGATE, ENTRY,
        /** A planning entry's resolution: chosen from those the ladder lets it name now, the latest first. */
        RESOLUTION
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
    /** Left as it is, the entry concerns the latest resolution presented (docs/meeting-format.md). */
    private static final Field RESOLUTION = new Field("resolution", Type.RESOLUTION, true);

    private ActionFields() {
    }

    public static List<Field> of(ActionKind kind) {
        return switch (kind) {
            case ATTENDANCE -> List.of(Field.of("present", Type.COUNT));
            case PRESENT -> List.of(Field.of("resolution", Type.TEXT), Field.of("title", Type.TEXT),
                    Field.of("text", Type.LONG_TEXT), Field.of("proposer", Type.TEXT),
                    // a resolution from a higher body names it; left empty for the Community's own
                    new Field("upstream.level", Type.TEXT, true), new Field("upstream.body", Type.TEXT, true),
                    new Field("upstream.resolution", Type.TEXT, true), new Field("upstream.textSha256", Type.TEXT, true),
                    // filled, and locked, when the resolution is a body's signed proposal
                    new Field("upstream.proposalSha256", Type.TEXT, true));
            case DISCUSS -> List.of(new Field("minutes", Type.COUNT, true));
            case SPEAK -> List.of(Field.of("name", Type.TEXT));
            case VOTE -> List.of(RESOLUTION, FOR, AGAINST, ABSTAIN);
            case OBJECTIONS -> List.of(Field.of("nonDealBreakers", Type.COUNT), Field.of("dealBreakers", Type.COUNT));
            case GRIEVANCE -> List.of(Field.of("category", Type.TEXT), Field.of("members", Type.COUNT),
                    Field.of("statement", Type.LONG_TEXT), Field.of("delegate", Type.TEXT));
            case PLEAD -> List.of(Field.of("category", Type.CATEGORY));
            case AGREEMENT -> List.of(Field.of("category", Type.CATEGORY), Field.of("agree", Type.COUNT),
                    Field.of("disagree", Type.COUNT), Field.of("abstain", Type.COUNT));
            case AMEND -> List.of(Field.of("id", Type.TEXT), Field.of("category", Type.CATEGORY),
                    Field.of("find", Type.LONG_TEXT), Field.of("replace", Type.LONG_TEXT));
            case AMENDMENT_VOTE -> List.of(Field.of("id", Type.AMENDMENT), FOR, AGAINST, ABSTAIN);
            case ELECT -> List.of(RESOLUTION, Field.of("name", Type.TEXT), Field.of("mandate", Type.LONG_TEXT), FOR, AGAINST, ABSTAIN);
            case CARRY_FORWARD -> List.of(RESOLUTION, Field.of("plan", Type.LONG_TEXT));
            // the delegate chosen names the resolution that elected them
            case RECALL -> List.of(Field.of("name", Type.DELEGATE), FOR, AGAINST, ABSTAIN);
            case DISMISS -> List.of(RESOLUTION);
            case ADJOURN, RESUME -> List.of(new Field("date", Type.TEXT, true));
            case MEETING -> List.of(Field.of("date", Type.TEXT), Field.of("place", Type.TEXT),
                    Field.of("facilitator", Type.TEXT), Field.of("secretary", Type.TEXT));
            case NOTE -> List.of(Field.of("text", Type.LONG_TEXT));
            case CORRECT -> List.of(Field.of("entry", Type.ENTRY), Field.of("reason", Type.TEXT));
            case CLOSE_ROUND, WITHDRAW -> List.of();
        };
    }

    /** The counts a correction of an entry of {@code kind} asks for again. */
    public static List<Field> correctionCounts(ActionKind kind) {
        return switch (kind) {
            case ATTENDANCE, OBJECTIONS -> of(kind);
            case AGREEMENT -> List.of(Field.of("agree", Type.COUNT), Field.of("disagree", Type.COUNT), Field.of("abstain", Type.COUNT));
            case VOTE, AMENDMENT_VOTE, ELECT, RECALL -> List.of(FOR, AGAINST, ABSTAIN);
            default -> List.of();
        };
    }

    /** Whether the kind's form is a tally that decides something, so the console shows its support live. */
    public static boolean isDecidingTally(ActionKind kind) {
        return switch (kind) {
            case VOTE, AMENDMENT_VOTE, ELECT, RECALL -> true;
            default -> false;
        };
    }
}
