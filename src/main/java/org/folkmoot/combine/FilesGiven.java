package org.folkmoot.combine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.folkmoot.combine.Combination.Item;
import org.folkmoot.verdict.SignedFile;

import static org.folkmoot.combine.Combination.BATCH;

/**
 * The files given to a count, and the files in the folders given (recursively): walked, read, and handed in batches
 * to the threads that check them — a Community's verdict to the signature batches, a lower body's result to be read
 * as a stream ({@link CarriedResult}); what is neither is refused.
 */
final class FilesGiven {
    private final Path work;
    private final Refusals refusals;
    private final SignatureBatches batches;
    private final Runnable report;
    private final AtomicLong files = new AtomicLong();
    private long passedOver;

    /** @param work the count's work folder (a result's payload is decoded there); @param report tells how far the count has come */
    FilesGiven(Path work, Refusals refusals, SignatureBatches batches, Runnable report) {
        this.work = work;
        this.refusals = refusals;
        this.batches = batches;
        this.report = report;
    }

    /** How many files were read so far (the progress of the count). */
    long files() {
        return files.get();
    }

    /** How many files written beside verdicts were passed over in the folders (never refused). */
    long passedOver() {
        return passedOver;
    }

    /**
     * Reads every file given, and every file in the folders given (recursively), verifying on {@code threads}
     * threads; returns once every file has been read and handed on (the last signatures may still wait in a batch).
     */
    void read(List<Path> inputs, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4),
                // a full queue (or one shut while a result still feeds it) runs the work where it was handed in:
                // nothing is ever dropped, and what waits in memory stays bounded
                (work, executor) -> work.run());
        try {
            List<Input> batch = new ArrayList<>(BATCH);
            for (Path input : inputs) {
                if (Files.isDirectory(input)) {
                    // handed out as they are found (the verifying starts with the first folder, not after the last);
                    // the walk's own attributes say which are files, no second look at each. What is counted does
                    // not depend on the order: every list of the result is sorted.
                    try {
                        Files.walkFileTree(input, new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                                // the walk's own attributes: which are files, and their sizes
                                if (attributes.isSymbolicLink()) {
                                    attributes = linkedTo(file);
                                    if (attributes == null) return FileVisitResult.CONTINUE;
                                }
                                if (!attributes.isRegularFile()) {
                                    refusals.refuse(file.toString(), "not a regular file (a pipe, a device or a socket), not read");
                                    return FileVisitResult.CONTINUE;
                                }
                                if (writtenBeside(file)) {
                                    passedOver++;
                                    return FileVisitResult.CONTINUE;
                                }
                                batch.add(new Input(file, attributes.size()));
                                if (batch.size() == BATCH) {
                                    List<Input> these = List.copyOf(batch);
                                    batch.clear();
                                    pool.execute(() -> examine(these, pool));
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                refusals.refuse(file.toString(), (file.equals(input) ? "the folder" : "it") + " cannot be read: " + e.getMessage());
                                return FileVisitResult.CONTINUE;
                            }
                        });
                    } catch (IOException | UncheckedIOException e) {
                        refusals.refuse(input.toString(), "the folder cannot be read: " + e.getMessage());
                    }
                } else {
                    batch.add(new Input(input, -1));
                }
            }
            if (!batch.isEmpty()) {
                List<Input> these = List.copyOf(batch);
                pool.execute(() -> examine(these, pool));
            }
        } finally {
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // the queue drains; results of lower bodies may still be feeding it
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What a symbolic link in a folder leads to, when it is a file to read: a stick copied with its links keeps
     * its verdicts as links, and each is counted as the file it names (the signature inside is what is trusted,
     * never where the file lies). A link to a folder (which could lead round in a circle) or to nothing is
     * refused with a line, so that every file of a folder is in the result, counted or refused (docs/decisions/0005).
     */
    private BasicFileAttributes linkedTo(Path link) {
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            refusals.refuse(link.toString(), "a symbolic link to nothing that can be read, not counted");
            return null;
        }
        if (target.isDirectory()) {
            refusals.refuse(link.toString(), "a symbolic link to a folder, not followed");
            return null;
        }
        return target;
    }

    /**
     * What Folkmoot writes beside a verdict on a delegate's stick — the minutes, the meeting's record (or a
     * backup's records), the Community's exported public key, the body's proposal it answers — passed over in a folder, not refused: a clerk
     * counting forty sticks would otherwise read eighty refusals that are no one's mistake. (A file named
     * on the command line is always read.)
     */
    static boolean writtenBeside(Path file) {
        String name = file.getFileName().toString();
        return name.equals("minutes.pdf") || name.endsWith(".jsonl") || name.endsWith(".key.json") || name.endsWith(".proposal");
    }

    /** A file to read, and its size as the folder's walk saw it (-1: not known). */
    private record Input(Path path, long size) {
    }

    /** Some files: Community verdicts (checked together), lower bodies' results, or neither. */
    private void examine(List<Input> files, ThreadPoolExecutor pool) {
        try {
            List<Item> verdictFiles = new ArrayList<>(files.size());
            for (Input input : files) {
                this.files.incrementAndGet();
                Path file = input.path();
                String label = file.toString();
                try {
                    byte[] bytes = readSmall(file, input.size());
                    if (bytes == null) {
                        CarriedResult.read(file, label, work, carried(pool));
                        continue;
                    }
                    if (ResultEnvelope.namesResultType(bytes)) CarriedResult.read(file, label, work, carried(pool));
                    else verdictFiles.add(new Item(bytes, label));
                } catch (IOException e) {
                    refusals.refuse(label, "cannot be read: " + e.getMessage());
                }
            }
            batches.checkAll(verdictFiles);
        } catch (RuntimeException e) {
            batches.failed(e);
        }
        report.run();
    }

    /**
     * Per thread, a buffer one byte larger than a verdict may be: one read takes a whole verdict file, and a
     * full buffer says the file is larger (a body's result, read as a stream).
     */
    private static final ThreadLocal<ByteBuffer> READ_BUFFER =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect((int) SignedFile.MAX_BYTES + 1));

    /**
     * The file's bytes, or null when it is larger than a verdict may be. A count opens a million files, and
     * on a virtual machine each system call costs microseconds: a file the walk saw at {@code expected} bytes
     * is taken in one read when that read gives exactly as many (otherwise it is read to its end).
     */
    private static byte[] readSmall(Path file, long expected) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = READ_BUFFER.get();
            buffer.clear();
            int n = ch.read(buffer);
            if (n != expected || expected < 0) {
                while (n >= 0 && buffer.hasRemaining()) n = ch.read(buffer);
            }
            if (!buffer.hasRemaining()) return null; // larger than a verdict may be: read as a stream, with the size rules
            byte[] bytes = new byte[buffer.flip().remaining()];
            buffer.get(bytes);
            return bytes;
        }
    }

    /** Where a lower body's result read in this count sends what it refuses and the verdicts it carries. */
    private CarriedResult.Sink carried(ThreadPoolExecutor pool) {
        return new CarriedResult.Sink() {
            @Override
            public void refuse(String file, String reason) {
                refusals.refuse(file, reason);
            }

            @Override
            public void check(List<Item> verdicts) {
                batches.submit(verdicts, pool);
            }
        };
    }
}
