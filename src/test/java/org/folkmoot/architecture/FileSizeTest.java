package org.folkmoot.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A file a newcomer opens should fit one concern: over 500 lines, a source file says at its top why it is one
 * room and not several ("Longer than 500 lines because …"), so a long file is a choice someone wrote down,
 * never an accident that grew.
 */
class FileSizeTest {
    static final int MOST_LINES = 500;
    static final int TOP_LINES = 60; // a package line, thirty imports and a class comment: the top a reader sees first
    static final String REASON = "Longer than 500 lines because";
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyLongSourceFileSaysWhyAtItsTop() {
        List<String> unexplained = javaFiles().stream()
                .filter(f -> lines(f).size() > MOST_LINES && !explains(f))
                .map(f -> SOURCES.relativize(f) + " (" + lines(f).size() + " lines)")
                .collect(Collectors.toList());
        assertThat(unexplained).as("files over %d lines with no \"%s\" in their first %d lines", MOST_LINES, REASON, TOP_LINES)
                .isEmpty();
    }

    @Test
    void theWalkSeesTheWholeProgram() {
        // the check above means nothing if the walk found nothing: the ladder, the count and the app are all in it
        List<Path> files = javaFiles();
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(files).anyMatch(f -> f.endsWith(Path.of("org/folkmoot/procedure/Ladder.java")));
        assertThat(files).anyMatch(f -> f.endsWith(Path.of("org/folkmoot/combine/Combination.java")));
        assertThat(files).anyMatch(f -> f.endsWith(Path.of("org/folkmoot/app/FolkmootApp.java")));
        // and a file that is long today is seen as long: the count of lines is real
        assertThat(files).anyMatch(f -> lines(f).size() > 300);
    }

    private static boolean explains(Path file) {
        return lines(file).stream().limit(TOP_LINES).anyMatch(line -> line.contains(REASON));
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
