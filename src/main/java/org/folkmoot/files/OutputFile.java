package org.folkmoot.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The one way a file is written: whole or not at all (a file beside the target, forced to disk, then moved
 * into place), and, for a file the user names, never over anything without {@code --force}, and never,
 * even with it, over a file the command reads or holds dear (the roster, an input, a secret key) or over
 * anything that is not a regular file (a device, a FIFO, a folder, a symlink). A file that already holds
 * exactly the bytes to be written is left as it is: nothing would be lost, so no {@code --force} is needed
 * (docs/decisions/0006-files.md).
 */
public final class OutputFile {
    /** A file never written over, and what it is, for the refusal ("the roster this count reads"). */
    public record Kept(Path path, String what) {
    }

    /** Why a file was not written: one line, naming the file. */
    public static final class Refused extends IOException {
        public Refused(String line) {
            super(line, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private OutputFile() {
    }

    /**
     * Writes {@code bytes} to {@code target} by the rules above; returns false when the file already held them
     * (and was left alone).
     */
    public static boolean write(Path target, byte[] bytes, boolean force, Collection<Kept> kept) throws IOException {
        if (!mayWrite(target, bytes, force, kept)) return false;
        writeDurably(target, bytes, force);
        return true;
    }

    /**
     * Whether {@code target} may be written by the rules above (false: it already holds {@code bytes}, which
     * may be null when they are not known yet); a {@link Refused} when it may not. Checked for every file a
     * command writes before it writes the first, so that a refusal changes nothing.
     */
    public static boolean mayWrite(Path target, byte[] bytes, boolean force, Collection<Kept> kept) throws Refused {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException absent) {
            return true;
        } catch (IOException e) {
            throw refused(target, e);
        }
        if (!a.isRegularFile()) throw new Refused("not a regular file, not overwritten: " + target);
        if (bytes != null && a.size() == bytes.length && holds(target, bytes)) return false; // nothing would change
        for (Kept k : kept) {
            if (k.path() != null && same(target, k.path())) {
                throw new Refused("not overwritten, even with --force: " + target + " is " + k.what());
            }
        }
        if (!force) throw new Refused("exists, not overwritten (use --force): " + target);
        return true;
    }

    /** Writes whole or not at all, replacing what is there: for the program's own files (settings, the room). */
    public static void writeDurably(Path target, byte[] bytes) throws IOException {
        writeDurably(target, bytes, true);
    }

    private static void writeDurably(Path target, byte[] bytes, boolean replace) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // created with the user's usual permissions (a temp file would be owner-only): these files are meant to be shared
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) ch.write(buffer);
                ch.force(true);
            }
            if (replace) {
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                try {
                    // no REPLACE_EXISTING: a file that appeared since the check is not written over
                    Files.move(temp, target);
                } catch (FileAlreadyExistsException e) {
                    throw new Refused("exists, not overwritten (use --force): " + target);
                }
            }
            syncFolder(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The move itself to disk (the folder's entry), where the system allows a folder to be synced. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // Windows opens no folder as a channel; its moves are written through
        }
    }

    private static boolean same(Path target, Path other) {
        try {
            return Files.exists(other) && Files.isSameFile(target, other);
        } catch (IOException e) {
            return target.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
        }
    }

    private static boolean holds(Path target, byte[] bytes) {
        try {
            return Arrays.equals(InputFile.read(target, bytes.length, "the file"), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    private static Refused refused(Path target, IOException e) {
        if (e instanceof AccessDeniedException) return new Refused("permission denied: " + target);
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return new Refused("cannot write " + target + ": " + why);
    }

    /** The kept files, none of them null. */
    public static List<Kept> kept(Kept... kept) {
        return Arrays.stream(kept).filter(k -> k.path() != null).toList();
    }
}
