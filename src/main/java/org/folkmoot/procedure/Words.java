package org.folkmoot.procedure;

import java.util.function.IntFunction;

/**
 * The one way a wording of the bundles ({@code app/messages*.properties}, {@code procedure/words*.properties})
 * takes its arguments: {@code {0}}, {@code {1}}, … stand where the arguments go, in any order the language
 * needs, and each argument is put in as it is ({@link String#valueOf}).
 *
 * <p>Not {@link java.text.MessageFormat} although it is its placeholder: MessageFormat eats a single quote
 * (the English "secretary's", the Spanish quotes a translator writes) and writes counts with the language's
 * grouping ("1,250", "1.250"), and the minutes, the verdicts' words and the command line print counts and
 * ids as the record holds them. Here an apostrophe is an apostrophe and a number is its digits
 * (docs/decisions/0017-one-placeholder-syntax.md).
 *
 * <p>A screen says {@code Words.format(text.getString("key"), args…)}: the key stays a literal
 * {@code getString("…")}, where the bundle test finds it.
 */
public final class Words {
    private Words() {
    }

    /** {@code template} with {@code {n}} replaced by argument n; a placeholder with no argument stays as written. */
    public static String format(String template, Object... args) {
        return fill(template, n -> n < args.length ? String.valueOf(args[n]) : null);
    }

    /** {@code template} with {@code {n}} replaced by {@code arg.apply(n)}, or left as written where that is null. */
    static String fill(String template, IntFunction<String> arg) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && Character.isDigit(template.charAt(i + 1))
                    && template.charAt(i + 2) == '}') {
                String said = arg.apply(template.charAt(i + 1) - '0');
                out.append(said != null ? said : template.substring(i, i + 3));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
