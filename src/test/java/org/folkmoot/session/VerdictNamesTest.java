package org.folkmoot.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A verdict's file name is never one Windows keeps for a device. Windows takes the part of a name before its
 * first dot: "con.txt~d3bde286fd.verdict" opens the console as surely as "CON" does, and a verdict written
 * there on a stick is lost.
 */
class VerdictNamesTest {
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private static String stem(String name) {
        int dot = name.indexOf('.');
        return (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    @Test
    void noNameStartsWithADeviceNameBeforeItsFirstDot() {
        List<String> ids = List.of("con.txt", "AUX.verdict", "nul.a b", "Lpt1.x/y", "COM9.", "prn..", "CON", "con", "aux.1", "aux_1");
        Map<String, String> names = ClosingPapers.verdictNames(ids);
        for (String id : ids) {
            assertThat(DEVICES).as(id + " → " + names.get(id)).doesNotContain(stem(names.get(id)));
        }
        assertThat(names.values().stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()).hasSize(ids.size());
        // names no device touches stay as they were
        assertThat(names.get("CON")).isEqualTo("CON~" + org.folkmoot.record.Chain.sha256("CON".getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 10) + ".verdict");
        assertThat(names.get("aux_1")).isEqualTo("aux_1.verdict");
    }
}
