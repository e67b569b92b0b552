package org.folkmoot.app.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.combine.Communities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file check without its window: "checking…" until the work is done, then what the file is and whether it holds. */
class FileCheckViewModelTest {
    @TempDir
    Path tmp;

    private static final ResourceBundle TEXT = FolkmootApp.bundle(Locale.ENGLISH);

    @Test
    void aVerdictIsCheckedOnTheExecutorGivenAndShownWhenDone() throws Exception {
        Path verdict = Files.write(tmp.resolve("c1.verdict"), Communities.verdict("c1", Communities.Decided.PASSED));
        List<Runnable> waiting = new ArrayList<>(); // an executor that runs its work when the test says
        FileCheckViewModel m = new FileCheckViewModel(verdict, TEXT, waiting::add);
        assertThat(m.title()).isEqualTo("Check a signed file — c1.verdict");
        assertThat(m.where()).isEqualTo(verdict.toString());
        m.check();
        assertThat(m.headlineProperty().get()).isEqualTo("Checking…");
        assertThat(m.checkedProperty().get()).isFalse();
        assertThat(m.lines()).isEmpty();

        assertThat(waiting).hasSize(1);
        waiting.get(0).run();
        assertThat(m.checkedProperty().get()).isTrue();
        assertThat(m.holdsProperty().get()).isTrue();
        assertThat(m.headlineProperty().get()).isEqualTo("The signature holds");
        assertThat(m.lines()).contains("Community Verdict of Community c1 (c1)", "Outcome: passed (consensus)",
                "Signed with key " + Communities.key("c1").keyId());
    }

    @Test
    void aFileThatDoesNotHoldIsRefusedInOneLineEach() throws Exception {
        Path fake = Files.writeString(tmp.resolve("fake.verdict"),
                "{\"payloadType\":\"application/vnd.folkmoot.verdict+json;version=1\",\"payload\":\"e30=\",\"signatures\":[]}");
        FileCheckViewModel m = new FileCheckViewModel(fake, TEXT, Runnable::run);
        m.check();
        assertThat(m.checkedProperty().get()).isTrue();
        assertThat(m.holdsProperty().get()).isFalse();
        assertThat(m.headlineProperty().get()).isEqualTo("Refused: this file does not hold");
        assertThat(m.lines()).containsExactly("the envelope has no signatures");

        Files.write(fake, new byte[] {(byte) 0xff, 0, 1});
        FileCheckViewModel garbled = new FileCheckViewModel(fake, TEXT, Runnable::run);
        garbled.check();
        assertThat(garbled.holdsProperty().get()).isFalse();
        assertThat(garbled.lines()).singleElement().asString().isNotBlank().doesNotContain("\n").doesNotContain("Exception");
    }
}
