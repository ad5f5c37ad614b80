package dev.observe.ee.internal.tracing;


import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenTelemetry's {@code @WithSpan} on a runtime that does not provide it (one without MicroProfile Telemetry):
 * a span named by the annotation or {@code Class.method}, of the annotation's kind, with the
 * {@code @SpanAttribute} parameters as attributes. Bound to {@code @WithSpan} by the library's CDI extension, and
 * only where the runtime has no interceptor of its own for it, so a method never gets two spans.
 *
 * <p>Package-private: the container needs no access of its own. Weld (Payara Micro's and Open Liberty's CDI)
 * registers it from {@link WithSpanSupport} ({@code BeforeBeanDiscovery.addAnnotatedType}), creates it through its
 * {@code @Inject} constructor and calls its {@code @AroundInvoke} method reflectively, both made accessible
 * (they were package-private members of a public class before); it neither subclasses nor proxies an
 * interceptor (a {@code @Dependent} bean). CDI 4.0 asks a managed bean to be a concrete class with an
 * appropriate constructor, not a public one; the Interceptors specification's public no-arg constructor is for
 * {@code @Interceptors} classes, which this is not. SpansIT and WithSpanIT prove it on each server.
 */
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
class WithSpanInterceptor {

    private static final Map<Method, SpanShape> SHAPES = new ConcurrentHashMap<>();

    private final Tracer tracer;

    @Inject
    WithSpanInterceptor(Instance<OpenTelemetry> openTelemetry) {
        this.tracer = SpanCalls.tracer(openTelemetry);
    }

    @AroundInvoke
    Object trace(InvocationContext invocation) throws Exception {
        SpanShape shape = SHAPES.computeIfAbsent(invocation.getMethod(), SpanShape::of);
        Span span = shape.start(tracer, shape.attributes.isEmpty() ? null : invocation.getParameters());
        return SpanCalls.proceedIn(span, invocation);
    }

    /** What a method's annotations say its spans look like; worked out once per method. */
    record SpanShape(String name, SpanKind kind, List<ParameterAttribute> attributes) {

        Span start(Tracer tracer, Object[] arguments) {
            SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
            for (ParameterAttribute attribute : attributes) {
                attribute.set(builder, arguments[attribute.index]);
            }
            return builder.startSpan();
        }

        static SpanShape of(Method method) {
            WithSpan withSpan = method.getAnnotation(WithSpan.class);
            String name = withSpan != null && !withSpan.value().isEmpty() ? withSpan.value()
                    : method.getDeclaringClass().getSimpleName() + "." + method.getName();
            SpanKind kind = withSpan == null ? SpanKind.INTERNAL : withSpan.kind();
            List<ParameterAttribute> attributes = new ArrayList<>();
            Parameter[] parameters = method.getParameters();
            for (int i = 0; i < parameters.length; i++) {
                SpanAttribute attribute = parameters[i].getAnnotation(SpanAttribute.class);
                if (attribute == null) {
                    continue;
                }
                String key = !attribute.value().isEmpty() ? attribute.value()
                        : parameters[i].isNamePresent() ? parameters[i].getName() : null;
                // Without a name (compiled without -parameters and none given) there is no attribute to set.
                if (key != null) {
                    attributes.add(new ParameterAttribute(i, key));
                }
            }
            return new SpanShape(name, kind, List.copyOf(attributes));
        }
    }

    /** A {@code @SpanAttribute} parameter: typed as OpenTelemetry's attributes are, anything else as text. */
    record ParameterAttribute(int index, String key) {

        void set(SpanBuilder builder, Object value) {
            if (value == null) {
                return;
            }
            if (value instanceof String text) {
                builder.setAttribute(key, text);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte) {
                builder.setAttribute(key, ((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                builder.setAttribute(key, ((Number) value).doubleValue());
            } else if (value instanceof Boolean flag) {
                builder.setAttribute(key, flag);
            } else if (value instanceof Collection<?> values) {
                List<String> texts = new ArrayList<>(values.size());
                values.forEach(element -> texts.add(String.valueOf(element)));
                builder.setAttribute(AttributeKey.stringArrayKey(key), texts);
            } else {
                builder.setAttribute(key, String.valueOf(value));
            }
        }
    }
}
