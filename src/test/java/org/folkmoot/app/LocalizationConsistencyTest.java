package org.folkmoot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.folkmoot.app.console.ActionFields;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.procedure.Wordings;
import org.folkmoot.procedure.Words;
import org.junit.jupiter.api.Test;

/** Every key the app uses is in every bundle, and no bundle holds a key nobody uses (JabRef's rule). */
class LocalizationConsistencyTest {
    private static final String[] BUNDLES = {"messages.properties", "messages_es.properties"};

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LocalizationConsistencyTest.class.getResourceAsStream("/org/folkmoot/app/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The keys the code names: literal getString("...") calls, and the keys made from the meeting's own words. */
    private static Set<String> used() throws IOException {
        Set<String> keys = new HashSet<>();
        Pattern literal = Pattern.compile("(?:getString|words)\\(\"([a-z0-9.\\-]+)\"\\)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/folkmoot/app"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                Matcher m = literal.matcher(source);
                while (m.find()) keys.add(m.group(1));
                // a key chosen by a condition: getString(ok ? "a.b" : "a.c")
                Matcher chosen = Pattern.compile("[?:]\\s*\"([a-z0-9\\-]+\\.[a-z0-9.\\-]+)\"").matcher(source);
                while (chosen.find()) keys.add(chosen.group(1));
                // the clerk's screen names its keys in tables: {"PASSED", "combine.bar.passed"}
                Matcher named = Pattern.compile("\"(combine\\.[a-z0-9.\\-]*[a-z0-9])\"").matcher(source);
                while (named.find()) keys.add(named.group(1));
            }
        }
        for (org.folkmoot.procedure.ActionKind kind : Meeting.KINDS) {
            keys.add("action." + kind.word());
            for (ActionFields.Field f : ActionFields.of(kind)) keys.add("field." + f.key());
            for (ActionFields.Field f : ActionFields.correctionCounts(kind)) keys.add("field." + f.key());
        }
        for (String level : new String[] {"municipality", "region", "collective"}) keys.add("bodies.level." + level); // BodyWords
        // a field's words of its own in one form ("field." + kind + "." + key, ConsoleViewModel.newField)
        keys.add("field.adjourn.date");
        keys.add("field.resume.date");
        keys.add("combine.outcome.passed.consensus");
        keys.add("combine.outcome.passed.supermajority");
        for (org.folkmoot.procedure.VoteStage v : org.folkmoot.procedure.VoteStage.values()) keys.add("projector.vote." + v.word());
        for (org.folkmoot.procedure.Basis b : org.folkmoot.procedure.Basis.values()) keys.add("basis." + b.word()); // BasisWords
        for (String step : new String[] {"presented", "check-1", "objections", "round-1", "check-2", "round-2", "final", "planning", "closed"}) {
            keys.add("ladder." + step);
        }
        return keys;
    }

    @Test
    void everyBundleHoldsExactlyTheKeysTheAppUses() throws IOException {
        Set<String> used = used();
        for (String bundle : BUNDLES) {
            Set<String> held = load(bundle).stringPropertyNames();
            assertThat(held).as(bundle + " misses keys").containsAll(used);
            assertThat(used).as(bundle + " holds unused keys").containsAll(held);
        }
    }

    @Test
    void formatsTakeTheSameArgumentsInEveryLanguage() throws IOException {
        Properties en = load(BUNDLES[0]);
        Properties es = load(BUNDLES[1]);
        int[] seen = {0};
        assertThat(Wordings.problems(en, es, seen)).isEmpty();
        // the check looked at the placeholders: hundreds of them, in both languages
        assertThat(seen[0]).isGreaterThan(500);
        for (String key : en.stringPropertyNames()) assertThat(es.getProperty(key)).as(key).isNotBlank();
    }

    @Test
    void theChecksCatchAWordingGoneWrong() {
        Properties en = new Properties();
        Properties es = new Properties();
        for (String[] pair : new String[][] {
            {"old.syntax", "{0} present", "%d presentes"},
            {"other.numbers", "{0} of {1}", "{0} de {2}"},
            {"typed", "{0} hands", "{0,number,#} manos"},
            {"escaped", "the secretary's {0}", "l''{0}"},
            {"skipped", "{0} and {2}", "{0} y {2}"},
        }) {
            en.setProperty(pair[0], pair[1]);
            es.setProperty(pair[0], pair[2]);
        }
        en.setProperty("missing", "x");
        assertThat(Wordings.problems(en, es, new int[1])).hasSize(8)
                .anyMatch(p -> p.startsWith("old.syntax: a java.util.Formatter"))
                .anyMatch(p -> p.startsWith("other.numbers: placeholders [0, 2] but [0, 1]"))
                .anyMatch(p -> p.startsWith("typed: a brace"))
                .anyMatch(p -> p.startsWith("escaped: a doubled apostrophe"))
                .anyMatch(p -> p.startsWith("skipped: English skips {1}"))
                .anyMatch(p -> p.equals("missing: missing"));
    }

    @Test
    void aWordingTakesItsArgumentsInTheLanguagesOrderWithItsApostrophesAndDigits() {
        assertThat(Words.format("{1} de {0}", "la asamblea", "el acta")).isEqualTo("el acta de la asamblea");
        assertThat(Words.format("the secretary's {0} of {1}", 1250L, "members")).isEqualTo("the secretary's 1250 of members");
        assertThat(Words.format("{0} y {3}", "a")).isEqualTo("a y {3}");
        assertThat(Words.format("90% of {0}", 10)).isEqualTo("90% of 10");
    }
}
