package org.folkmoot.cli;

import org.folkmoot.combine.BodyRules;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Fraction;
import picocli.CommandLine.Option;

/**
 * The body's rules as options: what a count requires of a verdict and how it decides (combine, proposal new).
 * Each is read by its converter, so a share that is not one is a usage error before the command starts.
 */
final class BodyRuleOptions {
    @Option(names = "--consensus", paramLabel = "P/Q", converter = ShareConverter.class,
            description = "least consensus threshold a Community may use (default 9/10)")
    Fraction consensus;

    @Option(names = "--final", paramLabel = "P/Q", converter = ShareConverter.class,
            description = "least final threshold (default 2/3)")
    Fraction finalVote;

    @Option(names = "--contention", paramLabel = "P/Q", converter = ShareConverter.class,
            description = "least contention threshold (default 1/2)")
    Fraction contention;

    @Option(names = "--basis", paramLabel = "BASIS", converter = BasisConverter.class,
            description = "cast or present: present refuses verdicts decided on votes cast")
    Basis basis;

    @Option(names = "--pass-consensus", paramLabel = "P/Q", converter = ShareConverter.class,
            description = "share of reporting Communities for consensus (default 9/10)")
    Fraction passConsensus;

    @Option(names = "--pass-supermajority", paramLabel = "P/Q", converter = ShareConverter.class,
            description = "share for a supermajority (default 2/3)")
    Fraction passSupermajority;

    @Option(names = "--reporting-quorum", paramLabel = "P/Q", converter = ShareConverter.class,
            description = "more than this share of the roster must report (default 1/2)")
    Fraction reportingQuorum;

    /** Whether any rule was given (a count against a proposal takes the proposal's, and refuses others). */
    boolean anyGiven() {
        return consensus != null || finalVote != null || contention != null || basis != null || passConsensus != null
                || passSupermajority != null || reportingQuorum != null;
    }

    /** The rules given, the rulebook's defaults for the rest. */
    BodyRules rules() {
        BodyRules d = BodyRules.defaults();
        return new BodyRules(or(consensus, d.consensus()), or(finalVote, d.finalVote()), or(contention, d.contention()),
                basis == null ? d.basis() : basis, or(passConsensus, d.passConsensus()),
                or(passSupermajority, d.passSupermajority()), or(reportingQuorum, d.reportingQuorum()));
    }

    private static Fraction or(Fraction given, Fraction fallback) {
        return given == null ? fallback : given;
    }
}
