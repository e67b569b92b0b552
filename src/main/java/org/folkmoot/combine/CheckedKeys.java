package org.folkmoot.combine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.folkmoot.files.InputFile;
import org.folkmoot.verdict.Ed25519Keys;

/**
 * The Community keys this laptop has found to be points of prime order ({@link Ed25519Keys#isValidPublicKey}),
 * remembered in the data folder. The check costs a scalar multiplication, some 100 µs — as much again as the
 * rest of a verdict's count — and its answer for a key never changes, so each key is checked once per laptop:
 * the first count with a roster pays for its keys, every later count (each resolution, each recount) looks
 * them up. A key found not valid is not remembered: it is refused, and checked again, every time.
 *
 * <p>The file holds the first 16 bytes of each key's SHA-256, appended as keys are found valid; a key is taken
 * as checked only if its own hash is there (another key with those 16 bytes would take some 2^128 tries). A
 * damaged or unreadable file costs only time: nothing in it can make a key count that is not valid, short
 * of writing it on purpose — and whoever can write the data folder holds the body's key anyway.
 */
public final class CheckedKeys implements AutoCloseable {
    private static final int RECORD = 16;
    /**
     * Four million keys: four times a roster of a million Communities. A larger file is not read (it is not
     * one this program wrote for any real roster), so that nothing standing there can run a count out of memory.
     */
    static final long MAX_BYTES = 64L << 20;

    private final Path file;
    private final long[] high, low; // the remembered hashes, sorted by (high, low)
    private final Set<ByteBuffer> found = new HashSet<>(); // found valid in this count: what close() appends

    private CheckedKeys(Path file, long[] high, long[] low) {
        this.file = file;
        this.high = high;
        this.low = low;
    }

    /** The keys remembered in {@code file} (none when it is missing or cannot be read). */
    public static CheckedKeys in(Path file) {
        byte[] bytes;
        try {
            // only a regular file, at most MAX_BYTES: a FIFO in its place would block the count, /dev/zero fill memory
            bytes = file == null ? new byte[0] : InputFile.read(file, MAX_BYTES, "the list of checked keys");
        } catch (IOException | RuntimeException unreadable) {
            bytes = new byte[0]; // only slower: every key is checked again
        }
        int n = bytes.length / RECORD; // a record cut short at the end (a count stopped mid-write) is passed over
        long[][] pairs = new long[n][];
        ByteBuffer b = ByteBuffer.wrap(bytes);
        for (int i = 0; i < n; i++) pairs[i] = new long[] {b.getLong(), b.getLong()};
        Arrays.sort(pairs, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long[] high = new long[n], low = new long[n];
        for (int i = 0; i < n; i++) {
            high[i] = pairs[i][0];
            low[i] = pairs[i][1];
        }
        return new CheckedKeys(file, high, low);
    }

    /** The keys this laptop has checked: {@code checked-keys} in its data folder. */
    public static CheckedKeys here() {
        return in(org.folkmoot.files.DataFolder.path().resolve("checked-keys"));
    }

    /** Remembered nowhere: each key checked once in this count. */
    public static CheckedKeys none() {
        return in(null);
    }

    /** Whether {@code key} is a valid Community key: looked up if checked before, else checked (and remembered). */
    public boolean valid(byte[] key) {
        if (key == null || key.length != Ed25519Keys.KEY_BYTES) return false;
        byte[] h = hash(key);
        ByteBuffer b = ByteBuffer.wrap(h);
        long hi = b.getLong(0), lo = b.getLong(8);
        if (remembered(hi, lo)) return true;
        synchronized (found) {
            if (found.contains(b)) return true;
        }
        if (!Ed25519Keys.isValidPublicKey(key)) return false;
        synchronized (found) {
            found.add(b);
        }
        return true;
    }

    private boolean remembered(long hi, long lo) {
        int from = 0, to = high.length - 1;
        while (from <= to) {
            int mid = (from + to) >>> 1;
            int c = high[mid] != hi ? Long.compare(high[mid], hi) : Long.compare(low[mid], lo);
            if (c == 0) return true;
            if (c < 0) from = mid + 1;
            else to = mid - 1;
        }
        return false;
    }

    /** One SHA-256 a thread: looked up per verdict, and a provider lookup costs more than the hash of 32 bytes. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    });

    private static byte[] hash(byte[] key) {
        return Arrays.copyOf(SHA256.get().digest(key), RECORD);
    }

    /** Appends the keys found valid in this count to the file; a failure to write only loses the time saved. */
    @Override
    public void close() {
        ByteBuffer out;
        synchronized (found) {
            if (file == null || found.isEmpty()) return;
            out = ByteBuffer.allocate(found.size() * RECORD);
            for (ByteBuffer h : found) out.put(h.duplicate());
            found.clear();
        }
        out.flip();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // appended to only as the program's own regular file: opening a FIFO to write blocks until someone reads it,
            // and a file past the limit is never read again anyway
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    && (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES - out.remaining())) return;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                long size = ch.size();
                if (size % RECORD != 0) ch.truncate(size - size % RECORD); // drop a record cut short before
                while (out.hasRemaining()) ch.write(out);
            }
        } catch (IOException | RuntimeException e) {
            // a cache: the next count checks these keys again
        }
    }
}
