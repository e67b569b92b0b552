package org.folkmoot.combine;

import java.time.LocalDate;

/**
 * The body's proposal a count is made against (docs/decisions/0013-proposals.md): its payload SHA-256, which
 * the result names, and the day it asked the verdicts by, against which each counted verdict is reported on
 * time or late. The resolution, text hash and rules come from the proposal too, given to {@link Combination}.
 *
 * @param rosterVersion the version of the roster the proposal was made from (0: not known), so that the summary
 *                      can say when the count uses another
 * @param rosterSha256  that roster's SHA-256, or null when not known
 * @param bodyLevel     the proposing body's level, or null when not known (a result read back): a verdict counted
 *                      against the proposal must name that body in its {@code upstream}
 * @param bodyId        the proposing body's id, or null
 */
public record Against(String proposalSha256, String resolution, LocalDate reportBy, long rosterVersion, String rosterSha256,
                      String bodyLevel, String bodyId) {
    public Against(String proposalSha256, String resolution, LocalDate reportBy) {
        this(proposalSha256, resolution, reportBy, 0, null, null, null);
    }

    public Against(String proposalSha256, String resolution, LocalDate reportBy, long rosterVersion, String rosterSha256) {
        this(proposalSha256, resolution, reportBy, rosterVersion, rosterSha256, null, null);
    }

    /** The proposal's fingerprint for people, from its payload SHA-256: "3f9a 07c1 …", five groups of four. */
    public String fingerprint() {
        String hex = proposalSha256.substring(0, Math.min(20, proposalSha256.length()));
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) s.append(i > 0 ? " " : "").append(hex, i, Math.min(hex.length(), i + 4));
        return s.toString();
    }

    /**
     * The line saying the count's roster is not the one the proposal was made from, or null when it is (or the
     * proposal's is not known): Communities enrolled since still count.
     */
    public String otherRoster(org.folkmoot.verdict.Roster roster) {
        if (rosterVersion <= 0) return null;
        if (roster.version() != rosterVersion) {
            return "Roster: version " + roster.version() + ", not version " + rosterVersion
                    + " the proposal was made from (Communities enrolled since count too)";
        }
        if (rosterSha256 != null && !rosterSha256.equals(roster.sha256())) {
            return "Roster: version " + rosterVersion + ", but not the file the proposal was made from (another SHA-256); counted with the one given";
        }
        return null;
    }
}
