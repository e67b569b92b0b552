package org.folkmoot.procedure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Something the procedure says — why an action is refused, what comes next, a stage, an entry in a few
 * words — as a key and its arguments, so the console can say it in the facilitator's language while
 * {@code replay}, {@code audit} and the verdict keep one English wording ({@link #text()}).
 *
 * <p>The wordings live in {@code org/folkmoot/procedure/words*.properties}. Arguments that are the
 * procedure's own words (a {@link Stage}, a {@link VoteStage}, an {@link Outcome}, or another reason) are
 * said in the same language; anything else (names, counts, ids, quoted passages) is shown as it is.
 */
public final class Reason {
    static final String BUNDLE = "org.folkmoot.procedure.words";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Locale, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private final String key;
    private final List<Object> args;

    private Reason(String key, List<Object> args) {
        this.key = key;
        this.args = args;
    }

    /** A wording of the bundle and its arguments, {0}, {1}, ... in the wording. */
    public static Reason of(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        return new Reason(key, Collections.unmodifiableList(new ArrayList<>(Arrays.asList(args))));
    }

    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }

    /** In English: the wording of {@code replay}, {@code audit} and the minutes. */
    public String text() {
        return text(Locale.ROOT);
    }

    /** In the language of {@code locale}, English where it has no wording. */
    public String text(Locale locale) {
        return render(bundle(locale));
    }

    /** One of the procedure's words (a stage, a vote, an outcome, a key of its own) in a language. */
    public static String word(Object word, Locale locale) {
        return say(word, bundle(locale));
    }

    private String render(ResourceBundle words) {
        return Words.fill(words.getString(key), n -> n < args.size() ? say(args.get(n), words) : null);
    }

    private static String say(Object arg, ResourceBundle words) {
        if (arg instanceof Reason r) return r.render(words);
        if (arg instanceof Stage s) return words.getString("stage." + s.name());
        if (arg instanceof VoteStage v) return words.getString("vote." + v.name());
        if (arg instanceof Outcome o) return words.getString("outcome." + o.name());
        if (arg instanceof Route r) return words.getString("route." + r.name());
        if (arg instanceof Tally t) return of("tally", t.inFavour(), t.against(), t.abstain()).render(words);
        return String.valueOf(arg);
    }

    private static ResourceBundle bundle(Locale locale) {
        return BUNDLES.computeIfAbsent(locale, l -> {
            try {
                // no fallback to the JVM's default locale: English (the base bundle) is the fallback
                return ResourceBundle.getBundle(BUNDLE, l, Reason.class.getClassLoader(), NO_FALLBACK);
            } catch (MissingResourceException e) {
                throw new IllegalStateException("the procedure's words are missing from the build", e);
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reason r && r.key.equals(key) && r.args.equals(args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + args.hashCode();
    }

    /** The English wording. */
    @Override
    public String toString() {
        return text();
    }
}
