package org.folkmoot.files;

/** A size as a person says it: "3 MiB", "64 KiB", "812 bytes". */
final class Sizes {
    private Sizes() {
    }

    static String of(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) return (bytes >> 30) + " GiB";
        if (bytes >= 1L << 20) return round(bytes, 1L << 20) + " MiB";
        if (bytes >= 1L << 10) return round(bytes, 1L << 10) + " KiB";
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    /** Whole units where exact, else one decimal (1.5 MiB), never rounded down to the limit itself. */
    private static String round(long bytes, long unit) {
        if (bytes % unit == 0) return Long.toString(bytes / unit);
        long tenths = bytes / unit * 10 + (bytes % unit * 10 + unit - 1) / unit; // up: a file just over 1 MiB reads "1.1 MiB", not "1 MiB"
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
    }
}
