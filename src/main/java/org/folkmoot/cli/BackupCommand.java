package org.folkmoot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.folkmoot.files.OutputFile;
import org.folkmoot.session.CommunitySettings;
import org.folkmoot.session.Backup;
import org.folkmoot.files.DataFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code folkmoot backup DIR [--with-secret-key]}: every meeting's record, the settings, the enrolled bodies, the proposals and the public key. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copies every meeting's record (replay --db makes the meeting file again from it), the Community's "
                + "settings, the bodies it enrolled, the proposals it presented and its public key to DIR (a USB stick).")
public final class BackupCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Option(names = "--with-secret-key", description = "also the secret key: whoever holds the copy can sign as the Community")
    boolean withSecretKey;

    @Option(names = "--force", description = "replace the files an earlier backup left in DIR")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try {
            for (Path target : targets()) OutputFile.mayWrite(target, null, force, FolkmootCommand.keptAlways());
        } catch (OutputFile.Refused e) {
            spec.commandLine().getErr().println("folkmoot: " + e.getMessage());
            return FolkmootCommand.REFUSED;
        } catch (IOException e) {
            spec.commandLine().getErr().println("folkmoot: cannot back up to " + dir + ": " + e.getMessage());
            return 1;
        }
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

    /** The files {@link Backup#write} writes in DIR, checked before it writes the first: a refusal changes nothing. */
    private List<Path> targets() throws IOException {
        Path data = DataFolder.path();
        List<Path> targets = new ArrayList<>();
        Path meetings = data.resolve("meetings");
        if (Files.isDirectory(meetings)) {
            try (Stream<Path> files = Files.list(meetings)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".meeting")).toList()) {
                    String name = f.getFileName().toString();
                    targets.add(dir.resolve(name.substring(0, name.length() - ".meeting".length()) + ".jsonl"));
                }
            }
        }
        if (Files.exists(data.resolve(CommunitySettings.FILE))) targets.add(dir.resolve(CommunitySettings.FILE));
        if (Files.exists(data.resolve(org.folkmoot.proposal.Bodies.FILE))) targets.add(dir.resolve(org.folkmoot.proposal.Bodies.FILE));
        for (Path p : Backup.shelf(data)) targets.add(dir.resolve(Backup.SHELF).resolve(p.getFileName().toString()));
        targets.add(dir.resolve("community.public-key.txt"));
        if (withSecretKey) targets.add(dir.resolve("community.key"));
        return targets;
    }
}
