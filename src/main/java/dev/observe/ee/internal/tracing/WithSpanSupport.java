package dev.observe.ee.internal.tracing;

import io.opentelemetry.instrumentation.annotations.WithSpan;

import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.util.Nonbinding;

/**
 * Makes OpenTelemetry's {@code @WithSpan} an interceptor binding served by {@link WithSpanInterceptor}. Only
 * called where the runtime does not provide {@code @WithSpan} itself and the application carries the annotation.
 */
public final class WithSpanSupport {

    private WithSpanSupport() {
    }

    public static void register(BeforeBeanDiscovery discovery) {
        // Every member is non-binding: one interceptor serves @WithSpan whatever its name and kind.
        discovery.configureInterceptorBinding(WithSpan.class).methods()
                .forEach(member -> member.add(Nonbinding.Literal.INSTANCE));
        // @WithSpan may only be written on methods, so the interceptor is bound to it here rather than in source;
        // the instance comes from a real annotated method, so it has every member this annotation version has.
        discovery.addAnnotatedType(WithSpanInterceptor.class, WithSpanInterceptor.class.getName())
                .add(bindingInstance());
    }

    private static WithSpan bindingInstance() {
        try {
            return WithSpanSupport.class.getDeclaredMethod("bound").getAnnotation(WithSpan.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @WithSpan
    private static void bound() {
        // carries the annotation instance above
    }
}
