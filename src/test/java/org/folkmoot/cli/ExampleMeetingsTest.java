package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The project's own example meetings replay to the rulebook's results, and their records replay the same. */
class ExampleMeetingsTest {
    private static final Path EXAMPLES = Path.of("assets", "meetings");

    @TempDir
    Path tmp;

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().collect(Collectors.toList());
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void replaysToItsExpectedOutcomes(Path example) throws IOException {
        String expected = Files.readString(Path.of(example.toString().replace(".jsonl", ".expected")));
        Cli first = Cli.run("replay", example.toString(), "--out", tmp.resolve("a").toString());
        assertThat(first.err()).isEmpty();
        assertThat(first.status()).isZero();
        assertThat(first.out()).isEqualTo(expected);

        // a signed verdict for every resolution with an outcome, and the minutes
        for (String line : expected.split("\n")) {
            String[] parts = line.split(" ");
            assertThat(Files.exists(tmp.resolve("a/" + parts[0] + ".verdict"))).as(line).isEqualTo(!parts[1].equals("open"));
        }
        assertThat(Files.readAllBytes(tmp.resolve("a/minutes.pdf"))).startsWith("%PDF".getBytes());
        Cli verify;
        try (Stream<Path> verdicts = Files.list(tmp.resolve("a"))) {
            List<String> args = new java.util.ArrayList<>(List.of("verify"));
            verdicts.filter(p -> p.toString().endsWith(".verdict")).forEach(p -> args.add(p.toString()));
            verify = Cli.run(args.toArray(String[]::new));
        }
        assertThat(verify.status()).as(verify.err()).isZero();

        // the record it wrote replays to the same outcomes and is written back byte for byte
        Path record = tmp.resolve("a/record.jsonl");
        Cli again = Cli.run("replay", record.toString(), "--out", tmp.resolve("b").toString());
        assertThat(again.status()).isZero();
        assertThat(again.out()).isEqualTo(expected);
        assertThat(Files.readAllBytes(tmp.resolve("b/record.jsonl"))).isEqualTo(Files.readAllBytes(record));

        // every script line gives its time, so a second replay of the script is byte-for-byte the same
        Cli twice = Cli.run("replay", example.toString(), "--out", tmp.resolve("c").toString());
        assertThat(twice.out()).isEqualTo(expected);
        assertThat(Files.readAllBytes(tmp.resolve("c/record.jsonl"))).isEqualTo(Files.readAllBytes(record));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void replaysThroughAMeetingFileAndResumesFromIt(Path example) throws IOException {
        String expected = Files.readString(Path.of(example.toString().replace(".jsonl", ".expected")));
        Path db = tmp.resolve("meeting.db");
        Cli first = Cli.run("replay", example.toString(), "--out", tmp.resolve("a").toString(), "--db", db.toString());
        assertThat(first.status()).isZero();
        assertThat(first.out()).isEqualTo(expected);
        Cli resumed = Cli.run("replay", example.toString(), "--out", tmp.resolve("b").toString(), "--db", db.toString());
        assertThat(resumed.status()).isZero();
        assertThat(resumed.out()).isEqualTo(expected);
        assertThat(Files.readAllBytes(tmp.resolve("b/record.jsonl")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("a/record.jsonl")));
    }
}
