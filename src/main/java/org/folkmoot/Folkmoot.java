package org.folkmoot;

import org.folkmoot.files.Logs;
import org.folkmoot.cli.FolkmootCommand;

/** No arguments: the desktop app. A command: the command line, with the same engine. */
public final class Folkmoot {
    private Folkmoot() {
    }

    public static void main(String[] args) {
        // jOOQ greets on first use; the facilitator's terminal is not the place for it
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        Logs.start(org.folkmoot.files.DataFolder.path());
        Logs.of("program").info(() -> org.folkmoot.verdict.Program.nameAndVersion() + " started on Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name")
                + (args.length == 0 ? " (the desktop app)" : " (" + (org.folkmoot.app.check.FileCheck.isFileToCheck(args) ? "a file to check" : args[0]) + ")"));
        // no command, or one verdict or result file (opened from the file manager): the desktop app
        if (args.length == 0 || org.folkmoot.app.check.FileCheck.isFileToCheck(args)) {
            int shown = org.folkmoot.app.FolkmootApp.launchApp(args);
            if (shown != 0) System.exit(shown);
            return;
        }
        int status;
        try {
            status = FolkmootCommand.run(args);
        } catch (Throwable t) { // NOPMD: the last line of defence; a person never sees a stack trace
            System.err.println("folkmoot: unexpected failure: " + t);
            status = 1;
        }
        System.exit(status);
    }
}
