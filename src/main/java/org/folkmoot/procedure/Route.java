package org.folkmoot.procedure;

/** How a resolution passed: at check 1, at check 2 after round 1, or by the final 2/3 vote. */
public enum Route {
    CONSENSUS("consensus"),
    AMENDED("amended"),
    SUPERMAJORITY("supermajority");

    private final String word;

    Route(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
