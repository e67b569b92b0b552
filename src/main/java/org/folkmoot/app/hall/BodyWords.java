package org.folkmoot.app.hall;

import java.util.ResourceBundle;
import org.folkmoot.verdict.Roster;

/** A body named in the app's language: "Millbrook (Municipio M7)" on a Spanish screen, not the format's "municipality". */
public final class BodyWords {
    private BodyWords() {
    }

    /** The level's word ({@code bodies.level.*}); a level the program does not know is shown as written. */
    public static String level(String level, ResourceBundle text) {
        String key = "bodies.level." + level;
        return level != null && text.containsKey(key) ? text.getString(key) : String.valueOf(level);
    }

    /** "Millbrook (Municipality M7)"; the id stands for a name the body did not give. */
    public static String named(Roster.Body b, ResourceBundle text) {
        String name = b.name() == null || b.name().isBlank() ? b.id() : b.name();
        return name + " (" + level(b.level(), text) + " " + b.id() + ")";
    }
}
