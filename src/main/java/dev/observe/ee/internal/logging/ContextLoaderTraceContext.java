package dev.observe.ee.internal.logging;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.LogRecord;

/**
 * The current span's ids when this library cannot see the OpenTelemetry API itself (it sits on the server's boot
 * class path, server-wide mode): the API is found through the logging thread's context class loader, the
 * application's while it serves a request, and called through method handles resolved once per class loader.
 * Resolving the server's classes through an application loader adds no reference from the server to the
 * application, and the cache holds the loaders weakly.
 */
final class ContextLoaderTraceContext extends TraceContext {

    private static final Lookup ABSENT = new Lookup(null, null, null, null, null);

    private final Map<ClassLoader, Lookup> lookups = new WeakHashMap<>();

    @Override
    void addTo(LogRecord record, LogEvent event) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            return;
        }
        Lookup lookup;
        synchronized (lookups) {
            lookup = lookups.computeIfAbsent(loader, ContextLoaderTraceContext::resolve);
        }
        lookup.addTo(event);
    }

    private static Lookup resolve(ClassLoader loader) {
        try {
            Class<?> span = Class.forName(SPAN, false, loader);
            Class<?> spanContext = Class.forName("io.opentelemetry.api.trace.SpanContext", false, loader);
            MethodHandles.Lookup publicLookup = MethodHandles.publicLookup();
            return new Lookup(
                    publicLookup.findStatic(span, "current", MethodType.methodType(span)),
                    publicLookup.findVirtual(span, "getSpanContext", MethodType.methodType(spanContext)),
                    publicLookup.findVirtual(spanContext, "isValid", MethodType.methodType(boolean.class)),
                    publicLookup.findVirtual(spanContext, "getTraceId", MethodType.methodType(String.class)),
                    publicLookup.findVirtual(spanContext, "getSpanId", MethodType.methodType(String.class)));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return ABSENT;
        }
    }

    private record Lookup(MethodHandle current, MethodHandle spanContext, MethodHandle isValid,
            MethodHandle traceId, MethodHandle spanId) {

        void addTo(LogEvent event) {
            if (current == null) {
                return;
            }
            try {
                Object context = spanContext.invoke(current.invoke());
                if ((boolean) isValid.invoke(context)) {
                    event.traceId = (String) traceId.invoke(context);
                    event.spanId = (String) spanId.invoke(context);
                }
            } catch (Throwable e) {
                // No ids on this line; logging goes on.
            }
        }
    }
}
