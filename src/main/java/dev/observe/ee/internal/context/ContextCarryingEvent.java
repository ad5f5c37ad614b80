package dev.observe.ee.internal.context;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
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
 *
 * <p>Public, unlike the library's interceptors: the container implements this abstract decorator with a subclass it
 * generates, and a generated subclass of a package-private class only links when the container defines it in this
 * very package and class loader, which neither Weld integration promises (a proxy defined in another loader fails
 * with {@code IllegalAccessError}, e.g. ops4j/org.ops4j.pax.cdi#241).
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

    /** Adds this decorator to the application's beans; called by the library's CDI extension. */
    public static void register(BeforeBeanDiscovery discovery) {
        discovery.addAnnotatedType(ContextCarryingEvent.class, ContextCarryingEvent.class.getName());
    }

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
        return CarriedContext.capture().carryTo(executor);
    }
}
