package org.folkmoot.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way a file the user names is read, by the command line and the app alike: only a regular file
 * (a symlink to one is fine: the user named it), its size checked before a byte is read, and never more
 * than the limit read even if the file grows meanwhile. A FIFO or a device is refused before it is opened,
 * so nothing ever blocks on it or reads it forever. Every refusal is one line for a person
 * ("not a regular file: /dev/zero", "too large: x.verdict is 3 MiB, a verdict is at most 1 MiB").
 */
public final class InputFile {
    /** The limits, with what they are called in a refusal (docs/decisions/0006-files.md). */
    public enum Kind {
        VERDICT("a verdict", 1L << 20),
        /** A body's proposal: a signed file, held to a verdict's limit. */
        PROPOSAL("a proposal", 1L << 20),
        KEY_EXPORT("a key export", 64L << 10),
        ROSTER("a roster", 256L << 20),
        MEETING("a meeting script or record", 256L << 20),
        SETTINGS("the Community's settings", 1L << 20);

        private final String called;
        private final long maxBytes;

        Kind(String called, long maxBytes) {
            this.called = called;
            this.maxBytes = maxBytes;
        }

        public String called() {
            return called;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    /** Why a file was not read: one line naming the file ({@link #getMessage}), or without it ({@link #reason}). */
    public static final class Refused extends IOException {
        private final String reason;

        Refused(String line, String reason) {
            super(line, null);
            this.reason = reason;
        }

        /** The refusal for a line that names the file already ("x.verdict: refused — not a regular file"). */
        public String reason() {
            return reason;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a refusal, not a failure: nobody reads its stack
        }
    }

    private InputFile() {
    }

    /** The whole file, at most {@code kind}'s limit. */
    public static byte[] read(Path file, Kind kind) throws Refused {
        return read(file, kind.maxBytes(), kind.called());
    }

    /** The whole file, at most {@code maxBytes}; {@code called} is what such a file is ("a verdict"). */
    public static byte[] read(Path file, long maxBytes, String called) throws Refused {
        long size = regularFile(file).size();
        if (size > maxBytes) throw tooLarge(file, size, maxBytes, called);
        try (InputStream in = Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ))) {
            // at most one byte past the limit is ever read: a file swapped or growing between the look and the
            // read cannot make this read more
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) throw tooLarge(file, bytes.length, maxBytes, called);
            return bytes;
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw refused(file, e);
        }
    }

    /**
     * A stream of the file that refuses (with {@link Refused}) to give more than {@code maxBytes}: for a file
     * read as it goes (a body's result), whose limit is enforced while it streams.
     */
    public static InputStream open(Path file, long maxBytes, String called) throws Refused {
        long size = regularFile(file).size();
        if (size > maxBytes) throw tooLarge(file, size, maxBytes, called);
        InputStream in;
        try {
            in = Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ));
        } catch (IOException e) {
            throw refused(file, e);
        }
        return new InputStream() {
            private long read;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, (int) Math.min(len, maxBytes + 1 - read));
                if (n > 0) read += n;
                if (read > maxBytes) throw tooLarge(file, read, maxBytes, called);
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /**
     * The attributes of a regular file (following a symlink the user named), or a refusal saying what it is
     * instead: checked before the file is opened, so a FIFO is never opened (opening one blocks).
     */
    public static BasicFileAttributes regularFile(Path file) throws Refused {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw refused(file, e);
        }
        if (a.isDirectory()) throw new Refused("not a regular file: " + file + " (a folder)", "not a regular file (a folder)");
        if (!a.isRegularFile()) throw new Refused("not a regular file: " + file, "not a regular file");
        return a;
    }

    /** An I/O failure as one line naming the file. */
    public static Refused refused(Path file, IOException e) {
        if (e instanceof Refused r) return r;
        if (e instanceof NoSuchFileException) return new Refused("no such file: " + file, "no such file");
        if (e instanceof AccessDeniedException) return new Refused("permission denied: " + file, "permission denied");
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        why = why == null ? e.getClass().getSimpleName() : why;
        return new Refused("cannot read " + file + ": " + why, "cannot be read: " + why);
    }

    private static Refused tooLarge(Path file, long size, long maxBytes, String called) {
        String limit = called + " is at most " + Sizes.of(maxBytes);
        return new Refused("too large: " + file + " is " + Sizes.of(size) + ", " + limit, "too large: " + Sizes.of(size) + ", " + limit);
    }
}
