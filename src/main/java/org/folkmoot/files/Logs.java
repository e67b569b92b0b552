package org.folkmoot.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The program's log: a file in the data folder ({@code logs/folkmoot-0.log}, five files of 1 MB at most,
 * the oldest dropped), never the terminal. It says what the program did — started, opened a meeting file,
 * recorded entry 12 (a vote), exported — and what went wrong, never who said or voted what: names, texts
 * and reasons stay in the meeting's record, which is the only place they belong. The libraries' own logs
 * (Flyway, through SLF4J) come here too, at warning level and above.
 */
public final class Logs {
    private static final String FORMAT = "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n";
    private static boolean started;

    private Logs() {
    }

    /** Sends the log to {@code dataFolder}/logs; when that cannot be written, there is no log (and no failure). */
    public static synchronized void start(Path dataFolder) {
        if (started) return;
        started = true;
        System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        LogManager.getLogManager().reset(); // no console handler: the terminal is the facilitator's
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        Logger.getLogger("org.flywaydb").setLevel(Level.WARNING);
        Logger.getLogger("org.jooq").setLevel(Level.WARNING);
        try {
            Path logs = dataFolder.resolve("logs");
            Files.createDirectories(logs);
            Handler file = new FileHandler(logs.resolve("folkmoot-%g.log").toString(), 1024 * 1024, 5, true);
            file.setFormatter(new SimpleFormatter());
            file.setEncoding("UTF-8");
            root.addHandler(file);
        } catch (IOException | SecurityException e) {
            // a read-only data folder: the program still runs, without a log
        }
    }

    /** The log of one part of the program, e.g. {@code Logs.of("session")}. */
    public static Logger of(String part) {
        return Logger.getLogger("org.folkmoot." + part);
    }
}
