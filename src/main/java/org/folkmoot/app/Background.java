package org.folkmoot.app;

/**
 * Work a screen waits on (reading a meeting, writing the minutes, a file's check), run off the screen's thread
 * so the window keeps answering. Daemon threads: a closed app never waits for one.
 */
final class Background {
    private Background() {
    }

    /** Starts {@code work} on a thread of its own, named for what it does (thread dumps, logs). */
    static void run(Runnable work, String name) {
        Thread worker = new Thread(work, name);
        worker.setDaemon(true);
        worker.start();
    }
}
