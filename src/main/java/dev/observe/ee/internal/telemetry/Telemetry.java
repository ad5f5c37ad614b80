package dev.observe.ee.internal.telemetry;

import io.opentelemetry.api.OpenTelemetry;

/**
 * Which OpenTelemetry the application's telemetry goes through, for the parts of the library the CDI container
 * does not create (the servlet filter, the JAX-RS client filter). Set by the library's CDI extension when the
 * application deploys; one per application, since the library's jar lives in each WAR.
 */
public final class Telemetry {

    private static final boolean RUNTIME_PROVIDED = OpenTelemetry.class.getClassLoader()
            != Telemetry.class.getClassLoader();

    private static volatile OpenTelemetry current = OpenTelemetry.noop();

    private Telemetry() {
    }

    /**
     * Whether the runtime provides OpenTelemetry (MicroProfile Telemetry): then the OpenTelemetry API comes from
     * the runtime, not from the application's own {@code WEB-INF/lib} next to this library, and the runtime
     * creates the SERVER spans of JAX-RS requests, the CLIENT spans of JAX-RS client calls and the
     * {@code @WithSpan} spans. Otherwise the library does all three, with the SDK it builds itself.
     */
    public static boolean runtimeProvided() {
        return RUNTIME_PROVIDED;
    }

    /** The application's OpenTelemetry: the runtime's, the library's own, or a no-op one before deployment. */
    public static OpenTelemetry openTelemetry() {
        return current;
    }

    public static void use(OpenTelemetry openTelemetry) {
        current = openTelemetry == null ? OpenTelemetry.noop() : openTelemetry;
    }
}
