package org.folkmoot.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.folkmoot.verdict.VerdictVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code folkmoot verify FILE... [--roster ROSTER] [--json]}: one line per file, exit 0 only if all hold. A body's
 * result ({@code .tally}) is checked too: its body's signature, and with the roster it was counted against,
 * every verdict it carries counted again.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks Community Verdict files (well-formed, signed by the Community's key, in the roster if given) "
                + "and bodies' results (signed by the body; with --roster, their verdicts counted again).")
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--roster", paramLabel = "ROSTER", description = "the body's roster: the key is taken from it")
    Path roster;

    @Option(names = "--json", description = "print each verified payload (one JSON object a line)")
    boolean json;

    @Option(names = "--resolution", paramLabel = "ID", description = "refuse verdicts about another resolution")
    String resolution;

    @Option(names = "--text-sha256", paramLabel = "HEX", description = "refuse verdicts about another text")
    String textSha256;

    @Option(names = "--body-key", paramLabel = "KEY", description = "a result's body's public key (base64), from `roster key`")
    String bodyKey;

    @Option(names = "--proposal", paramLabel = "FILE.proposal",
            description = "the body's proposal: verdicts must answer it, and a result must have been counted against it")
    Path proposal;

    @Option(names = "--roster-key", paramLabel = "KEY", description = "the public key (base64) that signed the roster, if not this laptop's body key")
    java.util.List<String> rosterKeys = new java.util.ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Roster keys = null;
        if (roster != null) {
            try {
                // a signed roster: signed by this laptop's body key, or by the key given
                byte[] bodyKey = null;
                if (java.nio.file.Files.exists(org.folkmoot.files.DataFolder.path().resolve("body.key"))) {
                    try {
                        bodyKey = org.folkmoot.verdict.CommunityKey.loadOrCreateBody(org.folkmoot.files.DataFolder.path()).publicKey();
                    } catch (java.io.IOException unreadable) {
                        // then only --roster-key can vouch for a signed roster
                    }
                }
                java.util.List<byte[]> trusted = RosterKeys.trusted(bodyKey, rosterKeys);
                if (trusted == null) {
                    err.println(RosterKeys.NOT_A_KEY);
                    return FolkmootCommand.REFUSED;
                }
                keys = org.folkmoot.verdict.RosterHistory.read(roster, trusted); // never older than one this laptop signed or saw
            } catch (SignedFile.Refused e) {
                err.println("folkmoot: " + roster + ": " + e.getMessage());
                return 1;
            }
        }
        VerdictVerifier.Expected expected = new VerdictVerifier.Expected(resolution, textSha256);
        byte[] body = null;
        if (bodyKey != null) {
            body = org.folkmoot.verdict.Ed25519Keys.decodeBase64(bodyKey.strip());
            if (body == null || body.length != org.folkmoot.verdict.Ed25519Keys.KEY_BYTES) {
                err.println("folkmoot: --body-key is not a 32-byte public key in base64");
                return FolkmootCommand.REFUSED;
            }
        }
        org.folkmoot.proposal.Proposal against = null;
        if (proposal != null) {
            if (resolution != null || textSha256 != null) {
                err.println("folkmoot: --proposal gives the resolution and its text hash: not also --resolution or --text-sha256");
                return FolkmootCommand.REFUSED;
            }
            try {
                // checked as `proposal show` checks it: the enrolled bodies, this laptop's body key, the key given
                against = ProposalCommand.check(proposal, bodyKey == null ? List.of() : List.of(bodyKey)).proposal();
            } catch (org.folkmoot.proposal.Proposal.Refused e) {
                err.println("folkmoot: " + proposal + ": " + e.getMessage());
                return FolkmootCommand.REFUSED;
            }
            expected = new VerdictVerifier.Expected(against.resolution(), against.textSha256(), against.body().level(), against.body().id());
        }
        int refused = 0;
        for (Path file : files) {
            try {
                if (org.folkmoot.combine.TallyVerifier.isResult(file)) {
                    out.println(file + ": " + result(file, body, keys, against));
                    continue;
                }
                VerdictVerifier.Verified v = VerdictVerifier.verify(file, keys, expected);
                if (json) {
                    out.println(new String(v.payload(), StandardCharsets.UTF_8));
                } else {
                    out.println(file + ": verified — " + v.communityId() + ", " + v.resolutionId() + " " + v.outcome()
                            + (v.route() == null ? "" : " (" + v.route() + ")") + ", fingerprint " + v.fingerprint()
                            + ", key " + v.keyId() + (v.rosterChecked() ? " (in the roster)" : " (carried by the verdict; no roster given)"));
                }
            } catch (SignedFile.Refused e) {
                refused++;
                err.println(file + ": refused — " + e.getMessage());
            } catch (java.io.IOException e) {
                refused++;
                err.println(file + ": refused — cannot be read: " + e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return refused == 0 ? 0 : 1;
    }

    private static String result(Path file, byte[] bodyKey, Roster roster, org.folkmoot.proposal.Proposal against)
            throws SignedFile.Refused, java.io.IOException {
        // counted again against this proposal, each verdict must answer its body, as combine --proposal asks
        org.folkmoot.combine.TallyVerifier.Checked c = org.folkmoot.combine.TallyVerifier.verify(file, bodyKey, roster,
                org.folkmoot.files.DataFolder.work(), against == null ? null : against.body());
        if (against != null) {
            // what the result alone cannot show: that the proposal it names is this one, with this day and these rules
            if (c.proposal() == null) throw new SignedFile.Refused("the result was not counted against a proposal");
            org.folkmoot.combine.Against a = c.proposal().against();
            if (!a.proposalSha256().equals(against.payloadSha256())) {
                throw new SignedFile.Refused("the result was counted against another proposal (fingerprint " + a.fingerprint() + ")");
            }
            if (!a.reportBy().equals(against.reportBy()) || !c.resolution().equals(against.resolution())
                    || !c.textSha256().equalsIgnoreCase(against.textSha256())) {
                throw new SignedFile.Refused("the result names this proposal but not its resolution, text or day to report by");
            }
        }
        return "verified — the result of " + c.name() + " (" + c.level() + " " + c.body() + "), resolution " + c.resolution()
                + ": " + c.outcome() + (c.route() == null ? "" : " (" + c.route() + ")") + ", " + c.reporting() + " reporting"
                + ", fingerprint " + c.fingerprint() + ", signed by " + c.keyId()
                + (c.keyFromResult() ? " (the key it carries: give --body-key to know whose it is)" : " (the key given)")
                + (c.recounted() ? "; every verdict it carries holds against the roster and they give its counts"
                        : "; give --roster to count the verdicts it carries again")
                + (c.proposal() == null ? "" : "; counted against proposal " + c.proposal().against().fingerprint() + ", to report by "
                        + c.proposal().against().reportBy() + ": " + c.proposal().onTime() + " on time, " + c.proposal().late() + " late");
    }
}
