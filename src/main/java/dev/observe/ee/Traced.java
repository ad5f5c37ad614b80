package dev.observe.ee;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs every call of the annotated method, or of every business method of the annotated class, in its own
 * {@code INTERNAL} span, a child of the span current at the call.
 *
 * <p>The span's name: on a method, {@link #value()} when given; on a class, {@code value.method} when given (so
 * {@code @Traced("payments")} on a class names its {@code charge} method's spans {@code payments.charge}); otherwise a
 * CDI observer method's span is named {@code handle EventType} after the event it observes (the guide's event
 * handlers), any other method's {@code SimpleClassName.method}. It ends on every
 * path: when the method returns, when it throws (the exception is recorded, the status set to {@code ERROR} and
 * the exception rethrown unchanged), and for a method returning a {@link java.util.concurrent.CompletionStage},
 * when that stage completes.
 *
 * <p>Unlike OpenTelemetry's {@code @WithSpan}, which only annotates methods, {@code @Traced} may be put on a class.
 * It is a CDI interceptor binding (Jakarta Interceptors 2.1): it applies to calls through a CDI bean's contextual
 * reference, not to calls of a method on {@code this}. The span goes through the application's OpenTelemetry (the
 * runtime's MicroProfile Telemetry, or the library's own SDK); the interceptor never throws an exception of its own
 * into the call.
 */
@Inherited
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Traced {

    /**
     * The span name (on a method) or its prefix (on a class).
     *
     * @return the name; empty (the default) means {@code SimpleClassName.method}
     */
    @Nonbinding
    String value() default "";
}
