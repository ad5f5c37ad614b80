package dev.observe.ee.internal.context;

import dev.observe.ee.Observe;
import dev.observe.ee.logging.LogContext;

import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;

import java.util.Map;

/**
 * Carries a task's origin to the thread that runs it, for Jakarta Concurrency (the guide's Celery tasks): the
 * OpenTelemetry context (so spans in the task are children of the submitting span and carry its trace) and the
 * {@link LogContext} (so the task's log lines carry the request's {@code request_id}), as one
 * {@link CarriedContext}. Listed in {@code META-INF/services}, hence public; a context service propagates it when its
 * {@code propagated} list names {@value dev.observe.ee.Observe#THREAD_CONTEXT_TYPE} or {@code ALL_REMAINING}, and
 * clears it (an empty context) when {@code cleared} does.
 *
 * <p>The runtime loads this provider for every application that carries the library, even one that (wrongly) has
 * no OpenTelemetry at all; it must not break the runtime's context handling then, and carries the log context alone
 * ({@link CarriedContext} loads without the API; the deployment is failed, with a message saying why, by the
 * library's servlet initializer).
 */
public final class ObserveThreadContextProvider implements ThreadContextProvider {

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> props) {
        return snapshotOf(CarriedContext.capture());
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> props) {
        return snapshotOf(CarriedContext.empty());
    }

    @Override
    public String getThreadContextType() {
        return Observe.THREAD_CONTEXT_TYPE;
    }

    private static ThreadContextSnapshot snapshotOf(CarriedContext carried) {
        return () -> carried.restore()::close;
    }
}
