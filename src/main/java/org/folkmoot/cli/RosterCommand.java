package org.folkmoot.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.folkmoot.combine.RosterBook;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.RosterHistory;
import org.folkmoot.verdict.SignedFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code folkmoot roster ...}: a body's roster of Community keys, kept by its clerk. */
@Command(name = "roster", mixinStandardHelpOptions = true,
        description = "Keeps a body's roster of Community keys: new, enroll, retire, revoke, sign, show, key.",
        subcommands = {RosterCommand.New.class, RosterCommand.Enroll.class, RosterCommand.Retire.class,
            RosterCommand.Revoke.class, RosterCommand.Sign.class, RosterCommand.Show.class, RosterCommand.Key.class})
public final class RosterCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The body key of this laptop's data folder (made on first use), or null after saying why not. */
    static CommunityKey bodyKey(PrintWriter err) {
        try {
            return CommunityKey.loadOrCreateBody(DataFolder.path());
        } catch (IOException e) {
            err.println("folkmoot: the body key in " + DataFolder.path() + " cannot be used: " + e.getMessage());
            return null;
        }
    }

    /** Reads, changes and writes a roster back: the change is made whole, or not at all. */
    abstract static class Change implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ROSTER")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract String change(ObjectNode roster) throws RosterBook.Refused, IOException;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            CommunityKey key = bodyKey(err);
            if (key == null) return 1;
            ObjectNode roster;
            try {
                roster = RosterBook.load(file, List.of(key.publicKey()));
                String said = change(roster);
                byte[] changed = RosterBook.plain(roster);
                try {
                    Roster.parse(changed); // nothing is written that no command could read again
                } catch (SignedFile.Refused e) {
                    throw new RosterBook.Refused("the roster would not be readable after this change (" + e.getMessage() + "); nothing changed");
                }
                org.folkmoot.files.OutputFile.writeDurably(file, changed);
                spec.commandLine().getOut().println(said + " — " + file + " is now version " + roster.path("version").asLong());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (RosterBook.Refused e) {
                err.println("folkmoot: " + file + ": " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (IOException e) {
                err.println("folkmoot: cannot write " + file + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Start a body's roster (version 1, no Communities).")
    static final class New implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ROSTER")
        Path file;

        @Option(names = "--level", required = true, description = "municipality, region or collective")
        String level;

        @Option(names = "--id", required = true, description = "the body's id")
        String id;

        @Option(names = "--name", description = "the body's name")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            if (Files.exists(file)) {
                err.println("folkmoot: " + file + " already exists; a roster is kept, not started again");
                return FolkmootCommand.REFUSED;
            }
            try {
                org.folkmoot.files.OutputFile.write(file, RosterBook.plain(RosterBook.create(level, id, name)), false,
                        FolkmootCommand.keptAlways());
            } catch (org.folkmoot.files.OutputFile.Refused e) {
                err.println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (RosterBook.Refused e) {
                err.println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (IOException e) {
                err.println("folkmoot: cannot write " + file + ": " + e.getMessage());
                return 1;
            }
            spec.commandLine().getOut().println("wrote " + file + " (version 1)");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = "Enroll a Community from the file its `keys export` wrote; read the key id against its minutes.")
    static final class Enroll extends Change {
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ENTRY",
                description = "the exported public keys (roster entries): all are enrolled, or, if one is refused, none")
        List<Path> entries;

        @Override
        String change(ObjectNode roster) throws RosterBook.Refused, IOException {
            List<ObjectNode> exported = new ArrayList<>();
            for (Path entry : entries) {
                try {
                    exported.add(SignedFile.object(org.folkmoot.files.InputFile.read(entry, org.folkmoot.files.InputFile.Kind.KEY_EXPORT),
                            "the key export"));
                } catch (SignedFile.Refused e) {
                    throw new RosterBook.Refused(entry + ": " + e.getMessage());
                } catch (org.folkmoot.files.InputFile.Refused e) {
                    throw new RosterBook.Refused(e.getMessage());
                }
            }
            StringBuilder said = new StringBuilder();
            // the keys were just found to be points of prime order: this laptop's counts need not check them again
            try (org.folkmoot.combine.CheckedKeys checked = org.folkmoot.combine.CheckedKeys.here()) {
                for (ObjectNode added : RosterBook.enrollAll(roster, exported, LocalDate.now())) {
                    checked.valid(Ed25519Keys.decodeBase64(added.path("publicKey").asText()));
                    enrolled(said, added);
                }
            }
            return said.append("\nread each key id against the one printed on that Community's minutes").toString();
        }

        private static void enrolled(StringBuilder said, ObjectNode added) {
            byte[] key = Ed25519Keys.decodeBase64(added.path("publicKey").asText());
            if (said.length() > 0) said.append('\n');
            said.append("enrolled ").append(added.path("name").asText()).append(" (").append(added.path("id").asText()).append("), ")
                    .append(added.path("members").asLong()).append(" members, key ").append(Ed25519Keys.keyId(key));
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true,
            description = "Retire a Community's key: its verdicts up to the day given still verify.")
    static final class Retire extends Change {
        @Parameters(index = "1", paramLabel = "COMMUNITY")
        String community;

        @Option(names = "--until", paramLabel = "DATE", description = "the last day the key signs for (default: today)",
                converter = Day.class)
        LocalDate until;

        @Override
        String change(ObjectNode roster) throws RosterBook.Refused {
            LocalDate day = until == null ? LocalDate.now() : until;
            RosterBook.retire(roster, community, day);
            return "retired the key of " + community + " after " + day;
        }
    }

    /** A day as the roster writes it: picocli's own conversion would print the Java exception's text. */
    static final class Day implements picocli.CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a day written YYYY-MM-DD");
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a Community's key: it verifies nothing any more.")
    static final class Revoke extends Change {
        @Parameters(index = "1", paramLabel = "COMMUNITY")
        String community;

        @Option(names = "--key", paramLabel = "KEYID", description = "which of its keys (default: the active one)")
        String keyId;

        @Override
        String change(ObjectNode roster) throws RosterBook.Refused {
            RosterBook.revoke(roster, community, keyId);
            return "revoked " + (keyId == null ? "the key" : "key " + keyId) + " of " + community;
        }
    }

    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = "Sign the roster with this laptop's body key; a version already signed is not signed again.")
    static final class Sign implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ROSTER")
        Path file;

        @Option(names = "--out", required = true, paramLabel = "SIGNED")
        Path out;

        @Option(names = "--force", description = "replace SIGNED if it exists (never the roster itself)")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            CommunityKey key = bodyKey(err);
            if (key == null) return 1;
            try {
                ObjectNode roster = RosterBook.load(file, List.of(key.publicKey()));
                byte[] signedFile = RosterBook.sign(roster, key);
                Roster read = Roster.parse(SignedFile.parse(signedFile).payload());
                if (read.body() == null || read.body().level() == null || read.body().id() == null) {
                    err.println("folkmoot: " + file + ": the roster does not name its body (level, id, name); make it with `folkmoot roster new`");
                    return FolkmootCommand.REFUSED;
                }
                String body = read.body().id();
                long version = read.version();
                try {
                    RosterHistory.here().sign(read.body(), version, read.contentSha256(), () -> org.folkmoot.files.OutputFile.write(out, signedFile,
                            force, FolkmootCommand.keptAlways(new org.folkmoot.files.OutputFile.Kept(file, "the roster being signed"))));
                } catch (SignedFile.Refused e) {
                    err.println("folkmoot: " + e.getMessage());
                    return FolkmootCommand.REFUSED;
                }
                spec.commandLine().getOut().println("signed version " + version + " of " + body + "'s roster with " + key.keyId()
                        + " — wrote " + out);
                spec.commandLine().getOut().flush();
                return 0;
            } catch (RosterBook.Refused e) {
                err.println("folkmoot: " + file + ": " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (org.folkmoot.files.OutputFile.Refused e) {
                err.println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (SignedFile.Refused e) {
                err.println("folkmoot: " + file + ": " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (IOException e) {
                err.println("folkmoot: cannot write " + out + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "List the roster's Communities and keys.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ROSTER")
        Path file;

        @Option(names = "--roster-key", paramLabel = "KEY", description = "the public key (base64) that signed it, if not this laptop's")
        List<String> rosterKeys = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            CommunityKey key = bodyKey(err);
            if (key == null) return 1;
            Roster roster = RosterKeys.read(file, key.publicKey(), rosterKeys, err);
            if (roster == null) return FolkmootCommand.REFUSED;
            Roster.Body b = roster.body();
            out.println((b == null ? "a roster" : b.name() + " (" + b.level() + " " + b.id() + ")") + ", version " + roster.version()
                    + ", " + roster.size() + (roster.size() == 1 ? " Community" : " Communities") + (roster.signedBy() == null ? ", not signed" : ", signed by " + roster.signedBy()));
            for (Map.Entry<String, Roster.Entry> e : roster.communities().entrySet()) {
                for (Roster.Entry k : roster.keys(e.getKey())) {
                    out.println("  " + k.id() + "  " + k.name() + "  " + k.members() + " members  " + k.keyId() + "  " + k.status()
                            + (k.validFrom() == null ? "" : "  from " + k.validFrom()) + (k.validUntil() == null ? "" : "  until " + k.validUntil()));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = "Print this laptop's body key, the key that signs its rosters, results and proposals; "
                    + "--export writes it for the body's Communities to enroll (`folkmoot bodies add`).")
    static final class Key implements Callable<Integer> {
        @Option(names = "--export", paramLabel = "FILE", description = "write the public key for the body's Communities")
        Path export;

        @Option(names = "--roster", paramLabel = "ROSTER", description = "the body's roster, so the file names the body it signs for")
        Path roster;

        @Option(names = "--roster-key", paramLabel = "KEY", description = "the public key (base64) that signed the roster, if not this laptop's")
        List<String> rosterKeys = new ArrayList<>();

        @Option(names = "--force", description = "replace FILE if it exists")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            var err = spec.commandLine().getErr();
            CommunityKey key = bodyKey(err);
            if (key == null) return 1;
            var out = spec.commandLine().getOut();
            if (export == null) {
                if (roster != null) {
                    err.println("folkmoot: --roster names the body in the file --export writes; give --export FILE too");
                    return FolkmootCommand.REFUSED;
                }
                out.println("key id:      " + key.keyId());
                out.println("public key:  " + Ed25519Keys.base64(key.publicKey()));
                out.flush();
                return 0;
            }
            Roster.Body body = null;
            if (roster != null) {
                Roster read = RosterKeys.read(roster, key.publicKey(), rosterKeys, err);
                if (read == null) return FolkmootCommand.REFUSED;
                body = read.body();
                if (body == null || body.level() == null || body.id() == null) {
                    err.println("folkmoot: " + roster + ": the roster does not name its body (level, id, name); make it with `folkmoot roster new`");
                    return FolkmootCommand.REFUSED;
                }
            }
            try {
                org.folkmoot.files.OutputFile.write(export, org.folkmoot.proposal.Bodies.keyFile(body, key), force,
                        FolkmootCommand.keptAlways(new org.folkmoot.files.OutputFile.Kept(roster, "the roster")));
            } catch (org.folkmoot.files.OutputFile.Refused e) {
                err.println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (IOException e) {
                err.println("folkmoot: cannot write " + export + ": " + e.getMessage());
                return 1;
            }
            out.println("wrote " + export + " — the body key " + key.keyId() + (body == null ? "" : " of " + body.name() + " ("
                    + body.level() + " " + body.id() + ")"));
            if (body == null) out.println("the file does not name the body: give --roster ROSTER so its Communities see whose key it is");
            out.println("each Community enrolls it with `folkmoot bodies add " + export.getFileName() + "` and reads the key id against yours, in person");
            out.flush();
            return 0;
        }
    }
}
