package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.folkmoot.combine.Communities.Decided.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.folkmoot.record.Json;
import org.folkmoot.verdict.Roster;
import org.folkmoot.verdict.SignedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A count against a body's proposal: each counted verdict's meeting day, on or before the day to report by, or late. */
class CombineAgainstTest {
    static final String SHA = "ab".repeat(32);
    static final Against AGAINST = new Against(SHA, Communities.RESOLUTION, LocalDate.of(2026, 12, 20));

    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = tmp.resolve("stick").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /** {@code verdict} as if its meeting had been on {@code date}, signed again as Community {@code id}'s. */
    private static byte[] metOn(String id, String date, byte[] verdict) throws Exception {
        ObjectNode p = (ObjectNode) Json.MAPPER.readTree(SignedFile.parse(verdict).payload());
        ((ObjectNode) p.get("meeting")).put("date", date);
        return Communities.sign(id, Json.compact(p));
    }

    private Combination.Summary count(Roster roster, Against against) throws Exception {
        try (Combination c = new Combination(roster, BodyRules.defaults(), Communities.RESOLUTION, Communities.SHA, tmp, null,
                CheckedKeys.none())) {
            if (against != null) c.against(against);
            c.read(List.of(tmp.resolve("stick")), 2);
            return c.summary();
        }
    }

    @Test
    void eachCountedVerdictIsOnTimeOrLateByItsMeetingDayAndOnlyTheLatestOfACommunityCounts() throws Exception {
        Roster roster = Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", List.of("c1", "c2", "c3", "c4", "c5")));
        write("c1.verdict", metOn("c1", "2026-12-01", Communities.verdict("c1", PASSED)));
        // c2 reported late, then met again in time: the later verdict, superseding the first, is the one reported
        byte[] first = metOn("c2", "2026-12-30", Communities.verdict("c2", NOT_PASSED, "2026-12-30T20:00:00Z"));
        write("c2-first.verdict", first);
        write("c2-then.verdict", metOn("c2", "2026-12-05", Communities.verdict("c2", PASSED, "2026-12-31T20:00:00Z",
                Communities.payloadSha(first))));
        write("c3.verdict", metOn("c3", "2026-12-21", Communities.verdict("c3", TABLED)));
        write("c3-copy.verdict", metOn("c3", "2026-12-21", Communities.verdict("c3", TABLED))); // a duplicate: once
        // c4 in conflict (two verdicts, neither superseding): counted for neither, so not reported
        write("c4-a.verdict", metOn("c4", "2026-12-01", Communities.verdict("c4", PASSED, "2026-12-01T20:00:00Z")));
        write("c4-b.verdict", metOn("c4", "2026-12-02", Communities.verdict("c4", TABLED, "2026-12-02T20:00:00Z")));
        write("c5.proposal", "{\"payloadType\":\"application/vnd.folkmoot.proposal+json;version=1\"}".getBytes(StandardCharsets.UTF_8));

        Combination.Summary s = count(roster, AGAINST);
        assertThat(s.refused()).as("the .proposal is passed over").isZero();
        assertThat(s.passedOver()).isEqualTo(1);
        assertThat(s.against()).isEqualTo(AGAINST);
        assertThat(s.reports()).containsExactly(
                new Combination.Report("c1", LocalDate.of(2026, 12, 1), true),
                new Combination.Report("c2", LocalDate.of(2026, 12, 5), true),
                new Combination.Report("c3", LocalDate.of(2026, 12, 21), false));
        assertThat(s.late()).containsExactly("c3");
        assertThat(s.onTime()).isEqualTo(2);
        assertThat(SummaryText.lines(s, roster.body())).contains("On time: 2; late: 1 — Community c3 (c3) on 2026-12-21");

        Combination.Summary plain = count(roster, null);
        assertThat(plain.against()).isNull();
        assertThat(plain.reports()).isEmpty();
        assertThat(plain.late()).isEmpty();
        assertThat(SummaryText.lines(plain, roster.body())).noneMatch(l -> l.startsWith("On time") || l.startsWith("Counted against"));
    }
}
