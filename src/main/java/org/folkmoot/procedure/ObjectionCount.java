package org.folkmoot.procedure;

/** How those against at check 1 qualified their grievances. */
public record ObjectionCount(long seq, long nonDealBreakers, long dealBreakers) {
}
