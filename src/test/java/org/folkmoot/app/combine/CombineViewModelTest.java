package org.folkmoot.app.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.procedure.Meeting;
import org.folkmoot.verdict.CommunityKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Count verdicts form without its window: the text's hash as the Communities' verdicts carry it. */
class CombineViewModelTest {
    @TempDir
    Path tmp;

    private CombineViewModel model() {
        return new CombineViewModel(FolkmootApp.bundle(Locale.ENGLISH), CommunityKey.fromSeed(new byte[32]), tmp);
    }

    @Test
    void aTextFileHashesTheSameWithOrWithoutItsFinalLineBreak() throws Exception {
        String text = "Every Community keeps a seed library, open on market days.";
        Path bare = Files.writeString(tmp.resolve("bare.txt"), text);
        Path editor = Files.writeString(tmp.resolve("editor.txt"), text + "\n");
        Path windows = Files.writeString(tmp.resolve("windows.txt"), text + "\r\n");
        CombineViewModel m = model();
        for (Path f : new Path[] {bare, editor, windows}) {
            m.textSha256Property().set("");
            m.hashTextOf(f);
            assertThat(m.textSha256Property().get()).as(f.getFileName().toString()).isEqualTo(Meeting.textSha256(text));
            assertThat(m.messageProperty().get()).isEmpty();
        }
    }

    @Test
    void onlyOneFinalLineBreakIsDropped() throws Exception {
        Path twice = Files.writeString(tmp.resolve("twice.txt"), "A line.\n\n");
        CombineViewModel m = model();
        m.hashTextOf(twice);
        assertThat(m.textSha256Property().get()).isEqualTo(Meeting.textSha256("A line.\n"));
    }

    @Test
    void aFileThatIsNotUtf8TextIsRefusedAndTheHashKept() throws Exception {
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        CombineViewModel m = model();
        m.textSha256Property().set("kept");
        m.hashTextOf(latin1);
        assertThat(m.textSha256Property().get()).isEqualTo("kept");
        assertThat(m.messageProperty().get()).isEqualTo("latin1.txt cannot be read as text");
    }
}
