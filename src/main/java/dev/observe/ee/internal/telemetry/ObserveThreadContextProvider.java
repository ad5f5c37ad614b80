package dev.observe.ee.internal.telemetry;

import dev.observe.ee.Observe;
import dev.observe.ee.logging.LogContext;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;

import java.util.Map;

/**
 * Carries a task's origin to the thread that runs it, for Jakarta Concurrency (the guide's Celery tasks): the
 * OpenTelemetry context (so spans in the task are children of the submitting span and carry its trace) and the
 * {@link LogContext} (so the task's log lines carry the request's {@code request_id}). Listed in
 * {@code META-INF/services}; a context service propagates it when its {@code propagated} list names
 * {@value dev.observe.ee.Observe#THREAD_CONTEXT_TYPE} or {@code ALL_REMAINING}, and clears it (an empty context) when {@code cleared} does.
 */
public final class ObserveThreadContextProvider implements ThreadContextProvider {


    /**
     * Whether the OpenTelemetry API is visible. The runtime loads this provider for every application that carries
     * the library, even one that (wrongly) has no OpenTelemetry at all; it must not break the runtime's context
     * handling then, and carries the log context alone (the deployment is failed, with a message saying why, by
     * the library's servlet initializer).
     */
    private static final boolean OPENTELEMETRY_PRESENT =
            ClassVisibility.isVisible(ClassVisibility.OPENTELEMETRY_CONTEXT);

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> props) {
        LogContext.Snapshot log = LogContext.capture();
        if (!OPENTELEMETRY_PRESENT) {
            return () -> LogContext.restore(log)::close;
        }
        return WithOpenTelemetry.current(log);
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> props) {
        LogContext.Snapshot empty = LogContext.Snapshot.EMPTY;
        if (!OPENTELEMETRY_PRESENT) {
            return () -> LogContext.restore(empty)::close;
        }
        return WithOpenTelemetry.cleared(empty);
    }

    @Override
    public String getThreadContextType() {
        return Observe.THREAD_CONTEXT_TYPE;
    }

    /** The OpenTelemetry half; only loaded when the API is there. */
    private static final class WithOpenTelemetry {

        static ThreadContextSnapshot current(LogContext.Snapshot log) {
            Context otel = Context.current();
            return () -> begin(otel, log);
        }

        static ThreadContextSnapshot cleared(LogContext.Snapshot log) {
            return () -> begin(Context.root(), log);
        }

        private static ThreadContextRestorer begin(Context otel, LogContext.Snapshot log) {
            Scope otelScope = otel.makeCurrent();
            LogContext.Scope logScope = LogContext.restore(log);
            return () -> {
                // Reverse order of begin: each scope restores exactly what the thread had.
                logScope.close();
                otelScope.close();
            };
        }
    }
}
