package org.folkmoot.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.folkmoot.procedure.Basis;
import org.folkmoot.procedure.Fraction;
import org.folkmoot.procedure.Rules;
import org.folkmoot.procedure.Tally;
import org.folkmoot.procedure.VoteStage;

/**
 * Whether a verdict's outcome and route follow from its own votes and rules (docs/signed-files.md, "What a
 * verifier refuses"): the ladder of docs/procedure.md walked again over the votes the verdict lists, each support
 * measured by the rules it carries ({@link Rules#support}, {@link Rules#threshold}: the ladder's own exact
 * cross-products). A signature proves who wrote a verdict, not that its outcome is the one its votes give; a
 * body counts the outcome, so one that its votes cannot give is refused.
 *
 * <p>With no non-deal-breakers declared, round 1 and check 2 are both skipped (docs/procedure.md, step 5): the
 * final vote follows the failed check 1, and a check 2 there is refused (its pass would claim "amended" with
 * nothing amended). A handful of integer comparisons a verdict: nothing a count of thousands a second notices.
 */
final class OutcomeCheck {
    private OutcomeCheck() {
    }

    /** Where the ladder stands between two votes. */
    private enum At {
        CHECK_1, AFTER_CHECK_1, FINAL, PLANNING, CLOSED
    }

    /** A vote as the verdict lists it, and whether it reaches its threshold under the verdict's rules. */
    private record Vote(String seq, VoteStage stage, long inFavour, long against, long present, Fraction threshold, boolean reached) {
    }

