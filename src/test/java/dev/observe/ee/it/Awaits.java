package dev.observe.ee.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How the integration tests wait: with Awaitility, for the condition they need, never with a fixed sleep. A wait
 * that times out fails the test, naming what it waited for and what it saw.
 *
 * <p>Where a test asserts that something does <em>not</em> happen (no duplicate line or span, no span for a dropped
 * trace), it waits first for a positive marker that proves the pipeline delivered what came before (the expected
 * lines, a later trace), and, where no marker exists, holds the absence for a stated time with
 * {@link ConditionFactory#during(Duration) during}; each such place says which in a comment.
 */
final class Awaits {

    private static final Duration POLL = Duration.ofMillis(100);

    private Awaits() {
    }

    /**
     * Awaitility's {@code await(what)}, polling every 100 ms from the start. Uncaught exceptions of other threads
     * (the servers' output relays, the receivers' threads) are not the test's: they do not fail the wait.
     */
    static ConditionFactory await(String what) {
        return Awaitility.await(what).dontCatchUncaughtExceptions().pollDelay(Duration.ZERO).pollInterval(POLL);
    }

    /**
     * What {@code read} returns once it holds at least {@code count} items (within {@code atMost}, or the test
     * fails) and then no further item has come for {@code quiet}: a duplicate (a line printed twice, a span
     * exported twice) arrives with or just after the original, and is in the result rather than missed. The quiet
     * time starts when waiting for it starts and starts again with every new item, so it is never shorter than a
     * fixed sleep of {@code quiet} after the same call.
     */
    static <T> List<T> atLeastThenQuiet(String what, Callable<List<T>> read, int count, Duration atMost,
            Duration quiet) {
        List<T> arrived = atLeast(what, read, count, atMost);
        AtomicReference<List<T>> last = new AtomicReference<>(arrived);
        await("no further " + what + " for " + quiet.toMillis() + " ms").during(quiet).atMost(quiet.plus(atMost))
                .until(() -> {
                    List<T> now = read.call();
                    return now.size() == last.getAndSet(now).size();
                });
        return last.get();
    }

    /** What {@code read} returns once it holds at least {@code count} items; fails after {@code atMost}. */
    static <T> List<T> atLeast(String what, Callable<List<T>> read, int count, Duration atMost) {
        AtomicReference<List<T>> last = new AtomicReference<>(List.of());
        await(what).atMost(atMost).untilAsserted(() -> {
            last.set(read.call());
            assertTrue(last.get().size() >= count, () -> "at least " + count + " " + what + ", so far "
                    + (last.get().size() > 20 ? last.get().size() + " of them" : last.get()));
        });
        return last.get();
    }

    /**
     * Waits until a process the test started answers as {@code ready} says (an {@code IOException} meaning not
     * yet); fails at once when the process exits, and after {@code atMost} stops it and fails, naming {@code log}.
     */
    static void untilReady(String what, Process process, Path log, Duration atMost, Callable<Boolean> ready)
            throws InterruptedException {
        try {
            await(what + " ready").atMost(atMost).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(java.io.IOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError(what + " exited; see " + log);
                        }
                        return ready.call();
                    });
        } catch (ConditionTimeoutException notReady) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            throw new AssertionError(what + " not ready in " + atMost.toSeconds() + " s; see " + log, notReady);
        }
    }
}
