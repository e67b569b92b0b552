package org.folkmoot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.folkmoot.combine.Against;
import org.folkmoot.combine.BodyRules;
import org.folkmoot.combine.Combination;
import org.folkmoot.combine.SummaryText;
import org.folkmoot.combine.TallyWriter;
import org.folkmoot.files.InputFile;
import org.folkmoot.files.OutputFile;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.files.DataFolder;
import org.folkmoot.verdict.Ed25519Keys;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code folkmoot combine --roster ROSTER (--proposal FILE | --resolution ID --text-sha256 HEX) FILE... --out RESULT}:
 * a body's count of its Communities' verdicts (and of lower bodies' results), written as a signed result. Against
 * the body's proposal, the resolution, text hash and rules are the proposal's (docs/decisions/0013-proposals.md).
 */
@Command(name = "combine", mixinStandardHelpOptions = true,
        description = "Counts the Community verdicts of a resolution (files or folders; lower bodies' results too) "
                + "and writes the body's signed result.")
public final class CombineCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "verdict files, results, or folders of them (read recursively)")
    List<Path> inputs;

    @Option(names = "--roster", required = true, paramLabel = "ROSTER", description = "the body's roster, plain or signed")
    Path roster;

    @Option(names = "--roster-key", paramLabel = "KEY",
            description = "the public key (base64) that signed the roster, if not this laptop's body key")
    List<String> rosterKeys = new ArrayList<>();

    @Option(names = "--proposal", paramLabel = "FILE.proposal",
            description = "the body's proposal to count against: its resolution, text hash and rules, and the day to report by")
    Path proposal;

    @Option(names = "--body-key", paramLabel = "KEY",
            description = "the public key (base64) that signed the proposal, if not this laptop's body key")
    List<String> bodyKeys = new ArrayList<>();

    @Option(names = "--resolution", paramLabel = "ID", description = "the body's resolution (without --proposal)")
    String resolution;

    @Option(names = "--text-sha256", paramLabel = "HEX", description = "SHA-256 of the resolution's text (without --proposal)")
    String textSha256;

    @Option(names = "--out", required = true, paramLabel = "RESULT", description = "where to write the signed result")
    Path out;

    @CommandLine.Mixin
    BodyRuleOptions ruleOptions = new BodyRuleOptions();

    @Option(names = "--force", description = "replace RESULT if it exists (never the roster, an input, or what is not a regular file)")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "verifying threads (default: every core)")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var stdout = spec.commandLine().getOut();
        var stderr = spec.commandLine().getErr();
        // one source for the count: the proposal, or the resolution and its text hash typed (with the rules as options)
        if (proposal != null && (resolution != null || textSha256 != null)) {
            stderr.println("folkmoot: --proposal gives the resolution and its text hash: not also --resolution or --text-sha256");
            return FolkmootCommand.REFUSED;
        }
        if (proposal != null && ruleOptions.anyGiven()) {
            stderr.println("folkmoot: --proposal gives the body's rules: not also --consensus, --final, --contention, --basis, "
                    + "--pass-consensus, --pass-supermajority or --reporting-quorum");
            return FolkmootCommand.REFUSED;
        }
        if (proposal == null && (resolution == null || textSha256 == null)) {
            stderr.println("folkmoot: give --proposal FILE, or --resolution and --text-sha256 (the resolution counted and its text)");
            return FolkmootCommand.REFUSED;
        }
        if (proposal == null && !bodyKeys.isEmpty()) {
            stderr.println("folkmoot: --body-key checks a proposal's signature: give --proposal FILE with it");
            return FolkmootCommand.REFUSED;
        }
        String sha = null;
        BodyRules rules = null;
        if (proposal == null) {
            sha = textSha256.strip().toLowerCase(java.util.Locale.ROOT);
            if (!sha.matches("[0-9a-f]{64}")) {
                stderr.println("folkmoot: --text-sha256 must be 64 hex digits");
                return FolkmootCommand.REFUSED;
            }
            rules = ruleOptions.rules();
        }
        List<OutputFile.Kept> kept = FolkmootCommand.keptAlways(new OutputFile.Kept(roster, "the roster this count reads"));
        if (proposal != null) kept.add(new OutputFile.Kept(proposal, "the proposal this count is made against"));
        for (Path input : inputs) {
            // a file named is read whole, so it must be one (a FIFO would block the count for ever); a folder is walked
            if (!Files.isDirectory(input)) {
                try {
                    InputFile.regularFile(input);
                } catch (InputFile.Refused e) {
                    stderr.println("folkmoot: " + (Files.exists(input, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            ? e.getMessage() : input + ": no such file or folder"));
                    return FolkmootCommand.REFUSED;
                }
                kept.add(new OutputFile.Kept(input, "an input of this count"));
            } else if (Files.exists(out) && out.toAbsolutePath().normalize().startsWith(input.toAbsolutePath().normalize())) {
                stderr.println("folkmoot: not overwritten, even with --force: " + out + " is in the folder " + input + " this count reads");
                return FolkmootCommand.REFUSED;
            }
        }
        try {
            OutputFile.mayWrite(out, null, force, kept);
        } catch (OutputFile.Refused e) {
            stderr.println("folkmoot: " + e.getMessage());
            return FolkmootCommand.REFUSED;
        }
        CommunityKey bodyKey;
        try {
            bodyKey = CommunityKey.loadOrCreateBody(DataFolder.path());
        } catch (IOException e) {
            stderr.println("folkmoot: the body key in " + DataFolder.path() + " cannot be used: " + e.getMessage());
            return 1;
        }
        Signed signed = null;
        if (proposal != null) {
            try {
                signed = proposal(bodyKey);
            } catch (Proposal.Refused e) {
                stderr.println("folkmoot: " + proposal + ": " + e.getMessage());
                return FolkmootCommand.REFUSED;
            }
            if (signed == null) {
                stderr.println(NOT_A_BODY_KEY);
                return FolkmootCommand.REFUSED;
            }
        }
        Roster keys;
        try {
            List<byte[]> trusted = RosterKeys.trusted(bodyKey.publicKey(), rosterKeys);
            if (trusted == null) {
                stderr.println(RosterKeys.NOT_A_KEY);
                return FolkmootCommand.REFUSED;
            }
            keys = Roster.read(roster, trusted);
        } catch (SignedFile.Refused e) {
            stderr.println("folkmoot: " + roster + ": " + e.getMessage());
            return FolkmootCommand.REFUSED;
        }
        if (keys.body() == null || keys.body().id() == null) {
            stderr.println("folkmoot: " + roster + ": the roster does not name its body (level, id, name); "
                    + "make it with `folkmoot roster new`");
            return FolkmootCommand.REFUSED;
        }
        String counting = resolution;
        Against against = null;
        if (signed != null) {
            Proposal p = signed.proposal();
            boolean own = p.body().level().equals(keys.body().level()) && p.body().id().equals(keys.body().id());
            // a Municipality may gather its Communities' verdicts on its Region's proposal, for the Region to count again
            if (!own && !p.fromAbove(keys.body().level())) {
                stderr.println("folkmoot: " + roster + ": the roster is of " + keys.body().name() + " (" + keys.body().level() + " "
                        + keys.body().id() + "), but the proposal is from " + p.from() + ": count it with that body's roster");
                return FolkmootCommand.REFUSED;
            }
            // one body signs its rosters and its proposals with its one key: a roster of the proposal's body signed by
            // another key is someone else's claim to be that body (and is not remembered as its roster)
            if (own && keys.signedBy() != null && !keys.signedBy().equals(signed.keyId())) {
                stderr.println("folkmoot: " + roster + ": the roster says it is " + p.from() + "'s, but it is signed by " + keys.signedBy()
                        + " and the proposal by " + signed.keyId() + ": a body signs both with its one key");
                return FolkmootCommand.REFUSED;
            }
            // and the key that signed the proposal is the proposing body's: a roster it signed in a lower body's name is no
            // roster of that body (remembered, a higher version would lock the lower body's genuine roster out)
            if (!own && keys.signedBy() != null && keys.signedBy().equals(signed.keyId())) {
                stderr.println("folkmoot: " + roster + ": the roster says it is " + keys.body().name() + " (" + keys.body().level() + " "
                        + keys.body().id() + ")'s, but it is signed by " + keys.signedBy() + ", the key that signed the proposal from "
                        + p.from() + ": a body signs both with its one key, and no other body's");
                return FolkmootCommand.REFUSED;
            }
            counting = p.resolution();
            sha = p.textSha256();
            rules = p.rules();
            against = p.against(own);
        }
        try {
            keys = org.folkmoot.verdict.RosterHistory.here().take(keys); // never older than one this laptop signed or saw
        } catch (SignedFile.Refused e) {
            stderr.println("folkmoot: " + roster + ": " + e.getMessage());
            return FolkmootCommand.REFUSED;
        }
        boolean terminal = System.console() != null;
        try (Combination c = new Combination(keys, rules, counting, sha, DataFolder.work(), (files, verdicts, counted, refused) -> {
            if (terminal) {
                stderr.print("\r" + files + " files, " + verdicts + " verdicts checked: " + counted + " counted, " + refused + " refused ");
                stderr.flush();
            }
        })) {
            c.against(against);
            c.read(inputs, threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads));
            if (terminal) stderr.println();
            Combination.Summary s = c.summary();
            TallyWriter.Written w = TallyWriter.write(out, c, s, keys.body(), bodyKey);
            for (String line : SummaryText.lines(s, keys.body())) stdout.println(line);
            stdout.println("Wrote " + out + " — fingerprint " + w.fingerprint() + ", signed by " + bodyKey.keyId());
            stdout.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            stderr.println("folkmoot: the count could not be completed: " + e.getMessage());
            return 1;
        }
    }

    static final String NOT_A_BODY_KEY = "folkmoot: --body-key is not a valid Ed25519 public key (32 bytes in base64, not of small order)";

    /**
     * The proposal, read and its signature checked against this laptop's body key and the keys given; null when a
     * key given is not one. Refused with the reason otherwise (a file changed after signing, another body's).
     */
    /** A proposal and the key id of the trusted key that signed it. */
    private record Signed(Proposal proposal, String keyId) {
    }

    private Signed proposal(CommunityKey bodyKey) throws Proposal.Refused {
        byte[] bytes;
        try {
            bytes = InputFile.read(proposal, InputFile.Kind.PROPOSAL);
        } catch (InputFile.Refused e) {
            throw new Proposal.Refused(e.reason());
        }
        List<byte[]> trusted = RosterKeys.trusted(bodyKey.publicKey(), bodyKeys);
        if (trusted == null) return null;
        SignedFile envelope = Proposal.envelope(bytes); // the signature first: what a changed file now says is not read
        for (byte[] key : trusted) {
            if (envelope.signedBy(key)) return new Signed(Proposal.parse(bytes), org.folkmoot.verdict.Ed25519Keys.keyId(key));
        }
        throw new Proposal.Refused("its signature does not hold for this laptop's body key (" + bodyKey.keyId() + ")"
                + (bodyKeys.isEmpty() ? "" : " or for a key given") + ": the file was changed after it was signed, or another "
                + "body signed it (give that body's key with --body-key)");
    }
}
