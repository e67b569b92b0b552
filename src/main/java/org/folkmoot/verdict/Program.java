package org.folkmoot.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This program's name and version, as verdicts carry it: {@code "folkmoot X.Y.Z"}. */
public final class Program {
    private static final String VERSION = read();

    private Program() {
    }

    public static String version() {
        return VERSION;
    }

    public static String nameAndVersion() {
        return "folkmoot " + VERSION;
    }

    private static String read() {
        try (InputStream in = Program.class.getResourceAsStream("/org/folkmoot/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "0.0.0");
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
