package dev.observe.ee.internal.logging;

import java.util.logging.LogRecord;

/**
 * The guide's add_trace_context processor: the trace and span ids of the current OpenTelemetry span, whenever it
 * is valid (recording or not, so that lines inside an unsampled request still correlate).
 *
 * <p>The OpenTelemetry API is optional at run time: where the application cannot see it (Open Liberty without
 * {@code +third-party} API visibility, say) lines simply carry no ids.
 */
abstract class TraceContext {

    /** Adds nothing. */
    static final TraceContext NONE = new TraceContext() {
        @Override
        void addTo(LogRecord record, LogEvent event) {
        }
    };

    abstract void addTo(LogRecord record, LogEvent event);

    /**
     * The OpenTelemetry lookup when the API is visible to this library; otherwise (this package on a server's boot
     * class path, server-wide mode) a lookup through each logging thread's context class loader.
     */
    static TraceContext detect() {
        try {
            Class.forName(SPAN, false, TraceContext.class.getClassLoader());
            return (TraceContext) Class.forName(TraceContext.class.getPackageName() + ".OpenTelemetryTraceContext")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ContextLoaderTraceContext();
        }
    }

    static final String SPAN = "io.opentelemetry.api.trace.Span";
}
