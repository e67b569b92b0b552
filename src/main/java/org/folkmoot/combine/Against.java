package org.folkmoot.combine;

import java.time.LocalDate;

/**
 * The body's proposal a count is made against (docs/decisions/0013-proposals.md): its payload SHA-256, which
 * the result names, and the day it asked the verdicts by, against which each counted verdict is reported on
 * time or late. The resolution, text hash and rules come from the proposal too, given to {@link Combination}.
 */
public record Against(String proposalSha256, String resolution, LocalDate reportBy) {
}
