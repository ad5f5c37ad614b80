package dev.observe.ee.internal.logging;

import dev.observe.ee.logging.Log;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a call at a disabled level costs: {@code log.debug(event, k, v, k, v)} with the logger at INFO, against
 * JUL's own {@code logger.fine(message)} (the floor: one level check).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DisabledLevelBenchmark {

    private Log log;
    private Logger jul;
    private long orderId = 456;
    private double total = 99.99;

    @Setup
    public void setUp() {
        jul = Logger.getLogger("bench.disabled");
        jul.setLevel(Level.INFO);
        log = Log.get("bench.disabled").bind("user_id", "alice");
    }

    @Benchmark
    public void observeDisabledDebug() {
        log.debug("order_placed", "order_id", orderId, "total", total);
    }

    @Benchmark
    public void julDisabledFine() {
        jul.fine("order_placed");
    }
}
