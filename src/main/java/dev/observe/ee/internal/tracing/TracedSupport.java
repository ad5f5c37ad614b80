package dev.observe.ee.internal.tracing;

import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;

/**
 * Adds {@link TracedInterceptor}, the interceptor behind {@code @Traced}, to the application's beans. From this
 * package, so that the interceptor itself stays package-private.
 */
public final class TracedSupport {

    private TracedSupport() {
    }

    /** Called by the library's CDI extension before bean discovery. */
    public static void register(BeforeBeanDiscovery discovery) {
        discovery.addAnnotatedType(TracedInterceptor.class, TracedInterceptor.class.getName());
    }
}
