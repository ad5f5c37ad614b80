package dev.observe.ee.internal.tracing;

import dev.observe.ee.logging.LogContext;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Carries the firing thread's trace and log context to asynchronous observers ({@code fireAsync}), so that an
 * event handler's span is a child of the span that fired the event and its log lines carry the request's fields.
 * A decorator of CDI's built-in {@code Event}: the container runs async observers on threads of its own, some
 * (Open Liberty's) without any context of ours.
 *
 * <p>Notifications run on the executor the caller gave, or else on the platform's default managed executor
 * ({@code java:comp/DefaultManagedExecutorService}: application class loader and naming context on its threads);
 * each task restores the captured context for its run and the thread's own afterwards. Without a managed executor
 * the event is fired exactly as the container would.
 */
@Decorator
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public abstract class ContextCarryingEvent<T> implements Event<T>, java.io.Serializable {

    // The built-in Event bean is passivation capable, so its decorators must be serializable too.
    private static final long serialVersionUID = 1L;

    @Inject
    @Delegate
    @Any
    Event<T> delegate;

    private transient volatile Executor containerExecutor;

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event) {
        Executor executor = containerExecutor();
        return executor == null ? delegate.fireAsync(event)
                : delegate.fireAsync(event, NotificationOptions.ofExecutor(carrying(executor)));
    }

    @Override
    public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        Executor executor = options.getExecutor() != null ? options.getExecutor() : containerExecutor();
        if (executor == null) {
            return delegate.fireAsync(event, options);
        }
        NotificationOptions.Builder carried = NotificationOptions.builder().setExecutor(carrying(executor));
        for (String option : new String[] {"weld.async.notification.mode", "weld.async.notification.timeout"}) {
            if (options.get(option) != null) {
                carried.set(option, options.get(option));
            }
        }
        return delegate.fireAsync(event, carried.build());
    }

    /**
     * The platform's default managed executor, whose threads have the application's class loader and naming
     * context; null (notify as the container would, without carrying context) when it cannot be looked up.
     */
    private Executor containerExecutor() {
        Executor executor = containerExecutor;
        if (executor == null) {
            javax.naming.InitialContext naming = null;
            try {
                naming = new javax.naming.InitialContext();
                executor = (Executor) naming.lookup("java:comp/DefaultManagedExecutorService");
                containerExecutor = executor;
            } catch (javax.naming.NamingException | RuntimeException e) {
                return null;
            } finally {
                if (naming != null) {
                    try {
                        naming.close();
                    } catch (javax.naming.NamingException e) {
                        // nothing held
                    }
                }
            }
        }
        return executor;
    }

    private static Executor carrying(Executor executor) {
        Context otel = Context.current();
        LogContext.Snapshot log = LogContext.capture();
        return task -> executor.execute(() -> {
            try (Scope ignored = otel.makeCurrent(); LogContext.Scope restored = LogContext.restore(log)) {
                task.run();
            }
        });
    }
}
