package dev.observe.ee.internal.web;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link ResourceExceptionInterceptor} to JAX-RS resource methods; {@link ResourceMethods} adds it to them.
 * Public, unlike the interceptor: applications' classes carry it (added by the extension), and Weld reads it
 * through their annotated types in their packages.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RecordsExceptions {

    /** The instance {@link ResourceMethods} adds. */
    final class Literal extends AnnotationLiteral<RecordsExceptions> implements RecordsExceptions {
        private static final long serialVersionUID = 1L;
        static final Literal INSTANCE = new Literal();
    }
}
