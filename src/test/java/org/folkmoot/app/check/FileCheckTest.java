package org.folkmoot.app.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.folkmoot.app.FolkmootApp;
import org.folkmoot.cli.FolkmootCommand;
import org.folkmoot.combine.Communities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a verdict or a result from the file manager shows whether it holds and what it says. */
class FileCheckTest {
    @TempDir
    Path tmp;

    @Test
    void aVerdictAndAResultAreCheckedAndAnythingElseRefused() throws Exception {
        var text = FolkmootApp.bundle(Locale.ENGLISH);
        Path verdict = tmp.resolve("c1.verdict");
        Files.write(verdict, Communities.verdict("c1", Communities.Decided.PASSED));
        assertThat(FileCheck.isFileToCheck(new String[] {verdict.toString()})).isTrue();
        assertThat(FileCheck.isFileToCheck(new String[] {tmp.resolve("nowhere.verdict").toString()})).isFalse();
        assertThat(FileCheck.isFileToCheck(new String[] {"replay", verdict.toString()})).isFalse();

        FileCheck.Shown shown = FileCheck.check(verdict, text);
        assertThat(shown.holds()).isTrue();
        assertThat(shown.lines()).contains("Community Verdict of Community c1 (c1)", "Resolution: R1 — Seed library",
                "Outcome: passed (consensus)", "Signed with key " + Communities.key("c1").keyId());

        Path roster = Communities.roster(tmp.resolve("roster.json"), "M1", List.of("c1"));
        Path result = tmp.resolve("M-R1.tally");
        int status = FolkmootCommand.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()),
                "combine", "--roster", roster.toString(), "--resolution", Communities.RESOLUTION, "--text-sha256", Communities.SHA,
                verdict.toString(), "--out", result.toString());
        assertThat(status).isZero();
        FileCheck.Shown tally = FileCheck.check(result, text);
        assertThat(tally.holds()).isTrue();
        assertThat(tally.lines()).contains("Result of Municipality M1 (municipality M1)", "Outcome: passed (consensus), 1 Communities reporting");

        Path fake = tmp.resolve("fake.verdict");
        Files.writeString(fake, "{\"payloadType\":\"application/vnd.folkmoot.verdict+json;version=1\",\"payload\":\"e30=\",\"signatures\":[]}");
        FileCheck.Shown refused = FileCheck.check(fake, text);
        assertThat(refused.holds()).isFalse();
        assertThat(refused.headline()).isEqualTo("Refused: this file does not hold");
        assertThat(refused.lines()).containsExactly("the envelope has no signatures");
    }
}
