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
        for (String key : en.stringPropertyNames()) {
            assertThat(es.getProperty(key).replaceAll("[^%]*(%[a-z])?", "$1"))
                    .as(key).isEqualTo(en.getProperty(key).replaceAll("[^%]*(%[a-z])?", "$1"));
            assertThat(es.getProperty(key)).as(key).isNotBlank();
        }
    }
}
