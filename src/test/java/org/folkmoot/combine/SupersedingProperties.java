package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import org.folkmoot.verdict.CommunityKey;
import org.folkmoot.verdict.Roster;

/**
 * Chains of verdicts that supersede one another — some with their middle missing, some forked, some copied —
 * give the count the rule says (the latest counts, the ones another names are superseded, two left standing
 * are a conflict) and the same result bytes, whatever the order of the files and the number of threads.
 */
@Tag("property")
class SupersedingProperties {
    private static final Communities.Decided[] KINDS = {Communities.Decided.PASSED, Communities.Decided.NOT_PASSED,
        Communities.Decided.TABLED};

    private record Made(byte[] bytes, String sha, Set<String> supersedes) {
    }

    @Property(tries = 6)
    void chainsOfVerdictsCountByTheRuleAndGiveTheSameBytes(@ForAll("seeds") long seed,
                                                          @ForAll @IntRange(min = 3, max = 50) int communities) throws Exception {
        Path tmp = Files.createTempDirectory("superseding");
        try {
            Random random = new Random(seed);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < communities; i++) ids.add(String.format("c%03d", i));
            Roster roster = Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", ids));
            Path stick = Files.createDirectories(tmp.resolve("stick"));
            long reporting = 0;
            List<String> conflicts = new ArrayList<>();
            List<Combination.Superseded> superseded = new ArrayList<>();
            for (String id : ids) {
                // the Community's verdicts over its meetings: each names some (or, forked, none) of the earlier
                List<Made> chain = new ArrayList<>();
                int length = 1 + random.nextInt(4);
                for (int i = 0; i < length; i++) {
                    List<String> names = new ArrayList<>();
                    for (Made earlier : chain) if (random.nextInt(3) > 0) names.add(earlier.sha());
                    byte[] v = Communities.verdict(id, KINDS[random.nextInt(KINDS.length)],
                            String.format("2026-12-%02dT21:00:00Z", 1 + i), names.toArray(String[]::new));
                    chain.add(new Made(v, Communities.payloadSha(v), new HashSet<>(names)));
                }
                // what reached the stick: some of them, perhaps twice
                List<Made> given = new ArrayList<>();
                for (Made m : chain) if (random.nextInt(4) > 0) given.add(m);
                if (given.isEmpty()) continue;
                int n = 0;
                for (Made m : given) {
                    for (int copies = random.nextInt(5) == 0 ? 2 : 1; copies > 0; copies--) {
                        Files.write(stick.resolve(id + "-" + n++ + ".verdict"), m.bytes());
                    }
                }
                // the rule, from docs/procedure.md
                List<Made> standing = new ArrayList<>();
                for (Made m : given) {
                    boolean named = given.stream().anyMatch(o -> o != m && o.supersedes().contains(m.sha()));
                    if (named) superseded.add(new Combination.Superseded(id, m.sha()));
                    else standing.add(m);
                }
                if (standing.size() == 1) reporting++;
                else conflicts.add(id);
            }
            superseded.sort(java.util.Comparator.comparing(Combination.Superseded::community)
                    .thenComparing(Combination.Superseded::payloadSha256));

            byte[] first = null;
            for (int run = 0; run < 3; run++) {
                List<Path> inputs = new ArrayList<>();
                try (var files = Files.list(stick)) {
                    files.forEach(inputs::add);
                }
                Collections.shuffle(inputs, random);
                Path out = tmp.resolve("result-" + run + ".tally");
                try (Combination c = new Combination(roster, BodyRules.defaults(), Communities.RESOLUTION, Communities.SHA, tmp,
                        null, CheckedKeys.none())) {
                    c.read(inputs, 1 + run);
                    Combination.Summary s = c.summary();
                    assertThat(s.refused()).isZero();
                    assertThat(s.reporting()).isEqualTo(reporting);
                    assertThat(s.conflicts()).isEqualTo(conflicts);
                    assertThat(s.superseded()).isEqualTo(superseded);
                    TallyWriter.write(out, c, s, new Roster.Body("municipality", "M1", "Municipality M1"),
                            CommunityKey.fromSeed(new byte[32]));
                }
                byte[] result = Files.readAllBytes(out);
                if (first == null) first = result;
                else assertThat(result).as("run %d", run).isEqualTo(first);
            }
            assertThat(TallyVerifier.verify(tmp.resolve("result-0.tally"), CommunityKey.fromSeed(new byte[32]).publicKey(), roster, tmp)
                    .recounted()).isTrue();
        } finally {
            try (var walk = Files.walk(tmp)) {
                walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
