package org.folkmoot.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.folkmoot.files.OutputFile;

/**
 * Where tonight's minutes go to be printed (issue 14, finding 3): a copy kept in the data folder's
 * {@code minutes/}, whatever happens next, and the system's PDF viewer when there is one to print from. Where
 * there is none the secretary is told where the copy is, instead of nothing happening.
 */
public final class MinutesPrinting {
    private MinutesPrinting() {
    }

    /** Keeps {@code pdf} as {@code <data>/minutes/<community>-meeting-<n>-<date>.pdf}, whole or not at all. */
    public static Path keep(Path dataFolder, String community, int meeting, String date, byte[] pdf) throws IOException {
        String name = (community + "-meeting-" + meeting + "-" + date).replaceAll("[^\\p{L}\\p{N}._-]", "_") + ".pdf";
        Path file = dataFolder.resolve("minutes").resolve(name);
        OutputFile.writeDurably(file, pdf);
        return file;
    }

    /**
     * Whether this laptop has a program to open a PDF with. Windows and macOS always have one; on Linux the
     * desktop's default for {@code application/pdf}, asked of {@code xdg-mime} (a desktop without it has none).
     */
    public static boolean hasPdfViewer() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return true;
        try {
            Process p = new ProcessBuilder("xdg-mime", "query", "default", "application/pdf").redirectErrorStream(true).start();
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && !new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).isBlank();
        } catch (IOException e) {
            return false; // no xdg-mime: no desktop to open a file with
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
