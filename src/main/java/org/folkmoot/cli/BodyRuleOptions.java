package org.folkmoot.cli;

import org.folkmoot.combine.BodyRules;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Fraction;
import picocli.CommandLine.Option;

/** The body's rules as options: what a count requires of a verdict and how it decides (combine, proposal new). */
final class BodyRuleOptions {
    @Option(names = "--consensus", paramLabel = "P/Q", description = "least consensus threshold a Community may use (default 9/10)")
    String consensus;

    @Option(names = "--final", paramLabel = "P/Q", description = "least final threshold (default 2/3)")
    String finalVote;

    @Option(names = "--contention", paramLabel = "P/Q", description = "least contention threshold (default 1/2)")
    String contention;

    @Option(names = "--basis", paramLabel = "BASIS", description = "cast or present: present refuses verdicts decided on votes cast")
    String basis;

    @Option(names = "--pass-consensus", paramLabel = "P/Q", description = "share of reporting Communities for consensus (default 9/10)")
    String passConsensus;

    @Option(names = "--pass-supermajority", paramLabel = "P/Q", description = "share for a supermajority (default 2/3)")
    String passSupermajority;

    @Option(names = "--reporting-quorum", paramLabel = "P/Q", description = "more than this share of the roster must report (default 1/2)")
    String reportingQuorum;

    /** Whether any rule was given (a count against a proposal takes the proposal's, and refuses others). */
    boolean anyGiven() {
        return consensus != null || finalVote != null || contention != null || basis != null || passConsensus != null
                || passSupermajority != null || reportingQuorum != null;
    }

    /** The rules given, the rulebook's defaults for the rest; an {@link IllegalArgumentException} says which is wrong. */
    BodyRules rules() {
        BodyRules d = BodyRules.defaults();
        return new BodyRules(share(consensus, d.consensus()), share(finalVote, d.finalVote()),
                share(contention, d.contention()), basis == null ? d.basis() : Basis.fromWord(basis),
                share(passConsensus, d.passConsensus()), share(passSupermajority, d.passSupermajority()),
                share(reportingQuorum, d.reportingQuorum()));
    }

    private static Fraction share(String text, Fraction fallback) {
        return text == null ? fallback : Fraction.parseShare(text.strip());
    }
}
