package org.folkmoot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.folkmoot.procedure.Reason;
import org.folkmoot.record.Json;
import org.folkmoot.session.ClosingPapers;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 5: every decided resolution keeps its own verdict file — ids that differ only in
 * characters a file name cannot hold, or only in case (a FAT stick), never share one — and an id that could
 * not be a file name or a line is refused when it is presented.
 */
class VerdictFileNamesTest {
    private static final String HEADER = "{\"format\":\"folkmoot-meeting/1\",\"community\":{\"id\":\"t\",\"name\":\"T\",\"members\":150}}";

    @TempDir
    Path tmp;

    private static String decided(String id) {
        // withdrawn at once: an outcome, and so a verdict, with nothing left open to block the next
        return "{\"do\":\"present\",\"resolution\":" + Json.MAPPER.valueToTree(id) + ",\"title\":\"T\",\"text\":"
                + Json.MAPPER.valueToTree("Text of " + id + ".") + ",\"proposer\":\"P\"}\n{\"do\":\"withdraw\"}";
    }

    private Path script(List<String> ids) throws IOException {
        StringBuilder s = new StringBuilder(HEADER).append("\n{\"do\":\"attendance\",\"present\":100}\n");
        for (String id : ids) s.append(decided(id)).append('\n');
        Path file = tmp.resolve("meeting-" + System.nanoTime() + ".jsonl");
        Files.writeString(file, s, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void idsThatFoldToOneNameEachKeepTheirVerdict() throws Exception {
        List<String> ids = List.of("R1", "r1", "a/b", "a_b", "决议一", "决议二", "B-1", "CON", "a\\b");
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("replay", script(ids).toString(), "--out", out.toString());
        assertThat(cli.status()).as(cli.err()).isZero();
        assertThat(cli.out().lines()).hasSize(ids.size());

        List<Path> verdicts;
        try (Stream<Path> files = Files.list(out)) {
            verdicts = files.filter(p -> p.toString().endsWith(".verdict")).toList();
        }
        assertThat(verdicts).as("one verdict per decided resolution, none lost").hasSize(ids.size());
        Set<String> folded = new HashSet<>();
        List<String> carried = new ArrayList<>();
        for (Path v : verdicts) {
            assertThat(folded.add(v.getFileName().toString().toLowerCase(Locale.ROOT)))
                    .as("distinct also where case is ignored: " + v).isTrue();
            var payload = SignedFile.object(SignedFile.parse(Files.readAllBytes(v)).payload(), "the payload");
            carried.add(payload.path("resolution").path("id").asText());
        }
        assertThat(carried).containsExactlyInAnyOrderElementsOf(ids);
        // a plain id keeps its plain name (docs/meeting-format.md: DIR/<resolution-id>.verdict), the first of a case pair too
        assertThat(out.resolve("R1.verdict")).exists();
        assertThat(out.resolve("B-1.verdict")).exists();
        assertThat(out.resolve("CON.verdict")).as("a device name on Windows").doesNotExist();
        // each verdict audits against the record, under the name the replay gave it
        for (Path v : verdicts) {
            Cli audit = Cli.run("audit", v.toString(), out.resolve("record.jsonl").toString());
            assertThat(audit.status()).as(audit.err()).isZero();
        }
    }

    @Test
    void aVerdictsNameDoesNotChangeAsItsRecordGoesOn() {
        List<String> ids = List.of("R1", "a/b", "r1", "a_b", "x y", "R1.", "X Y");
        Map<String, String> whole = ClosingPapers.verdictNames(ids);
        for (int n = 1; n <= ids.size(); n++) {
            Map<String, String> prefix = ClosingPapers.verdictNames(ids.subList(0, n));
            for (String id : ids.subList(0, n)) assertThat(prefix.get(id)).as(id).isEqualTo(whole.get(id));
        }
        assertThat(ClosingPapers.verdictNames(ids)).isEqualTo(whole);
        assertThat(new HashSet<>(whole.values().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList())).hasSize(ids.size());
    }

    @Test
    void anIdTooLongOrHoldingALineBreakIsRefusedWhenPresented() throws IOException {
        String longId = "R".repeat(236);
        Cli tooLong = Cli.run("replay", script(List.of(longId)).toString(), "--out", tmp.resolve("a").toString());
        assertThat(tooLong.status()).isEqualTo(2);
        assertThat(tooLong.err().lines()).hasSize(1);
        assertThat(tooLong.err()).contains("entry 2 (present): the resolution id is 236 characters long; an id is at most 64");
        assertThat(tmp.resolve("a").resolve(longId + ".verdict")).doesNotExist();

        Cli split = Cli.run("replay", script(List.of("R1\nR2 passed")).toString(), "--out", tmp.resolve("b").toString());
        assertThat(split.status()).isEqualTo(2);
        assertThat(split.out()).isEmpty();
        assertThat(split.err()).contains("the resolution id holds a control character");

        // 64 characters of any script are an id: Chinese ids of 64 characters are decided and written
        String wide = "决".repeat(64);
        Cli fits = Cli.run("replay", script(List.of(wide)).toString(), "--out", tmp.resolve("c").toString());
        assertThat(fits.status()).as(fits.err()).isZero();
        assertThat(fits.out()).startsWith(wide + " withdrawn");

        Cli community = Cli.run("replay", Files.writeString(tmp.resolve("c.jsonl"),
                HEADER.replace("\"id\":\"t\"", "\"id\":\"" + "c".repeat(65) + "\"") + "\n").toString(), "--out", tmp.resolve("d").toString());
        assertThat(community.status()).isEqualTo(2);
        assertThat(community.err()).contains("the Community id is 65 characters long; an id is at most 64");
    }

    @Test
    void theRefusalIsSaidInSpanishToo() {
        Reason r = org.folkmoot.procedure.Ids.problem("resolution-id", "R".repeat(70));
        assertThat(r.text(Locale.forLanguageTag("es"))).isEqualTo(
                "el identificador de la resolución tiene 70 caracteres; un identificador tiene como máximo 64");
        assertThat(org.folkmoot.procedure.Ids.problem("resolution-id", "R1\tx").text(Locale.forLanguageTag("es")))
                .startsWith("el identificador de la resolución contiene un carácter de control");
    }
}
