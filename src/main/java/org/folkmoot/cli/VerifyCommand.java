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

/** {@code folkmoot verify FILE... [--roster ROSTER] [--json]}: one line per file, exit 0 only if all hold. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Checks Community Verdict files: well-formed, signed by the Community's key (in the roster, if given).")
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Roster keys = null;
        if (roster != null) {
            try {
                keys = Roster.read(roster);
            } catch (SignedFile.Refused e) {
                err.println("folkmoot: " + roster + ": " + e.getMessage());
                return 1;
            }
        }
        VerdictVerifier.Expected expected = new VerdictVerifier.Expected(resolution, textSha256);
        int refused = 0;
        for (Path file : files) {
            try {
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
            }
        }
        out.flush();
        err.flush();
        return refused == 0 ? 0 : 1;
    }
}
