package dev.ioscope.app.workbench;

import org.slf4j.LoggerFactory;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A machine's one engine thread (docs/development.md "Threading"): it runs the commands any thread posts, in order, and
 * never waits on the UI. A command that moves the machine ({@link #control}) first asks a run in progress to stop,
 * since the run is what occupies the thread; the run polls {@link #stopRequested()} between steps.
 */
final class EngineThread {
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Consumer<RuntimeException> onFailure;
    private final Runnable onExit;
    private volatile boolean pauseRequested;
    private volatile boolean closed;

    /**
     * @param onFailure told (on this thread) when a command throws; the thread goes on with the next command
     * @param onExit    run on this thread when it ends (closing what the commands opened)
     */
    EngineThread(String name, Consumer<RuntimeException> onFailure, Runnable onExit) {
        this.onFailure = onFailure;
        this.onExit = onExit;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a command; a query (match, why not) does not stop a run. Nothing after {@link #close()}. */
    void post(Runnable r) {
        if (!closed) {
            commands.add(r);
        }
    }

    /** Queues a command that moves the machine: it ends a run in progress first. */
    void control(Runnable r) {
        pauseRequested = true;
        post(r);
    }

    /** Stops a run at its next step (set directly: the run is what occupies the queue). */
    void pause() {
        pauseRequested = true;
    }

    /** Whether a run should stop now: paused, another command came, or closed. */
    boolean stopRequested() {
        return pauseRequested || closed;
    }

    void close() {
        closed = true;
        pauseRequested = true;
        thread.interrupt();
    }

    /** Waits until every command posted so far has run (tests; never from the FX thread in the app). */
    void awaitIdle(long timeoutMs) throws InterruptedException {
        var done = new CountDownLatch(1);
        post(done::countDown);
        if (!done.await(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("engine busy after " + timeoutMs + " ms");
        }
    }

    private void loop() {
        try {
            serve();
        } finally {
            onExit.run();
        }
    }

    private void serve() {
        while (!closed) {
            try {
                Runnable r = commands.take();
                pauseRequested = false;
                r.run();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(EngineThread.class).warn("an engine command failed", e);
                try {
                    onFailure.accept(e);
                } catch (RuntimeException again) {
                    // a listener that throws must not end the engine thread (every later command would hang)
                    LoggerFactory.getLogger(EngineThread.class).error("the failure listener failed", again);
                }
            }
        }
    }
}
