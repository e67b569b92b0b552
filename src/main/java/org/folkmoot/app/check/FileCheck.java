package org.folkmoot.app.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.folkmoot.combine.TallyVerifier;
import org.folkmoot.files.DataFolder;
import org.folkmoot.procedure.Words;
import org.folkmoot.verdict.SignedFile;
import org.folkmoot.verdict.VerdictVerifier;

/**
 * What opening a {@code .verdict} or {@code .tally} file (from the file manager, a USB stick) shows: whether
 * it holds, what it says, and what its signature proves. Checked with the key the file carries: that the file
 * is whole and signed by that key; whose key it is, the roster says (the clerk's count checks that).
 */
public final class FileCheck {
    /** The outcome: holds or not, a headline, and the lines under it. */
    public record Shown(boolean holds, String headline, List<String> lines) {
    }

    private FileCheck() {
    }

    /** Whether {@code args} is one file the app opens to check (what a desktop passes when one is opened). */
    public static boolean isFileToCheck(String[] args) {
        if (args.length != 1) return false;
        String name = args[0].toLowerCase(Locale.ROOT);
        return (name.endsWith(".verdict") || name.endsWith(".tally")) && Files.isRegularFile(Path.of(args[0]));
    }

    public static Shown check(Path file, ResourceBundle text) {
        List<String> lines = new ArrayList<>();
        try {
            if (TallyVerifier.isResult(file)) {
                TallyVerifier.Checked c = TallyVerifier.verify(file, null, null, DataFolder.work());
                lines.add(Words.format(text.getString("check.tally.body"), c.name(), c.level(), c.body()));
                lines.add(Words.format(text.getString("check.resolution"), c.resolution()));
                lines.add(Words.format(text.getString("check.tally.outcome"), c.outcome() + (c.route() == null ? "" : " (" + c.route() + ")"),
                        c.reporting()));
                lines.add(Words.format(text.getString("check.fingerprint"), c.fingerprint()));
                lines.add(Words.format(text.getString("check.key"), c.keyId()));
                lines.add(text.getString("check.tally.proves"));
                return new Shown(true, text.getString("check.holds"), lines);
            }
            VerdictVerifier.Verified v = VerdictVerifier.verify(file, null, VerdictVerifier.Expected.ANY);
            lines.add(Words.format(text.getString("check.verdict.community"), v.communityName(),
                    v.communityId()));
            lines.add(Words.format(text.getString("check.resolution"), v.resolutionId() + " — " + v.resolutionTitle()));
            lines.add(Words.format(text.getString("check.verdict.outcome"), v.outcome() + (v.route() == null ? "" : " (" + v.route() + ")")));
            lines.add(Words.format(text.getString("check.fingerprint"), v.fingerprint()));
            lines.add(Words.format(text.getString("check.key"), v.keyId()));
            lines.add(text.getString("check.verdict.proves"));
            return new Shown(true, text.getString("check.holds"), lines);
        } catch (SignedFile.Refused e) {
            lines.add(e.getMessage());
            return new Shown(false, text.getString("check.refused"), lines);
        } catch (java.io.IOException | RuntimeException e) {
            lines.add(String.valueOf(e.getMessage()));
            return new Shown(false, text.getString("check.refused"), lines);
        }
    }
}
