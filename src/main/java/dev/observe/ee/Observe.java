package dev.observe.ee;

/**
 * The names an application may need to write down: the request id's header and request attribute, and the Jakarta
 * Concurrency context type that carries trace and log context to managed tasks.
 *
 * <p>Constants only; nothing here runs or throws.
 */
public final class Observe {

    /**
     * The HTTP header that carries the request id in and out ({@code X-Request-ID}, as the guide and most proxies
     * name it). An incoming value is taken over when it is 1 to 128 ASCII letters, digits and {@code -._:};
     * otherwise a new UUID replaces it, never echoed.
     */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";

    /**
     * The servlet request attribute ({@link String}) that holds the request's id for the whole request, for
     * application code that wants it without reading the log context.
     */
    public static final String REQUEST_ID_ATTRIBUTE = "dev.observe.ee.requestId";

    /**
     * The Jakarta Concurrency thread context type (Jakarta Concurrency 3.0,
     * {@code jakarta.enterprise.concurrent.spi.ThreadContextProvider}) under which observe-ee carries the
     * OpenTelemetry context and the {@link dev.observe.ee.logging.LogContext} to managed tasks: name it in
     * {@code @ContextServiceDefinition(propagated = {Observe.THREAD_CONTEXT_TYPE, APPLICATION})}.
     */
    public static final String THREAD_CONTEXT_TYPE = "observe-ee";

    private Observe() {
    }
}
