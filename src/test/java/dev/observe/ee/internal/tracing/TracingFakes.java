package dev.observe.ee.internal.tracing;

import io.opentelemetry.api.OpenTelemetry;

import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.InvocationContext;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;

/**
 * The CDI objects the span interceptors talk to, reduced to what they read: each fake is a {@link Proxy} answering
 * the few methods used; any other method fails the test loudly.
 */
final class TracingFakes {

    private TracingFakes() {
    }

    /** An interception of {@code method} with {@code arguments}, whose {@code proceed()} runs {@code call}. */
    static InvocationContext invocation(Method method, Object[] arguments, Callable<Object> call) {
        return fake(InvocationContext.class, (name, args) -> switch (name) {
            case "proceed" -> call.call();
            case "getMethod" -> method;
            case "getParameters" -> arguments;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    /** CDI's {@code Instance} holding the runtime's OpenTelemetry bean. */
    @SuppressWarnings("unchecked")
    static Instance<OpenTelemetry> instance(OpenTelemetry openTelemetry) {
        return fake(Instance.class, (name, args) -> switch (name) {
            case "isResolvable" -> true;
            case "get" -> openTelemetry;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    @FunctionalInterface
    interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(TracingFakes.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "fake " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> answer.answer(method.getName(), args == null ? new Object[0] : args);
                }));
    }
}
