package org.folkmoot.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every bundle's wordings pass (decision 0017): only {@code {n}} placeholders, the same ones in
 * English and Spanish, and an apostrophe that reaches the screen as written.
 */
public final class Wordings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");
    /** A java.util.Formatter conversion as the bundles once held them ("%s", "%d", "%1$s", "%%"); "90% del" is not one. */
    private static final Pattern FORMATTER = Pattern.compile("%(\\d+\\$)?[-#+0,(]*\\d*(\\.\\d+)?[a-zA-Z%]");

    private Wordings() {
    }

    public static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Wordings.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The argument numbers a wording names, {0} → 0. */
    public static Set<Integer> placeholders(String wording) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(wording);
        while (m.find()) found.add(Integer.parseInt(m.group(1)));
        return found;
    }

    /**
     * What is wrong with the wordings of one language's bundle and its English: a placeholder of another
     * syntax, a brace that is no placeholder, a key whose placeholders differ from the English, numbers
     * skipped in English ({0} and {2} but no {1}), a doubled apostrophe (MessageFormat's escape, which would
     * show twice), or an apostrophe lost on the way to the screen. Empty when all is well; the count of
     * placeholders seen is returned in {@code seen} so a caller can tell a check that looked at nothing.
     */
    public static List<String> problems(Properties en, Properties other, int[] seen) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            String english = en.getProperty(key);
            String said = other.getProperty(key);
            if (said == null) {
                problems.add(key + ": missing");
                continue;
            }
            for (String wording : new String[] {english, said}) {
                if (FORMATTER.matcher(wording).find()) problems.add(key + ": a java.util.Formatter placeholder in \"" + wording + "\"");
                String rest = PLACEHOLDER.matcher(wording).replaceAll("");
                if (rest.contains("{") || rest.contains("}")) problems.add(key + ": a brace that is no {n} placeholder in \"" + wording + "\"");
                if (wording.contains("''")) problems.add(key + ": a doubled apostrophe (it would show twice) in \"" + wording + "\"");
                Object[] args = new Object[10];
                for (int i = 0; i < args.length; i++) args[i] = "«" + i + "»";
                String shown = Words.format(wording, args);
                if (count(shown, '\'') != count(wording, '\'')) problems.add(key + ": an apostrophe lost in \"" + wording + "\"");
                for (int n : placeholders(wording)) {
                    seen[0]++;
                    if (!shown.contains("«" + n + "»")) problems.add(key + ": {" + n + "} not filled in \"" + wording + "\"");
                }
            }
            Set<Integer> inEnglish = placeholders(english);
            if (!placeholders(said).equals(inEnglish)) {
                problems.add(key + ": placeholders " + placeholders(said) + " but " + inEnglish + " in English");
            }
            int n = 0;
            for (int p : inEnglish) if (p != n++) problems.add(key + ": English skips {" + (n - 1) + "}");
        }
        return problems;
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
