package org.folkmoot.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: the same engine as the app. */
@Command(name = "folkmoot",
        mixinStandardHelpOptions = true,
        versionProvider = FolkmootCommand.Version.class,
        description = "Runs a Community assembly. With no command, the desktop app starts.",
        subcommands = {ReplayCommand.class, VerifyCommand.class, AuditCommand.class, KeysCommand.class,
                CombineCommand.class, RosterCommand.class, ProposalCommand.class, BodiesCommand.class, BackupCommand.class})
public final class FolkmootCommand implements Runnable {

    /** Exit status of a refused input (docs/meeting-format.md). */
    public static final int REFUSED = 2;

    /**
     * Exit status of a usage error: an unknown option, a missing one, a value that is not of its kind (EX_USAGE of
     * sysexits.h). Not {@link #REFUSED}: a script must tell "the input was refused" from "I called it wrongly".
     */
    public static final int USAGE = 64;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with the process's own output streams; returns the exit status. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new FolkmootCommand());
        cli.setOut(out);
        cli.setErr(err);
        // one line naming what is wrong and where the help is, not picocli's message followed by the whole usage
        cli.setParameterExceptionHandler((e, given) -> {
            CommandLine wrong = e.getCommandLine();
            wrong.getErr().println("folkmoot: " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ")
                    + " (see '" + wrong.getCommandSpec().qualifiedName() + " --help')");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // the last line of defence: one line, never a stack trace
            commandLine.getErr().println("folkmoot: unexpected failure: " + e);
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * Files no command writes over, even with {@code --force}, besides the ones each reads: the data folder's
     * secret keys (whoever overwrote one would lose the Community's or the body's signature for good).
     */
    static java.util.List<org.folkmoot.files.OutputFile.Kept> keptAlways(org.folkmoot.files.OutputFile.Kept... more) {
        java.nio.file.Path data = org.folkmoot.files.DataFolder.path();
        java.util.List<org.folkmoot.files.OutputFile.Kept> kept = new java.util.ArrayList<>(java.util.List.of(
                new org.folkmoot.files.OutputFile.Kept(data.resolve("community.key"), "the Community's secret key"),
                new org.folkmoot.files.OutputFile.Kept(data.resolve("body.key"), "the body's secret key")));
        kept.addAll(org.folkmoot.files.OutputFile.kept(more));
        return kept;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {org.folkmoot.verdict.Program.nameAndVersion()};
        }
    }
}
