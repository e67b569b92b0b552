package org.folkmoot.app.work;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Work a screen waits on (reading a meeting, writing the minutes, a file's check) is run off the screen's thread
 * so the window keeps answering. The app makes ONE executor for it ({@link #threads()}) and hands it to every
 * screen that needs one; a test hands over {@code Runnable::run} instead, and the work is done at once, in order.
 */
public final class Background {
    private Background() {
    }

    /**
     * The app's executor: daemon threads (a closed app never waits for one), named {@code folkmoot-work-N} for
     * thread dumps and logs; an idle one ends after a minute, so a quiet start screen holds none.
     */
    public static ExecutorService threads() {
        AtomicInteger made = new AtomicInteger();
        ThreadFactory named = work -> {
            Thread t = new Thread(work, "folkmoot-work-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newCachedThreadPool(named);
    }

    /**
     * Runs {@code work} on {@code background}, then hands what it found to the screen: on the screen's thread
     * when the work ran elsewhere; at once when it ran on the thread that asked for it (a synchronous executor,
     * as the tests give, where there may be no screen's thread at all).
     */
    public static <T> void then(Executor background, Supplier<T> work, Consumer<T> shown) {
        Executor screen = screenOf(Thread.currentThread());
        background.execute(() -> {
            T found = work.get();
            screen.execute(() -> shown.accept(found));
        });
    }

    /**
     * Where work started by {@code asker} shows what it found: on the screen's thread, or at once when the
     * work is still on {@code asker} (a synchronous executor).
     */
    public static Executor screenOf(Thread asker) {
        return show -> {
            if (Thread.currentThread() == asker) show.run();
            else Platform.runLater(show);
        };
    }
}
