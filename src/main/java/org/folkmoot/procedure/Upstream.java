package org.folkmoot.procedure;

/** The higher body a resolution came from: its level and id, its resolution id and the SHA-256 of its text. */
public record Upstream(String level, String body, String resolution, String textSha256) {
}
