package org.folkmoot.procedure;

import java.math.BigInteger;

/**
 * A threshold or a support written as {@code p/q}. Kept unreduced: the rulebook prints supports as
 * counted ({@code 109/118}), and every comparison is an exact integer cross-product.
 */
public record Fraction(long numerator, long denominator) {

    public Fraction {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("a fraction cannot be negative");
        }
    }

    /** Parses {@code "p/q"} with {@code 0 <= p <= q} and {@code q >= 1}: every rule of the rulebook is such a share. */
    public static Fraction parseShare(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not a fraction written as \"p/q\"");
        }
        long p = parseWhole(text.substring(0, slash), text);
        long q = parseWhole(text.substring(slash + 1), text);
        if (q == 0) {
            throw new IllegalArgumentException("\"" + text + "\" divides by zero");
        }
        if (p > q) {
            throw new IllegalArgumentException("\"" + text + "\" is more than the whole (p must not exceed q)");
        }
        return new Fraction(p, q);
    }

    private static long parseWhole(String digits, String whole) {
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("\"" + whole + "\" is not a fraction of whole numbers written as \"p/q\"");
        }
        return Long.parseLong(digits);
    }

    /** Compares {@code this} with {@code other} exactly; a zero denominator counts as nothing (0). */
    public int compareTo(Fraction other) {
        // a/b <=> c/d  is  a*d <=> c*b for positive b, d
        long b = denominator == 0 ? 1 : denominator;
        long a = denominator == 0 ? 0 : numerator;
        long d = other.denominator == 0 ? 1 : other.denominator;
        long c = other.denominator == 0 ? 0 : other.numerator;
        try {
            return Long.compare(Math.multiplyExact(a, d), Math.multiplyExact(c, b));
        } catch (ArithmeticException overflow) {
            return BigInteger.valueOf(a).multiply(BigInteger.valueOf(d))
                    .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(b)));
        }
    }

    /** {@code this >= threshold}; a support with nothing under it (0/0) reaches nothing. */
    public boolean reaches(Fraction threshold) {
        return denominator > 0 && compareTo(threshold) >= 0;
    }

    /** {@code this > threshold}; a support with nothing under it (0/0) exceeds nothing. */
    public boolean exceeds(Fraction threshold) {
        return denominator > 0 && compareTo(threshold) > 0;
    }

    /** The share as a percentage to a tenth (half-even), exact from the integers: "83.3%". Not for 0/0. */
    public String percent() {
        if (denominator == 0) throw new IllegalStateException("0/0 is no share");
        return new java.math.BigDecimal(numerator).multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(denominator), 1, java.math.RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
