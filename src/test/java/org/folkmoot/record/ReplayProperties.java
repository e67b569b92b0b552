package org.folkmoot.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.folkmoot.MeetingSimulator;
import org.folkmoot.Meetings;
import org.folkmoot.procedure.Resolution;
import org.folkmoot.store.MeetingFile;

/** Properties of replay over random meetings (docs/architecture.md, "Tests that hold the project up"). */
@Tag("property")
class ReplayProperties {
    private static final Pattern OUTCOME = Pattern.compile(
            "\\S+ (passed (consensus|amended|supermajority) \\d+/\\d+|not-passed - \\d+/\\d+|(tabled|dismissed) - \\d+/\\d+|withdrawn - -|open - -)");

    private static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String header(int rules) {
        switch (rules % 3) {
            case 1: return Meetings.headerWithRules("{\"basis\":\"present\"}");
            case 2: return Meetings.headerWithRules("{\"consensus\":\"4/5\",\"final\":\"3/5\",\"quorum\":\"1/3\"}");
            default: return Meetings.HEADER;
        }
    }

    @Property(tries = 300)
    void aRecordReplaysToExactlyWhatItsScriptGave(@ForAll @Size(min = 1, max = 160) List<@IntRange(min = 0, max = 10_000) Integer> choices,
                                                 @ForAll @IntRange(min = 0, max = 2) int rules) throws FormatException {
        List<String> script = MeetingSimulator.script(header(rules), choices);
        Replay.Result fromScript = Replay.run(bytes(script), null, null, Meetings.FIXED);
        assertThat(fromScript.refusal()).isNull();

        Replay.Result fromRecord = Replay.run(bytes(fromScript.record()), null, null, Meetings.FIXED);
        assertThat(fromRecord.refusal()).isNull();
        assertThat(fromRecord.record()).isEqualTo(fromScript.record());
        assertThat(Meetings.outcomes(fromRecord)).isEqualTo(Meetings.outcomes(fromScript));
        for (int i = 0; i < fromScript.meeting().resolutions().size(); i++) {
            Resolution a = fromScript.meeting().resolutions().get(i);
            Resolution b = fromRecord.meeting().resolutions().get(i);
            assertThat(b.workingText()).isEqualTo(a.workingText());
            assertThat(b.stage()).isEqualTo(a.stage());
            assertThat(b.votes()).isEqualTo(a.votes());
        }
    }

    @Property(tries = 25)
    void resumingFromAnyStoredPrefixEndsAsAnUninterruptedRun(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 10_000) Integer> choices,
                                                            @ForAll @IntRange(min = 0, max = 100) int cutPercent) throws Exception {
        List<String> script = MeetingSimulator.script(Meetings.HEADER, choices);
        Replay.Result whole = Replay.run(bytes(script), null, null, Meetings.FIXED);
        int cut = (script.size() - 1) * cutPercent / 100;

        Path dir = Files.createTempDirectory("folkmoot-prop");
        Path db = dir.resolve("m.db");
        try (MeetingFile file = MeetingFile.open(db)) {
            Replay.run(bytes(script.subList(0, cut + 1)), null, file, Meetings.FIXED);
        }
        try (MeetingFile file = MeetingFile.open(db)) {
            Replay.Stored stored = file.stored().orElseThrow();
            assertThat(stored.lines()).hasSize(cut);
            Replay.Result resumed = Replay.run(bytes(script), stored, file, Meetings.FIXED);
            assertThat(resumed.record()).isEqualTo(whole.record());
            assertThat(Meetings.outcomes(resumed)).isEqualTo(Meetings.outcomes(whole));
        }
        try (MeetingFile file = MeetingFile.open(db)) {
            assertThat(file.stored().orElseThrow().lines()).isEqualTo(whole.record().subList(1, whole.record().size()));
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    @Provide
    Arbitrary<List<String>> damagedScripts() {
        Arbitrary<List<Integer>> choices = Arbitraries.integers().between(0, 10_000).list().ofMinSize(1).ofMaxSize(80);
        Arbitrary<List<Integer>> damage = Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(6);
        return net.jqwik.api.Combinators.combine(choices, damage).as((c, d) -> damage(MeetingSimulator.script(Meetings.HEADER, c), d));
    }

    /** Breaks a valid script the ways a hand-edited or half-copied file breaks. */
    private static List<String> damage(List<String> script, List<Integer> damage) {
        List<String> lines = new ArrayList<>(script);
        String[] values = {"-1", "12.5", "\"ten\"", "9223372036854775808", "null", "[]", "{}", "1e3", "999999"};
        String[] fields = {"present", "for", "against", "abstain", "nonDealBreakers", "members", "round", "entry", "do", "find", "stage"};
        for (int d : damage) {
            int at = 1 + Math.floorMod(d, Math.max(1, lines.size() - 1));
            if (at >= lines.size()) continue;
            String line = lines.get(at);
            switch (Math.floorMod(d >> 8, 7)) {
                case 0 -> lines.set(at, line.replaceFirst("\"" + fields[Math.floorMod(d >> 11, fields.length)] + "\":(\"[^\"]*\"|[^,}]+)",
                        "\"" + fields[Math.floorMod(d >> 11, fields.length)] + "\":" + values[Math.floorMod(d >> 15, values.length)]));
                case 1 -> lines.set(at, line.substring(0, Math.floorMod(d >> 11, Math.max(1, line.length()))));
                case 2 -> lines.add(at, line);
                case 3 -> lines.remove(at);
                case 4 -> lines.set(at, line.replaceFirst("\"do\":\"[a-z-]+\"", "\"do\":\"" + new String[] {"vote", "close-round",
                    "withdraw", "dismiss", "plead", "amend", "objections", "carry-forward"}[Math.floorMod(d >> 11, 8)] + "\""));
                case 5 -> lines.set(at, line.replaceFirst("[0-9]+", String.valueOf(Math.floorMod(d >> 11, 300))));
                default -> lines.set(at, "{\"do\":\"correct\",\"entry\":" + Math.floorMod(d >> 11, 40) + ",\"reason\":\"r\",\"with\":" + line + "}");
            }
        }
        return lines;
    }

    @Property(tries = 1000)
    void nothingButOutcomesOrARefusalEverComesOut(@ForAll("damagedScripts") List<String> lines) throws FormatException {
        Replay.Result result = Replay.run(bytes(lines), null, null, Meetings.FIXED);
        if (result.refused()) {
            assertThat(result.refusal()).matches("line \\d+, entry \\d+.*: .+").doesNotContain("Exception").doesNotContain("\n");
        }
        for (Resolution r : result.meeting().resolutions()) {
            assertThat(Replay.outcomeLine(r)).matches(OUTCOME);
        }
        assertThat(result.record()).hasSize(result.meeting().size() + 1);
    }
}
