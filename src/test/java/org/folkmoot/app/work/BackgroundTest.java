package org.folkmoot.app.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The app's one executor, and how work done on it is handed back to the screen. */
class BackgroundTest {
    @Test
    void theAppsThreadsAreNamedDaemons() throws Exception {
        ExecutorService threads = Background.threads();
        try {
            CompletableFuture<Thread> ran = new CompletableFuture<>();
            threads.execute(() -> ran.complete(Thread.currentThread()));
            Thread t = ran.get(10, TimeUnit.SECONDS);
            assertThat(t.isDaemon()).as("a closed app never waits for one").isTrue();
            assertThat(t.getName()).startsWith("folkmoot-work-");
            assertThat(t).isNotSameAs(Thread.currentThread());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void workRunOnTheAskingThreadIsShownAtOnceAndInOrder() {
        List<String> said = new ArrayList<>();
        Background.then(Runnable::run, () -> "read", found -> said.add("shown " + found));
        said.add("after");
        assertThat(said).containsExactly("shown read", "after");

        // an executor that has not run its work yet: nothing is shown until it does
        List<Runnable> waiting = new ArrayList<>();
        Background.then(waiting::add, () -> "late", found -> said.add("shown " + found));
        assertThat(said).containsExactly("shown read", "after");
        waiting.get(0).run();
        assertThat(said).containsExactly("shown read", "after", "shown late");
    }
}
