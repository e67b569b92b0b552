package org.folkmoot.combine;

import org.folkmoot.procedure.Fraction;

/**
 * The body's decision rule (docs/procedure.md, "Combining verdicts") as a pure function of the counts: without a
 * reporting quorum the count is incomplete; otherwise the share of reporting Communities that passed decides,
 * by consensus first, then by supermajority. Every comparison is an exact cross-product.
 *
 * @param outcome "incomplete", "passed" or "not-passed"
 * @param route   "consensus" or "supermajority" when passed; otherwise null
 */
public record BodyDecision(String outcome, String route) {

    /**
     * @param passed    the reporting Communities whose verdict is PASSED
     * @param reporting the Communities counted (not in conflict)
     * @param rostered  the Communities on the roster
     */
    public static BodyDecision decide(BodyRules rules, long passed, long reporting, long rostered) {
        if (!rules.quorate(reporting, rostered)) return new BodyDecision("incomplete", null);
        Fraction share = new Fraction(passed, reporting);
        if (share.reaches(rules.passConsensus())) return new BodyDecision("passed", "consensus");
        if (share.reaches(rules.passSupermajority())) return new BodyDecision("passed", "supermajority");
        return new BodyDecision("not-passed", null);
    }
}
