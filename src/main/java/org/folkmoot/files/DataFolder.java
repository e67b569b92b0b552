package org.folkmoot.files;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Folkmoot keeps what belongs to this laptop's Community (its key, later its settings):
 * {@code $FOLKMOOT_HOME} when set, else the platform's user data folder.
 */
public final class DataFolder {
    /** A system property that wins over the environment, so tests and tools can point elsewhere. */
    public static final String PROPERTY = "folkmoot.home";
    public static final String ENVIRONMENT = "FOLKMOOT_HOME";

    private DataFolder() {
    }

    /** The data folder's {@code work} folder (made if need be): temporary files of a count or a check. */
    public static Path work() throws java.io.IOException {
        return java.nio.file.Files.createDirectories(path().resolve("work"));
    }

    public static Path path() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) return Path.of(property);
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) return Path.of(env);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return appData != null ? Path.of(appData, "Folkmoot") : Path.of(home, "AppData", "Roaming", "Folkmoot");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "Folkmoot");
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "folkmoot") : Path.of(home, ".local", "share", "folkmoot");
    }
}
