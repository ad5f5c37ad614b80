package dev.observe.ee.internal.tracing;

import dev.observe.ee.Traced;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs methods bound with {@link Traced} in an {@code INTERNAL} span. Registered by the library's CDI extension;
 * not meant to be used directly.
 *
 * <p>One start and one end per call: the span is started before {@code proceed()}, made current for the call and
 * ended on every path. The application's exception always reaches the caller unchanged.
 *
 * <p>Package-private: the container needs no access of its own. Weld (Payara Micro's and Open Liberty's CDI)
 * registers it from {@link TracedSupport} ({@code BeforeBeanDiscovery.addAnnotatedType}), creates it through its
 * {@code @Inject} constructor and calls its {@code @AroundInvoke} method reflectively, both made accessible
 * (they were package-private members of a public class before); it neither subclasses nor proxies an
 * interceptor (a {@code @Dependent} bean). CDI 4.0 asks a managed bean to be a concrete class with an
 * appropriate constructor, not a public one; the Interceptors specification's public no-arg constructor is for
 * {@code @Interceptors} classes, which this is not. SpansIT and WithSpanIT prove it on each server.
 */
@Traced
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
class TracedInterceptor {


    private static final Map<Method, String> SPAN_NAMES = new ConcurrentHashMap<>();

    private final Tracer tracer;

    // The container hands an interceptor instance the same Method object call after call: one identity check
    // answers most lookups before the shared map's equals-based one.
    private volatile NamedMethod lastMethod = new NamedMethod(null, null);

    private record NamedMethod(Method method, String name) {
    }

    @Inject
    TracedInterceptor(Instance<OpenTelemetry> openTelemetry) {
        this.tracer = SpanCalls.tracer(openTelemetry);
    }

    @AroundInvoke
    Object trace(InvocationContext invocation) throws Exception {
        // INTERNAL is the span builder's default kind.
        Span span = tracer.spanBuilder(nameFor(invocation.getMethod())).startSpan();
        return SpanCalls.proceedIn(span, invocation);
    }

    private String nameFor(Method method) {
        NamedMethod last = lastMethod;
        if (last.method == method) {
            return last.name;
        }
        String name = spanName(method);
        lastMethod = new NamedMethod(method, name);
        return name;
    }

    static String spanName(Method method) {
        return SPAN_NAMES.computeIfAbsent(method, TracedInterceptor::nameOf);
    }

    private static String nameOf(Method method) {
        Traced onMethod = method.getAnnotation(Traced.class);
        if (onMethod != null && !onMethod.value().isEmpty()) {
            return onMethod.value();
        }
        String observed = observedEventType(method);
        if (observed != null) {
            return "handle " + observed;
        }
        Traced onClass = method.getDeclaringClass().getAnnotation(Traced.class);
        if (onMethod == null && onClass != null && !onClass.value().isEmpty()) {
            return onClass.value() + "." + method.getName();
        }
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    /** The simple name of the event type a CDI observer method observes, or null for other methods. */
    private static String observedEventType(Method method) {
        java.lang.annotation.Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (java.lang.annotation.Annotation annotation : annotations[i]) {
                if (annotation instanceof jakarta.enterprise.event.Observes
                        || annotation instanceof jakarta.enterprise.event.ObservesAsync) {
                    return method.getParameterTypes()[i].getSimpleName();
                }
            }
        }
        return null;
    }
}
