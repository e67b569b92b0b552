package org.folkmoot.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.folkmoot.verdict.Roster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger and the refusals take the one lock the count gives them (as both took the Combination's own monitor
 * before they were split out of it): while it is held, neither a counted verdict nor a refusal goes in, so what a
 * progress line or the summary reads of both under it is of one moment.
 */
class CountLockTest {
    @TempDir
    Path tmp;

    @Test
    void aRefusalWaitsWhileTheCountsLockIsHeld() throws Exception {
        Object lock = new Object();
        Refusals refusals = new Refusals(tmp, lock);
        try {
            Thread refusing = new Thread(() -> refusals.refuse("stick/notes.txt", "the file is not JSON"));
            synchronized (lock) {
                refusing.start();
                awaitBlocked(refusing);
                assertThat(refusals.count()).isZero();
            }
            refusing.join(10_000);
            assertThat(refusals.count()).isEqualTo(1);
            assertThat(refusals.sorted()).containsExactly(new Combination.Refusal("stick/notes.txt", "the file is not JSON"));
        } finally {
            refusals.close();
        }
    }

    @Test
    void aCountedVerdictWaitsForTheSameLock() throws Exception {
        Roster roster = Roster.read(Communities.roster(tmp.resolve("roster.json"), "M1", List.of("c01")));
        Object lock = new Object();
        Ledger ledger = new Ledger(roster, tmp.resolve("verdicts.spool"), lock);
        try {
            byte[] envelope = "{\"payload\":\"e30=\"}".getBytes(StandardCharsets.UTF_8);
            Ledger.Counted c01 = new Ledger.Counted(roster.index("c01"), new byte[32], Combination.Kind.PASSED, Ledger.NO_DAY,
                    "2026-11-26T12:00:00Z", List.of(), envelope, envelope.length, new byte[32], List.of());
            Thread counting = new Thread(() -> ledger.count(List.of(c01)));
            synchronized (lock) {
                counting.start();
                awaitBlocked(counting);
                assertThat(ledger.counted(c01.community())).isFalse();
            }
            counting.join(10_000);
            assertThat(ledger.countedVerdicts()).isEqualTo(1);
            assertThat(ledger.carried()).containsExactly(c01.community());
            ByteBuffer carried = ledger.envelope(c01.community(), ByteBuffer.allocate(envelope.length));
            byte[] back = new byte[carried.remaining()];
            carried.get(back);
            assertThat(back).isEqualTo(envelope);
        } finally {
            ledger.close();
        }
    }

    /** Waits until {@code t} is blocked on a monitor: the lock held by this test. */
    private static void awaitBlocked(Thread t) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (t.getState() == Thread.State.BLOCKED) return;
            if (t.getState() == Thread.State.TERMINATED) fail("it went in without waiting for the count's lock");
            Thread.sleep(10);
        }
        fail("it neither went in nor waited for the count's lock");
    }
}
