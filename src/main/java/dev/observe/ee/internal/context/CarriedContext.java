package dev.observe.ee.internal.context;

import dev.observe.ee.internal.telemetry.ClassVisibility;
import dev.observe.ee.logging.LogContext;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import java.util.concurrent.Executor;

/**
 * A thread's trace and log context, taken along to work that runs elsewhere: the OpenTelemetry {@link Context}
 * (spans made by the work are children of the span that was current, and carry its baggage) and a
 * {@link LogContext} snapshot (the work's log lines carry the originating request's fields). Every hand-off of work
 * to another thread uses it: CDI {@code fireAsync} ({@link ContextCarryingEvent}), Jakarta Concurrency
 * ({@link ObserveThreadContextProvider}), and next JMS messages and timers.
 *
 * <pre>{@code
 * CarriedContext carried = CarriedContext.capture();          // where the work is handed off
 * executor.execute(carried.wrap(task));                        // or, around the work on the other thread:
 * try (CarriedContext.Restored ignored = carried.restore()) {
 *     task.run();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; nothing here throws. {@link #restore()} makes the captured context the thread's and
 * {@link Restored#close()} gives the thread back exactly what it had before, so a pooled thread never keeps a
 * task's context. Works where the OpenTelemetry API is absent (an application that wrongly carries none, for which
 * the container still loads the thread context provider): then only the log context is carried.
 */
public final class CarriedContext {

    /**
     * Whether the OpenTelemetry API is visible to the library. Checked once, without loading an OpenTelemetry class,
     * so that this class loads and carries the log context even when the API is missing.
     */
    private static final boolean OPENTELEMETRY_PRESENT =
            ClassVisibility.isVisible(ClassVisibility.OPENTELEMETRY_CONTEXT);

    private static final CarriedContext EMPTY = new CarriedContext(null, LogContext.Snapshot.EMPTY);

    /**
     * An OpenTelemetry {@code Context}, or null for the root context; typed {@code Object} so that this class never
     * needs the API to load.
     */
    private final Object trace;
    private final LogContext.Snapshot log;

    private CarriedContext(Object trace, LogContext.Snapshot log) {
        this.trace = trace;
        this.log = log;
    }

    /** The calling thread's trace and log context, as they are now. */
    public static CarriedContext capture() {
        return new CarriedContext(OPENTELEMETRY_PRESENT ? Trace.current() : null, LogContext.capture());
    }

    /**
     * No context at all: restoring it runs work with the root OpenTelemetry context and an empty log context (what a
     * context service that clears {@code observe-ee} asks for).
     */
    public static CarriedContext empty() {
        return EMPTY;
    }

    /**
     * Makes this context the calling thread's until the returned scope is closed, which restores what the thread
     * had before. Close it on the same thread, in {@code finally} (or try-with-resources).
     */
    public Restored restore() {
        Restored traceScope = OPENTELEMETRY_PRESENT ? Trace.makeCurrent(trace) : null;
        LogContext.Scope logScope = LogContext.restore(log);
        return () -> {
            // Reverse order of restore: each scope gives back exactly what the thread had.
            logScope.close();
            if (traceScope != null) {
                traceScope.close();
            }
        };
    }

    /** {@code task}, run with this context restored around it. */
    public Runnable wrap(Runnable task) {
        return () -> {
            try (Restored ignored = restore()) {
                task.run();
            }
        };
    }

    /** An executor that runs every task it is given on {@code executor}, with this context restored around it. */
    public Executor carryTo(Executor executor) {
        return task -> executor.execute(wrap(task));
    }

    /** The restored context's scope: closing it restores the thread's previous context. Never throws. */
    @FunctionalInterface
    public interface Restored extends AutoCloseable {
        @Override
        void close();
    }

    /** The OpenTelemetry half; only loaded where the API is present. */
    private static final class Trace {

        static Object current() {
            return Context.current();
        }

        /** {@code null} stands for the root context. */
        static Restored makeCurrent(Object trace) {
            Scope scope = (trace instanceof Context context ? context : Context.root()).makeCurrent();
            return scope::close;
        }
    }
}
