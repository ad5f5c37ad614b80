package dev.observe.ee.internal.web;

import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.ws.rs.HttpMethod;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Puts {@link ResourceExceptionInterceptor} on the application's JAX-RS resource methods, from this package so that
 * the interceptor stays package-private. Called by the library's CDI extension.
 */
public final class ResourceMethods {

    private ResourceMethods() {
    }

    /** Adds the interceptor to the application's beans, before bean discovery. */
    public static void register(BeforeBeanDiscovery discovery) {
        discovery.addAnnotatedType(ResourceExceptionInterceptor.class, ResourceExceptionInterceptor.class.getName());
    }

    /**
     * Binds the interceptor to every JAX-RS resource method (a method with an HTTP method designator such as
     * {@code @GET}) of a {@code @Path} class, so that an exception it throws is recorded on the request's SERVER
     * span. Final classes and final or non-public methods cannot be intercepted and are left alone rather than
     * failing the deployment.
     */
    public static <T> void bindInterceptor(ProcessAnnotatedType<T> type) {
        Class<T> javaClass = type.getAnnotatedType().getJavaClass();
        if (javaClass.isInterface() || Modifier.isFinal(javaClass.getModifiers())) {
            return;
        }
        type.configureAnnotatedType()
                .filterMethods(method -> isInterceptableResourceMethod(method.getJavaMember()))
                .forEach(method -> method.add(RecordsExceptions.Literal.INSTANCE));
    }

    private static boolean isInterceptableResourceMethod(Method method) {
        int modifiers = method.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isFinal(modifiers) || Modifier.isStatic(modifiers)) {
            return false;
        }
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }
}
