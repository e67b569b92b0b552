package org.folkmoot.app.hall;

import java.util.ResourceBundle;
import javafx.util.StringConverter;

/**
 * The basis of support as a choice box says it: the value kept is the rule's own word ({@code cast},
 * {@code present}: what the meeting file and the command line write), the word shown is the screen's language's.
 */
public final class BasisWords {
    private BasisWords() {
    }

    /** Shows {@code basis.<word>} of {@code text} for each rule word; a word it has no entry for is shown as it is. */
    public static StringConverter<String> converter(ResourceBundle text) {
        return new StringConverter<>() {
            @Override
            public String toString(String word) {
                if (word == null) return "";
                return text.containsKey("basis." + word) ? text.getString("basis." + word) : word;
            }

            @Override
            public String fromString(String shown) {
                // a choice box is not typed into; a shown word is turned back into the rule's word for completeness
                for (String word : new String[] {"cast", "present"}) {
                    if (toString(word).equals(shown)) return word;
                }
                return shown;
            }
        };
    }
}
