package dev.observe.ee.telemetry;

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
 * {@value #TYPE} or {@code ALL_REMAINING}, and clears it (an empty context) when {@code cleared} does.
 */
public final class ObserveThreadContextProvider implements ThreadContextProvider {

    /** The context type name, for {@code @ContextServiceDefinition(propagated = …)}. */
    public static final String TYPE = "observe-ee";

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> props) {
        Context otel = Context.current();
        LogContext.Snapshot log = LogContext.capture();
        return () -> begin(otel, log);
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> props) {
        LogContext.Snapshot empty = LogContext.Snapshot.EMPTY;
        return () -> begin(Context.root(), empty);
    }

    @Override
    public String getThreadContextType() {
        return TYPE;
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
