package org.folkmoot.combine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.Rules;

/**
 * How a body combines its Communities' verdicts (docs/procedure.md, "Combining verdicts"): the rules a
 * Community must have decided under at least as strictly, the shares of reporting Communities that pass
 * a measure, and the reporting quorum. Every decision is an exact cross-product.
 *
 * @param consensus      the least consensus threshold a verdict may have been decided under
 * @param finalVote      the least final-vote threshold
 * @param contention     the least contention threshold
 * @param basis          the basis the body asks for: {@code present} refuses verdicts decided on votes cast
 * @param passConsensus  the share of reporting Communities that passes a measure by consensus
 * @param passSupermajority the share that passes it by supermajority
 * @param reportingQuorum more than this share of the roster's Communities must report for any decision
 */
public record BodyRules(Fraction consensus, Fraction finalVote, Fraction contention, Basis basis,
                        Fraction passConsensus, Fraction passSupermajority, Fraction reportingQuorum) {

    public static BodyRules defaults() {
        return new BodyRules(Rules.DEFAULT_CONSENSUS, Rules.DEFAULT_FINAL, Rules.DEFAULT_CONTENTION, Basis.CAST,
                new Fraction(9, 10), new Fraction(2, 3), new Fraction(1, 2));
    }

    /** Why a verdict decided under {@code rules} is weaker than this body requires, or null when it is not. */
    public String weaker(Rules rules) {
        if (rules.consensus().compareTo(consensus) < 0) {
            return "decided with a consensus threshold of " + rules.consensus() + ", lower than the body's " + consensus;
        }
        if (rules.finalVote().compareTo(finalVote) < 0) {
            return "decided with a final threshold of " + rules.finalVote() + ", lower than the body's " + finalVote;
        }
        if (rules.contention().compareTo(contention) < 0) {
            return "decided with a contention threshold of " + rules.contention() + ", lower than the body's " + contention;
        }
        if (basis == Basis.PRESENT && rules.basis() != Basis.PRESENT) {
            return "decided on votes cast, but the body counts support among those present";
        }
        return null;
    }

    /** Whether {@code reporting} of {@code rostered} Communities make a quorum: strictly more than the share. */
    public boolean quorate(long reporting, long rostered) {
        return new Fraction(reporting, Math.max(rostered, 1)).exceeds(reportingQuorum) && rostered > 0;
    }

    public ObjectNode write() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("consensus", consensus.toString()).put("final", finalVote.toString())
                .put("contention", contention.toString()).put("basis", basis.word())
                .put("passConsensus", passConsensus.toString()).put("passSupermajority", passSupermajority.toString())
                .put("reportingQuorum", reportingQuorum.toString());
        return n;
    }

    /** Rules as a result writes them; what is left out takes the default. */
    public static BodyRules read(ObjectNode n) {
        BodyRules d = defaults();
        if (n == null) return d;
        return new BodyRules(share(n, "consensus", d.consensus), share(n, "final", d.finalVote),
                share(n, "contention", d.contention),
                n.hasNonNull("basis") ? Basis.fromWord(n.get("basis").asText()) : d.basis,
                share(n, "passConsensus", d.passConsensus), share(n, "passSupermajority", d.passSupermajority),
                share(n, "reportingQuorum", d.reportingQuorum));
    }

    private static Fraction share(ObjectNode n, String key, Fraction fallback) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? fallback : Fraction.parseShare(v.asText());
    }
}
