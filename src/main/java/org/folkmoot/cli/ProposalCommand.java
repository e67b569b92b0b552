package org.folkmoot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.folkmoot.combine.BodyRules;
import org.folkmoot.files.InputFile;
import org.folkmoot.files.OutputFile;
import org.folkmoot.proposal.Bodies;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code folkmoot proposal ...}: a body's resolution, signed for every Community of the body to present. */
@Command(name = "proposal", mixinStandardHelpOptions = true,
        description = "A body's signed proposal: new (the clerk issues it), show (anyone checks it).",
        subcommands = {ProposalCommand.New.class, ProposalCommand.Show.class})
public final class ProposalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Write a signed proposal from a text file (its final line break dropped), the roster and the body's rules.")
    static final class New implements Callable<Integer> {
        @Option(names = "--id", required = true, paramLabel = "ID", description = "the body's resolution id")
        String id;

        @Option(names = "--title", required = true, paramLabel = "TITLE")
        String title;

        @Option(names = "--text-file", required = true, paramLabel = "FILE", description = "the resolution's text, UTF-8")
        Path textFile;

        @Option(names = "--report-by", required = true, paramLabel = "DATE", converter = RosterCommand.Day.class,
                description = "the day the body wants the verdicts by (YYYY-MM-DD)")
        LocalDate reportBy;

        @Option(names = "--roster", required = true, paramLabel = "ROSTER", description = "the body's roster, plain or signed")
        Path roster;

        @Option(names = "--roster-key", paramLabel = "KEY",
                description = "the public key (base64) that signed the roster, if not this laptop's body key")
        List<String> rosterKeys = new ArrayList<>();

        @Option(names = "--proposer", paramLabel = "NAME", description = "who proposes it (default: the body's name)")
        String proposer;

        @CommandLine.Mixin
        BodyRuleOptions ruleOptions = new BodyRuleOptions();

        @Option(names = "--out", required = true, paramLabel = "FILE.proposal")
        Path out;

        @Option(names = "--force", description = "replace the file if it exists (never the roster or the text)")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            BodyRules rules = ruleOptions.rules();
            try {
                OutputFile.mayWrite(out, null, force, FolkmootCommand.keptAlways(new OutputFile.Kept(roster, "the roster"),
                        new OutputFile.Kept(textFile, "the resolution's text")));
            } catch (OutputFile.Refused e) {
                err.println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            }
            String text;
            try {
                byte[] bytes = InputFile.read(textFile, Proposal.MAX_TEXT_BYTES + 2L, "a resolution's text");
                text = Proposal.textOf(bytes);
            } catch (InputFile.Refused e) {
                err.println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (Proposal.Refused e) {
                err.println("folkmoot: " + textFile + ": " + e.getMessage());
                return FolkmootCommand.REFUSED;
            }
            CommunityKey key = RosterCommand.bodyKey(err);
            if (key == null) return 1;
            Roster read = RosterKeys.read(roster, key.publicKey(), rosterKeys, err);
            if (read == null) return FolkmootCommand.REFUSED;
            Proposal p;
            try {
                p = Proposal.issue(new Proposal.Draft(read.body(), id.strip(), title.strip(), text, blankToNull(proposer), rules, read,
                        reportBy), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), key);
            } catch (Proposal.Refused e) {
                err.println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            }
            try {
                OutputFile.write(out, p.file(), force, FolkmootCommand.keptAlways(new OutputFile.Kept(roster, "the roster"),
                        new OutputFile.Kept(textFile, "the resolution's text")));
            } catch (OutputFile.Refused e) {
                err.println("folkmoot: " + e.getMessage());
                return FolkmootCommand.REFUSED;
            } catch (IOException e) {
                err.println("folkmoot: cannot write " + out + ": " + e.getMessage());
                return 1;
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("wrote " + out + " — proposal " + p.resolution() + " of " + p.from() + ", to report by " + p.reportBy());
            o.println("fingerprint " + p.fingerprint() + ", text " + p.textSha256() + ", signed by " + key.keyId());
            if (LocalDate.now().isAfter(p.reportBy())) o.println("note: the day to report by, " + p.reportBy() + ", has passed already");
            o.flush();
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Check a proposal against the bodies this Community enrolled (and this laptop's body key) and print it.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.proposal")
        Path file;

        @Option(names = "--json", description = "print the proposal's payload as it was signed")
        boolean json;

        @Option(names = "--body-key", paramLabel = "KEY", description = "also trust this body's public key (base64)")
        List<String> bodyKeys = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Bodies.Checked c;
            try {
                c = check(file, bodyKeys);
            } catch (Proposal.Refused e) {
                err.println("folkmoot: " + file + ": " + e.getMessage());
                return 1;
            }
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                o.println(new String(c.proposal().payload(), java.nio.charset.StandardCharsets.UTF_8));
                o.flush();
                return 0;
            }
            for (String line : describe(c)) o.println(line);
            o.flush();
            return 0;
        }
    }

    /**
     * The proposal in {@code file}, its signature checked against the enrolled bodies, this laptop's body key
     * (when it has one) and the keys given; refused with the reason otherwise.
     */
    static Bodies.Checked check(Path file, List<String> bodyKeys) throws Proposal.Refused {
        byte[] bytes;
        try {
            bytes = InputFile.read(file, InputFile.Kind.PROPOSAL);
        } catch (InputFile.Refused e) {
            throw new Proposal.Refused(e.reason());
        }
        Path data = DataFolder.path();
        List<Bodies.Trusted> also = new ArrayList<>();
        try {
            CommunityKey.existingBody(data).ifPresent(k -> also.add(new Bodies.Trusted(k.publicKey(), "this laptop's body key")));
        } catch (IOException e) {
            throw new Proposal.Refused("the body key in " + data + " cannot be used: " + e.getMessage());
        }
        for (String k : bodyKeys) {
            byte[] key = Ed25519Keys.decodeBase64(k.strip());
            if (key == null || !Ed25519Keys.isValidPublicKey(key)) throw new Proposal.Refused("--body-key is not a valid public key (base64 of 32 bytes)");
            also.add(new Bodies.Trusted(key, "the key given"));
        }
        return Bodies.load(data).check(bytes, also);
    }

    /** The proposal as the clerk and the facilitator read it, one fact a line. */
    static List<String> describe(Bodies.Checked c) {
        Proposal p = c.proposal();
        BodyRules r = p.rules();
        List<String> lines = new ArrayList<>();
        lines.add("proposal " + p.resolution() + " \"" + p.title() + "\" from " + p.from());
        lines.add("  signed by " + c.signedBy() + (c.enrolled() == null ? " (this laptop's own body key, or the key given — not one of the bodies enrolled)"
                : " — enrolled for " + c.enrolled().named() + " on " + c.enrolled().enrolled()));
        lines.add("  fingerprint " + p.fingerprint() + "   (payload SHA-256 " + p.payloadSha256() + ")");
        lines.add("  report by " + p.reportBy() + (LocalDate.now().isAfter(p.reportBy()) ? " — passed already" : ""));
        if (p.proposer() != null) lines.add("  proposer: " + p.proposer());
        lines.add("  text SHA-256 " + p.textSha256());
        lines.add("  the body requires: consensus " + r.consensus() + ", final " + r.finalVote() + ", contention " + r.contention()
                + ", basis " + r.basis().word());
        lines.add("  the body decides: passed with " + r.passConsensus() + " (consensus) or " + r.passSupermajority()
                + " (supermajority) of those reporting; more than " + r.reportingQuorum() + " of the roster must report");
        lines.add("  roster version " + p.rosterVersion() + " (SHA-256 " + p.rosterSha256() + ")");
        lines.add("  issued " + p.issuedAt() + " by " + p.program());
        lines.add("  text:");
        for (String line : p.text().split("\\R", -1)) lines.add("    " + line);
        return lines;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
