package dev.observe.ee.internal.web;

import jakarta.ws.rs.Path;

import java.lang.reflect.Method;

/**
 * The route of a JAX-RS resource method as the HTTP semantic conventions want it in {@code http.route} and in the
 * span name: the path template with its parameters, never the concrete path (bounded cardinality):
 * context path + JAX-RS servlet path + class {@code @Path} + method {@code @Path}, slashes normalised,
 * e.g. {@code /api/orders/{id}}.
 */
final class RouteTemplates {

    private RouteTemplates() {
    }

    static String route(String contextPath, String servletPath, Class<?> resourceClass, Method resourceMethod) {
        StringBuilder route = new StringBuilder(64);
        append(route, contextPath);
        append(route, servletPath);
        append(route, classPath(resourceClass));
        Path methodPath = resourceMethod == null ? null : resourceMethod.getAnnotation(Path.class);
        append(route, methodPath == null ? null : methodPath.value());
        return route.length() == 0 ? "/" : route.toString();
    }

    /** The class's {@code @Path}, looked up the class hierarchy (CDI proxies subclass the resource). */
    private static String classPath(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            Path path = current.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
        }
        return null;
    }

    /** Appends {@code segment} with exactly one slash before it and none at its end. */
    private static void append(StringBuilder route, String segment) {
        if (segment == null) {
            return;
        }
        int start = 0;
        int end = segment.length();
        while (start < end && segment.charAt(start) == '/') {
            start++;
        }
        while (end > start && segment.charAt(end - 1) == '/') {
            end--;
        }
        if (start < end) {
            route.append('/').append(segment, start, end);
        }
    }
}
