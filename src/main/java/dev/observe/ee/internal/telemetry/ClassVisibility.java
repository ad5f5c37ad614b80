package dev.observe.ee.internal.telemetry;

/**
 * Whether a class is visible to the application that carries the library: OpenTelemetry's API, SDK and
 * annotations may come from the runtime, from the WAR, or from nowhere. References no OpenTelemetry type itself,
 * so that asking is safe when the answer is no.
 */
public final class ClassVisibility {

    public static final String OPENTELEMETRY_API = "io.opentelemetry.api.OpenTelemetry";
    public static final String OPENTELEMETRY_CONTEXT = "io.opentelemetry.context.Context";
    public static final String WITH_SPAN = "io.opentelemetry.instrumentation.annotations.WithSpan";

    private ClassVisibility() {
    }

    /** Looks the class up (without initializing it) through the loader of the library, the application's. */
    public static boolean isVisible(String className) {
        try {
            Class.forName(className, false, ClassVisibility.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