    /**
     * @param votes      the verdict's {@code votes}, each already an object of whole numbers
     * @param objections the verdict's {@code objections} (null or a JSON null: none recorded)
     */
    static void check(JsonNode votes, JsonNode objections, JsonNode carriedForward, JsonNode decidingVote, Rules rules,
                      String outcome, String route) throws SignedFile.Refused {
        Long nonDealBreakers = null;
        Long dealBreakers = null;
        if (objections != null && !objections.isNull()) {
            if (!(objections instanceof ObjectNode o)) throw new SignedFile.Refused("'objections' is not an object");
            nonDealBreakers = whole(o.get("nonDealBreakers"), "the objections' nonDealBreakers");
            dealBreakers = whole(o.get("dealBreakers"), "the objections' dealBreakers");
        }
        if (carriedForward == null || !carriedForward.isBoolean()) throw new SignedFile.Refused("'carriedForward' is not true or false");

        At at = At.CHECK_1;
        String decided = null;      // the outcome the votes give, once one does
        String decidedRoute = null;
        Vote decider = null;
        Vote check1 = null, check2 = null, finalVote = null, contention = null;
        String wrongReach = null;
        String afterClose = null;   // a vote's own "reached" that its counts do not give (said after the outcome)
        for (JsonNode node : votes) {
            Vote v = vote(node, rules);
            VoteStage expected = switch (at) {
                case CHECK_1 -> VoteStage.CHECK_1;
                case AFTER_CHECK_1 -> nonDealBreakers != null && nonDealBreakers == 0 ? VoteStage.FINAL : VoteStage.CHECK_2;
                case FINAL -> VoteStage.FINAL;
                case PLANNING -> VoteStage.CONTENTION;
                case CLOSED -> null;
            };
            if (expected == null) {
                // decided already: what it was decided as is known, and said first when the verdict says otherwise
                afterClose = "its votes do not follow the ladder: vote " + v.seq() + " (" + v.stage().word()
                        + ") comes after the resolution was " + decided;
                break;
            }
            if (v.stage() != expected) {
                throw new SignedFile.Refused("its votes do not follow the ladder: vote " + v.seq() + " is a " + v.stage().word()
                        + " vote where a " + expected.word() + " vote comes next");
            }
            JsonNode said = node.get("reached");
            if (wrongReach == null && said != null && said.isBoolean() && said.booleanValue() != v.reached()) {
                wrongReach = "vote " + v.seq() + " says it " + (said.booleanValue() ? "reached" : "did not reach")
                        + " its threshold, but " + describe(v, rules) + (v.reached() ? " reaches it" : " does not");
            }
            switch (v.stage()) {
                case CHECK_1 -> {
                    check1 = v;
                    if (v.reached()) {
                        decided = "passed";
                        decidedRoute = "consensus";
                        decider = v;
                        at = At.PLANNING;
                    } else {
                        at = At.AFTER_CHECK_1;
                    }
                }
                case CHECK_2, FINAL -> {
                    if (nonDealBreakers == null) {
                        throw new SignedFile.Refused("its votes do not follow the ladder: vote " + v.seq() + " (" + v.stage().word()
                                + ") follows a check 1 that failed, but no objections are recorded");
                    }
                    if (v.stage() == VoteStage.CHECK_2) {
                        check2 = v;
                        if (v.reached()) {
                            decided = "passed";
                            decidedRoute = "amended";
                            decider = v;
                            at = At.PLANNING;
                        } else {
                            at = At.FINAL;
                        }
                    } else {
                        finalVote = v;
                        decided = v.reached() ? "passed" : "not-passed";
                        decidedRoute = v.reached() ? "supermajority" : null;
                        decider = v;
                        at = v.reached() ? At.PLANNING : At.CLOSED;
                    }
                }
                case CONTENTION -> {
                    contention = v;
                    if (!v.reached()) {
                        decided = "tabled";
                        decidedRoute = null;
                        decider = v;
                        at = At.CLOSED;
                    }
                }
            }
        }
        if (nonDealBreakers != null) {
            if (check1 == null || check1.reached()) {
                throw new SignedFile.Refused("it records objections, but no check 1 failed");
            }
            if (nonDealBreakers + dealBreakers != check1.against() || nonDealBreakers + dealBreakers < 0) {
                throw new SignedFile.Refused("its objections (" + nonDealBreakers + " non-deal-breakers, " + dealBreakers
                        + " deal-breakers) do not add up to the " + check1.against() + " against at check 1");
            }
        }

        // what the verdict says, against what its votes give
        String claim = outcome + (route == null ? "" : " (" + route + ")");
        boolean follows = decided == null ? outcome.equals("withdrawn")
                : outcome.equals(decided) ? java.util.Objects.equals(route, decidedRoute)
                : outcome.equals("dismissed") && decided.equals("tabled");
        if (!follows) {
            Vote restsOn = switch (claim) {
                case "passed (consensus)" -> check1;
                case "passed (amended)" -> check2;
                case "passed (supermajority)", "not-passed" -> finalVote;
                case "tabled", "dismissed" -> contention;
                default -> null;
            };
            String evidence;
            if (outcome.equals("withdrawn")) {
                evidence = decider.stage().word() + " vote " + decider.seq() + " decided it (" + describe(decider, rules) + ")";
            } else if (restsOn == null) {
                String missing = switch (claim) {
                    case "passed (consensus)" -> "check-1";
                    case "passed (amended)" -> "check-2";
                    case "tabled", "dismissed" -> "contention";
                    default -> "final";
                };
                evidence = "there is no " + missing + " vote";
            } else {
                evidence = describe(restsOn, rules);
            }
            throw new SignedFile.Refused("its outcome '" + claim + "' does not follow from its votes: " + evidence);
        }
        if (afterClose != null) throw new SignedFile.Refused(afterClose);
        if (wrongReach != null) throw new SignedFile.Refused(wrongReach);
        if (carriedForward.booleanValue() && !"passed".equals(decided)) {
            throw new SignedFile.Refused("it is carried forward, but its votes did not pass it");
        }
        if (decidingVote != null && !decidingVote.isNull() && decider != null && !decidingVote.asText().equals(decider.seq())) {
            throw new SignedFile.Refused("its deciding vote is " + SignedFile.shorten(decidingVote.asText()) + ", but its votes were decided by vote "
                    + decider.seq());
        }
    }

    private static Vote vote(JsonNode node, Rules rules) throws SignedFile.Refused {
        String seq = SignedFile.shorten(node.get("seq").asText());
        JsonNode stageNode = node.get("stage");
        VoteStage stage;
        try {
            stage = VoteStage.fromWord(stageNode.asText());
        } catch (IllegalArgumentException e) {
            throw new SignedFile.Refused("vote " + seq + " has no stage the ladder knows (" + SignedFile.shorten(stageNode.asText()) + ")");
        }
        long inFavour = node.get("for").longValue();
        long against = node.get("against").longValue();
        long present = node.get("present").longValue();
        Fraction threshold = rules.threshold(stage);
        boolean reached = rules.support(new Tally(inFavour, against, node.get("abstain").longValue()), present).reaches(threshold);
        return new Vote(seq, stage, inFavour, against, present, threshold, reached);
    }

    /** A vote as a clerk reads it against its threshold: "1 for, 100 against, threshold 9/10". */
    private static String describe(Vote v, Rules rules) {
        return v.inFavour() + " for, " + v.against() + " against, "
                + (rules.basis() == Basis.PRESENT ? v.present() + " present, threshold " + v.threshold() + " of those present"
                        : "threshold " + v.threshold());
    }

    private static long whole(JsonNode n, String what) throws SignedFile.Refused {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw new SignedFile.Refused(what + " is not a whole number");
        }
        return n.longValue();
    }
}
