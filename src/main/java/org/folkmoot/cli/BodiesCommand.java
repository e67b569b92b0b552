package org.folkmoot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.folkmoot.files.InputFile;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.files.DataFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code folkmoot bodies ...}: the bodies this Community belongs to, each by the key it enrolled in person —
 * a proposal is taken only from them.
 */
@Command(name = "bodies", mixinStandardHelpOptions = true,
        description = "The bodies (Municipality, Region, Collective) whose proposals this Community takes: add, show, remove.",
        subcommands = {BodiesCommand.Add.class, BodiesCommand.Show.class, BodiesCommand.Remove.class})
public final class BodiesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Enroll a body's key from the file its `roster key --export` wrote; read the key id against the body's, in person.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Bodies.Body body = Bodies.readKeyFile(InputFile.read(file, InputFile.Kind.KEY_EXPORT), LocalDate.now());
                Bodies.load(DataFolder.path()).add(body);
                PrintWriter o = spec.commandLine().getOut();
                o.println("enrolled " + (body.body() == null ? "a body's key (the file does not say which body)" : body.named())
                        + ", key " + body.keyId());
                o.println("read this key id against the one the body's clerk reads out (`folkmoot roster key`), in person");
                o.flush();
                return 0;
            } catch (InputFile.Refused e) {
                err.println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (Proposal.Refused e) {
                err.println("folkmoot: " + file + ": " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (IOException e) {
                err.println("folkmoot: cannot write the enrolled bodies in " + DataFolder.path() + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "List the bodies this Community enrolled.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Bodies bodies;
            try {
                bodies = Bodies.load(DataFolder.path());
            } catch (Proposal.Refused e) {
                spec.commandLine().getErr().println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            }
            PrintWriter o = spec.commandLine().getOut();
            if (bodies.all().isEmpty()) o.println("no body enrolled: `folkmoot bodies add FILE` with the key file a body gives");
            for (Bodies.Body b : bodies.all()) {
                o.println(b.keyId() + "  " + b.named() + "  enrolled " + b.enrolled());
            }
            o.flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop taking proposals signed by a body's key.")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "KEYID", description = "the key id `bodies show` lists (ed25519:…)")
        String keyId;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Bodies.load(DataFolder.path()).remove(keyId.strip());
            } catch (Proposal.Refused e) {
                err.println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (IOException e) {
                err.println("folkmoot: cannot write the enrolled bodies in " + DataFolder.path() + ": " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("removed " + keyId.strip() + ": its proposals are no longer taken");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
