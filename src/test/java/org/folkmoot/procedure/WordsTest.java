package org.folkmoot.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.folkmoot.Meetings.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.folkmoot.Meetings;
import org.folkmoot.record.Replay;
import org.junit.jupiter.api.Test;

/** The procedure's words are complete in English and Spanish, and a refusal is said in either. */
class WordsTest {
    private static final Locale ES = Locale.forLanguageTag("es");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = WordsTest.class.getResourceAsStream("/org/folkmoot/procedure/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHoldTheSameKeysWithTheSameArguments() throws IOException {
        Properties en = load("words.properties");
        Properties es = load("words_es.properties");
        assertThat(es.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        int[] seen = {0};
        assertThat(Wordings.problems(en, es, seen)).isEmpty();
        assertThat(seen[0]).isGreaterThan(150);
    }

    @Test
    void everyKeyTheCodeNamesIsThere() throws IOException {
        Set<String> held = load("words.properties").stringPropertyNames();
        Set<String> named = new HashSet<>();
        Pattern literal = Pattern.compile("Reason\\.of\\(\"([A-Za-z0-9.\\-]*[A-Za-z0-9\\-])\"\\s*[,)]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/folkmoot"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) named.add(m.group(1));
            }
        }
        assertThat(named).hasSizeGreaterThan(80);
        assertThat(held).containsAll(named);
        // the keys made from the procedure's own words
        for (Stage s : Stage.values()) {
            for (Locale l : new Locale[] {Locale.ROOT, ES}) {
                assertThat(Reason.word(s, l)).isNotBlank();
                assertThat(Reason.of(s.isRound() ? "next.ROUND" : "next." + s.name()).text(l)).isNotBlank();
                assertThat(Reason.of(s.isRound() ? "step.ROUND" : "step." + s.name()).text(l)).isNotBlank();
            }
        }
        for (Object word : Stream.of(VoteStage.values(), Outcome.values(), Route.values()).flatMap(Stream::of).toList()) {
            assertThat(Reason.word(word, ES)).as("%s", word).isNotBlank().isNotEqualTo(Reason.word(word, Locale.ROOT));
        }
    }

    @Test
    void aRefusalIsSaidInTheFacilitatorsLanguageAndReplayKeepsEnglish() {
        Replay.Result r = Meetings.replay(attendance(100), present("R1"), vote("check-1", 90, 10, 1));
        assertThat(r.refusal()).contains("the vote counts 101 hands, but only 100 are present");

        Meeting m = Meetings.replay(attendance(100)).meeting();
        Refusal refused = m.apply(new Action.Vote(VoteStage.CHECK_1, new Tally(1, 0, 0))).orElseThrow();
        assertThat(refused.reason()).isEqualTo("no resolution has been presented");
        assertThat(refused.reason(ES)).isEqualTo("no se ha presentado ninguna resolución");

        assertThat(m.apply(new Action.Present("R1", "T", "text", "P", null))).isEmpty();
        refused = m.apply(new Action.Objections(1, 0)).orElseThrow();
        // the stage and the next step inside the reason are said in the same language
        assertThat(refused.reason()).isEqualTo("R1 is at temperature check 1, not waiting for the objections "
                + "(deal-breakers or not); next is temperature check 1");
        assertThat(refused.reason(ES)).isEqualTo("R1 está en el sondeo de temperatura 1, no esperando las objeciones "
                + "(bloqueantes o no); a continuación viene el sondeo de temperatura 1");
        assertThat(m.whyNot(ActionKind.CLOSE_ROUND).orElseThrow().text(ES)).startsWith("R1 está en el sondeo de temperatura 1;");
    }

    @Test
    void everyEntryOfTheExamplesIsDescribedInBothLanguages() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("assets", "meetings"))) {
            examples = files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            String name = example.getFileName().toString();
            Meeting m = Replay.run(Files.readAllBytes(example), null, null, Meetings.FIXED).meeting();
            for (long seq = 1; seq <= m.size(); seq++) {
                for (Reason words : List.of(EntryWords.of(m.entry(seq)), EntryWords.of(m, seq, m.entry(seq)))) {
                    assertThat(words.text()).as("%s #%d", name, seq).doesNotContain("{");
                    assertThat(words.text(ES)).as("%s #%d", name, seq).doesNotContain("{");
                }
            }
        }
        assertThat(EntryWords.of(new Action.Vote(VoteStage.FINAL, new Tally(3, 2, 1))).text(ES))
                .isEqualTo("votación final: 3 a favor, 2 en contra, 1 abstenciones");
    }

    @Test
    void aVoteIsSaidAsWhichVoteItWasOnWhichResolution() throws Exception {
        Meeting m = Replay.run(Files.readAllBytes(Path.of("assets", "meetings", "bakery.jsonl")), null, null, Meetings.FIXED).meeting();
        // the record's check-1 line says its stage only by its place on the ladder: the meeting knows it
        assertThat(EntryWords.of(m, 6, m.entry(6)).text()).isEqualTo("temperature check 1 on B-1: 100 for, 25 against, 5 abstaining");
        assertThat(EntryWords.of(m, 6, m.entry(6)).text(ES))
                .isEqualTo("el sondeo de temperatura 1 sobre B-1: 100 a favor, 25 en contra, 5 abstenciones");
        assertThat(EntryWords.of(m, 28, m.entry(28)).text()).isEqualTo("the final vote on B-1: 105 for, 20 against, 5 abstaining");
        // an entry not about a vote reads as before
        assertThat(EntryWords.of(m, 1, m.entry(1)).text()).isEqualTo(EntryWords.of(m.entry(1)).text());
    }
}
