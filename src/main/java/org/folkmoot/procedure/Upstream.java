package org.folkmoot.procedure;

/**
 * The higher body a resolution came from: its level and id, its resolution id and the SHA-256 of its text,
 * and, when the text came from the body's signed proposal, that proposal's payload SHA-256 (else null).
 */
public record Upstream(String level, String body, String resolution, String textSha256, String proposalSha256) {
    public Upstream(String level, String body, String resolution, String textSha256) {
        this(level, body, resolution, textSha256, null);
    }
}
