package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.folkmoot.proposal.Proposal;
import org.folkmoot.files.DataFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The body's clerk issues a proposal; a Community enrolls the body's key and checks the proposal with it. */
class ProposalCommandTest {
    @TempDir
    Path tmp;
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(DataFolder.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) System.clearProperty(DataFolder.PROPERTY); else System.setProperty(DataFolder.PROPERTY, before);
    }

    /** Runs a command on the laptop whose data folder is {@code home}. */
    private Cli on(String home, String... args) {
        System.setProperty(DataFolder.PROPERTY, tmp.resolve(home).toString());
        return Cli.run(args);
    }

    private Path issued() throws Exception {
        Path roster = tmp.resolve("m7.roster.json");
        assertThat(on("body", "roster", "new", roster.toString(), "--level", "municipality", "--id", "M7", "--name", "Millbrook").status()).isZero();
        Path text = tmp.resolve("text.txt");
        Files.writeString(text, "We open the market on Sundays.\n");
        Path out = tmp.resolve("M7-R4.proposal");
        Cli made = on("body", "proposal", "new", "--id", "M7-R4", "--title", "Sunday market", "--text-file", text.toString(),
                "--report-by", "2026-12-20", "--roster", roster.toString(), "--consensus", "19/20", "--out", out.toString());
        assertThat(made.err()).isEmpty();
        assertThat(made.status()).isZero();
        assertThat(made.out()).contains("proposal M7-R4 of Millbrook (municipality M7), to report by 2026-12-20");
        return out;
    }

    @Test
    void aProposalIsIssuedEnrolledAndShown() throws Exception {
        Path proposal = issued();
        Proposal p = Proposal.parse(Files.readAllBytes(proposal));
        assertThat(p.text()).as("the text file's final line break dropped").isEqualTo("We open the market on Sundays.");
        assertThat(p.rules().consensus().toString()).isEqualTo("19/20");

        Cli mine = on("body", "proposal", "show", proposal.toString());
        assertThat(mine.status()).as("the clerk checks it with the laptop's own body key").isZero();
        assertThat(mine.out()).contains("this laptop's own body key");

        Cli unknown = on("riverside", "proposal", "show", proposal.toString());
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("enrolled no body's key yet").doesNotContain("Exception");

        Path key = tmp.resolve("m7.body-key.json");
        Cli export = on("body", "roster", "key", "--export", key.toString(), "--roster", tmp.resolve("m7.roster.json").toString());
        assertThat(export.status()).isZero();
        String keyId = on("body", "roster", "key").out().lines().filter(l -> l.startsWith("key id:")).findFirst().orElseThrow()
                .substring("key id:".length()).strip();
        assertThat(export.out()).contains(keyId).contains("Millbrook (municipality M7)");

        Cli add = on("riverside", "bodies", "add", key.toString());
        assertThat(add.status()).isZero();
        assertThat(add.out()).as("the key id to read against the body's, in person").contains("enrolled Millbrook (municipality M7), key " + keyId);
        assertThat(on("riverside", "bodies", "add", key.toString()).err()).contains("already enrolled");
        assertThat(on("riverside", "bodies", "show").out()).contains(keyId + "  Millbrook (municipality M7)");

        Cli shown = on("riverside", "proposal", "show", proposal.toString());
        assertThat(shown.status()).isZero();
        assertThat(shown.out()).contains("proposal M7-R4 \"Sunday market\" from Millbrook (municipality M7)")
                .contains("signed by " + keyId + " — enrolled for Millbrook (municipality M7)")
                .contains("report by 2026-12-20").contains("consensus 19/20").contains(p.fingerprint())
                .contains("    We open the market on Sundays.");
        Cli json = on("riverside", "proposal", "show", proposal.toString(), "--json");
        assertThat(json.out().strip()).isEqualTo(new String(p.payload(), StandardCharsets.UTF_8));

        byte[] bytes = Files.readAllBytes(proposal);
        int at = new String(bytes, StandardCharsets.US_ASCII).indexOf("\"payload\":\"") + 40;
        bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
        Path tampered = tmp.resolve("tampered.proposal");
        Files.write(tampered, bytes);
        Cli refused = on("riverside", "proposal", "show", tampered.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err().lines().count()).isEqualTo(1);

        assertThat(on("riverside", "bodies", "remove", keyId).status()).isZero();
        assertThat(on("riverside", "proposal", "show", proposal.toString()).status()).isEqualTo(1);
    }

    @Test
    void badInputToProposalNewIsOneLineAndWritesNothing() throws Exception {
        Path roster = tmp.resolve("m8.roster.json");
        assertThat(on("body", "roster", "new", roster.toString(), "--level", "municipality", "--id", "M8").status()).isZero();
        Path text = tmp.resolve("empty.txt");
        Files.writeString(text, "\n");
        Path out = tmp.resolve("x.proposal");
        String[] base = {"proposal", "new", "--id", "X", "--title", "T", "--report-by", "2026-12-20", "--roster", roster.toString(),
            "--out", out.toString(), "--text-file"};
        Cli empty = on("body", concat(base, text.toString()));
        assertThat(empty.status()).isEqualTo(FolkmootCommand.REFUSED);
        assertThat(empty.err()).contains("text is empty");
        Files.write(text, new byte[] {'a', (byte) 0xFF});
        assertThat(on("body", concat(base, text.toString())).err()).contains("not UTF-8");
        Cli fifoLike = on("body", concat(base, tmp.toString()));
        assertThat(fifoLike.status()).isEqualTo(FolkmootCommand.REFUSED);
        Cli badDay = on("body", "proposal", "new", "--id", "X", "--title", "T", "--report-by", "20/12/2026", "--roster", roster.toString(),
                "--out", out.toString(), "--text-file", text.toString());
        assertThat(badDay.err()).contains("is not a day written YYYY-MM-DD");
        Cli badShare = on("body", "proposal", "new", "--id", "X", "--title", "T", "--report-by", "2026-12-20", "--roster", roster.toString(),
                "--out", out.toString(), "--text-file", text.toString(), "--final", "3/2");
        assertThat(badShare.status()).as("a share its converter cannot read: a usage error").isEqualTo(FolkmootCommand.USAGE);
        assertThat(out).doesNotExist();
        for (Cli c : new Cli[] {empty, fifoLike, badDay, badShare}) assertThat(c.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String[] concat(String[] a, String b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }
}
