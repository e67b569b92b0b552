package org.folkmoot.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.folkmoot.Meetings;
import org.junit.jupiter.api.Test;

/** The record's hash chain: any change to a line breaks it at the line after, and is refused with its number. */
class RecordChainTest {

    private static List<String> record() {
        Replay.Result r = Meetings.replay(Meetings.attendance(100), Meetings.present("R1"),
                Meetings.vote("check-1", 95, 5, 0), Meetings.elect("Ivo", 90, 10, 0), Meetings.carryForward());
        assertThat(r.refused()).isFalse();
        return r.record();
    }

    private static Replay.Result replay(List<String> lines) throws FormatException {
        return Replay.run((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), null, null, Meetings.FIXED);
    }

    @Test
    void anUntouchedRecordReplaysToItselfAndTheSameOutcome() throws FormatException {
        List<String> record = record();
        Replay.Result again = replay(record);
        assertThat(again.refused()).isFalse();
        assertThat(again.record()).isEqualTo(record);
        assertThat(Meetings.outcomes(again)).isEqualTo("R1 passed consensus 95/100");
    }

    @Test
    void changingAnyLineBreaksTheChainAtTheNext() throws FormatException {
        List<String> record = record();
        for (int i = 0; i < record.size() - 1; i++) {
            List<String> tampered = new ArrayList<>(record);
            // the community's name or an entry's time changed: the line itself still reads well
            tampered.set(i, tampered.get(i).replace("Test 1", "Test 2").replace("T18:00", "T19:00"));
            assertThat(tampered.get(i)).isNotEqualTo(record.get(i));
            Replay.Result r = replay(tampered);
            assertThat(r.refusal()).isEqualTo("line " + (i + 2) + ", entry " + (i + 1)
                    + ": the chain is broken: 'prev' is not the SHA-256 of the line before it");
            assertThat(r.meeting().size()).isEqualTo(i);
        }
    }

    @Test
    void aRecordEntryWithoutItsBookkeepingIsRefused() throws FormatException {
        List<String> record = new ArrayList<>(record());
        record.set(2, record.get(2).replaceFirst(",\"seq\":2", ""));
        assertThat(replay(record).refusal()).isEqualTo("line 3, entry 2: 'seq' is missing; every entry of a record has seq, at and prev");

        List<String> reordered = new ArrayList<>(record());
        String second = reordered.remove(2);
        reordered.add(3, second);
        assertThat(replay(reordered).refusal()).startsWith("line 3, entry 2: 'seq' is 3 but this is entry 2");
    }

    @Test
    void aScriptMayNotMixInChainedLines() throws FormatException {
        List<String> mixed = new ArrayList<>(record());
        mixed.set(1, mixed.get(1).replaceFirst(",\"prev\":\"[0-9a-f]+\"", ""));
        assertThat(replay(mixed).refusal()).isEqualTo(
                "line 3, entry 2: 'prev' appears after an entry without it: a record's chained entries come first,"
                        + " then any appended without seq and prev");
    }

    @Test
    void aRecordGoesOnAsAScriptWhenTheBooksNextEntriesAreAppendedByHand() throws FormatException {
        List<String> record = record();
        List<String> book = new ArrayList<>(record);
        book.add("{\"do\":\"adjourn\"}");
        book.add("{\"do\":\"meeting\",\"date\":\"2026-12-10\",\"place\":\"Hall\",\"facilitator\":\"Cy\",\"secretary\":\"Di\"}");
        Replay.Result r = replay(book);
        assertThat(r.refusal()).isNull();
        // the chained part is kept to the byte, the appended entries chained after it
        assertThat(r.record().subList(0, record.size())).isEqualTo(record);
        assertThat(r.record()).hasSize(record.size() + 2);
        assertThat(r.meeting().meetings()).hasSize(2);
        Replay.Result again = replay(r.record());
        assertThat(again.refusal()).isNull();
        assertThat(again.record()).isEqualTo(r.record());

        // a line without seq but with prev is a record line that lost its seq, not an appended one
        List<String> broken = new ArrayList<>(record);
        broken.add(Replay.recordLine(new org.folkmoot.procedure.Action.Note("x"), record.size(),
                Chain.sha256(record.get(record.size() - 1)), Meetings.FIXED).replaceFirst(",\"seq\":\\d+", ""));
        assertThat(replay(broken).refusal()).contains("'seq' is missing");
    }

    @Test
    void windowsLineEndingsAndBlankLinesReadTheSame() throws FormatException {
        String script = Meetings.HEADER + "\r\n\r\n" + Meetings.attendance(100) + "\r\n" + Meetings.present("R1") + "\r\n"
                + Meetings.vote("check-1", 95, 5, 0) + "\r\n\r\n";
        Replay.Result r = Replay.run(script.getBytes(StandardCharsets.UTF_8), null, null, Meetings.FIXED);
        assertThat(Meetings.outcomes(r)).isEqualTo("R1 passed consensus 95/100");
        assertThat(r.record().get(0)).isEqualTo(Meetings.HEADER);
    }

    @Test
    void headersAreCheckedRuleByRule() {
        assertThatThrownBy(() -> Replay.run(Meetings.headerWithRules("{\"consensus\":\"9/0\"}").getBytes(StandardCharsets.UTF_8),
                null, null, Meetings.FIXED)).hasMessage("line 1 (the header): rules: 'consensus': \"9/0\" divides by zero");
        assertThatThrownBy(() -> Replay.run(Meetings.headerWithRules("{\"concensus\":\"9/10\"}").getBytes(StandardCharsets.UTF_8),
                null, null, Meetings.FIXED)).hasMessageStartingWith("line 1 (the header): \"concensus\" is not a rule");
        assertThatThrownBy(() -> Replay.run(Meetings.headerWithRules("{\"final\":\"3/2\"}").getBytes(StandardCharsets.UTF_8),
                null, null, Meetings.FIXED)).hasMessageContaining("more than the whole");
        assertThatThrownBy(() -> Replay.run(Meetings.headerWithRules("{\"basis\":\"members\"}").getBytes(StandardCharsets.UTF_8),
                null, null, Meetings.FIXED)).hasMessageContaining("basis must be \"cast\" or \"present\"");
        assertThatThrownBy(() -> Replay.run(Meetings.headerWithRules("{\"quorum\":0.5}").getBytes(StandardCharsets.UTF_8),
                null, null, Meetings.FIXED)).hasMessageContaining("'quorum' must be a fraction written as \"p/q\", not 0.5");
        assertThatThrownBy(() -> Replay.run("{\"format\":\"folkmoot-meeting/1\"}".getBytes(StandardCharsets.UTF_8),
                null, null, Meetings.FIXED)).hasMessage("line 1 (the header): 'community' is missing");
    }

    @Test
    void deeplyNestedLinesAreRefusedNotOverflowed() {
        String deep = "{\"do\":\"note\",\"text\":\"x\",\"extra\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Replay.Result r = Meetings.replay(deep);
        assertThat(r.refusal()).startsWith("line 2, entry 1: is not valid JSON");
    }
}
