package org.folkmoot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.folkmoot.session.Backup;
import org.folkmoot.verdict.DataFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code folkmoot backup DIR [--with-secret-key]}: every meeting's record, the settings and the public key. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copies every meeting's record (replay --db makes the meeting file again from it), the Community's "
                + "settings and public key to DIR (a USB stick).")
public final class BackupCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Option(names = "--with-secret-key", description = "also the secret key: whoever holds the copy can sign as the Community")
    boolean withSecretKey;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try {
            Backup.Written w = Backup.write(DataFolder.path(), dir, withSecretKey);
            w.keyNotice().ifPresent(line -> spec.commandLine().getErr().println("folkmoot: " + line));
            out.println("backed up " + w.records().size() + " meeting record" + (w.records().size() == 1 ? "" : "s") + " to " + dir
                    + (w.secretKey() ? ", with the secret key: keep this copy as safe as the laptop" : ""));
            for (String u : w.unreadable()) spec.commandLine().getErr().println("folkmoot: not backed up: " + u);
            out.flush();
            return w.unreadable().isEmpty() ? 0 : 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("folkmoot: cannot back up to " + dir + ": " + e.getMessage());
            return 1;
        }
    }
}
