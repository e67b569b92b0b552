package org.folkmoot.procedure;

/**
 * What an id a person types may hold — a resolution's, a Community's — where it becomes a file name
 * ({@code <id>.verdict}) and a line of output ({@code replay} prints one per resolution): at most
 * {@value #MAX_LENGTH} characters, none of them a control character or a line or paragraph separator
 * (docs/meeting-format.md).
 */
public final class Ids {
    public static final int MAX_LENGTH = 64;

    private Ids() {
    }

    /** Why {@code id} cannot be the {@code field} ("resolution-id", "community-id"), or null when it can. */
    public static Reason problem(String field, String id) {
        int length = id.codePointCount(0, id.length());
        if (length > MAX_LENGTH) return Reason.of("refused.id-too-long", Reason.of("field." + field), length, MAX_LENGTH);
        for (int i = 0; i < id.length(); ) {
            int c = id.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return Reason.of("refused.id-control", Reason.of("field." + field));
            }
        }
        return null;
    }
}
