package dev.observe.ee.internal.tracing;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Internal: binds {@link ResourceExceptionInterceptor} to JAX-RS resource methods. The library's CDI extension
 * adds it; applications do not use it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RecordsExceptions {

    /** The instance the extension adds. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<RecordsExceptions>
            implements RecordsExceptions {
        private static final long serialVersionUID = 1L;
        public static final Literal INSTANCE = new Literal();
    }
}
