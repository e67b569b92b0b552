package org.folkmoot.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.Ed25519Keys;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code folkmoot keys show} and {@code folkmoot keys export FILE}: the Community's key pair. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "The Community's signing key (made on first use in the data folder).",
        subcommands = {KeysCommand.Show.class, KeysCommand.Export.class})
public final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CommunityKey key(CommandLine cli) {
        try {
            CommunityKey key = CommunityKey.loadOrCreate(DataFolder.path());
            key.notice().ifPresent(line -> cli.getErr().println("folkmoot: " + line));
            return key;
        } catch (IOException e) {
            cli.getErr().println("folkmoot: the Community key in " + DataFolder.path() + " cannot be used: " + e.getMessage());
            return null;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the key id and the public key.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CommunityKey key = key(spec.commandLine());
            if (key == null) return 1;
            var out = spec.commandLine().getOut();
            out.println("key id:      " + key.keyId());
            out.println("public key:  " + Ed25519Keys.base64(key.publicKey()));
            out.println("data folder: " + DataFolder.path());
            out.flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the public key as a roster entry, for the Municipality to enroll.")
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--id", description = "the Community's id (default: the Community set up in this data folder)")
        String id;

        @Option(names = "--name", description = "the Community's name (default: as set up, or its id)")
        String name;

        @Option(names = "--members", description = "how many members it has (default: as set up)")
        Long members;

        @Option(names = "--force", description = "replace FILE if it exists (never a secret key, never what is not a regular file)")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var cli = spec.commandLine();
            var known = org.folkmoot.session.CommunitySettings.load(DataFolder.path());
            if (id == null && known.isPresent()) id = known.get().id();
            if (name == null) name = known.filter(c -> c.id().equals(id)).map(c -> c.name()).orElse(id);
            if (members == null) members = known.filter(c -> c.id().equals(id)).map(c -> c.members()).orElse(null);
            if (id == null || id.isBlank() || members == null || members < 1) {
                cli.getErr().println("folkmoot: which Community is this key's? Give --id and --members, or set the Community up "
                        + "(the app's start screen, or a first replay) in " + DataFolder.path());
                return FolkmootCommand.REFUSED;
            }
            CommunityKey key = key(cli);
            if (key == null) return 1;
            try {
                org.folkmoot.files.OutputFile.write(file, key.exportEntry(id, name == null ? id : name, members), force,
                        FolkmootCommand.keptAlways());
            } catch (org.folkmoot.files.OutputFile.Refused e) {
                cli.getErr().println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (IOException e) {
                cli.getErr().println("folkmoot: cannot write " + file + ": " + e.getMessage());
                return 1;
            }
            cli.getOut().println("wrote " + file + " (" + key.keyId() + ")");
            cli.getOut().flush();
            return 0;
        }
    }
}
