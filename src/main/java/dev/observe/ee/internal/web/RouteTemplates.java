package dev.observe.ee.internal.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The route of a JAX-RS resource method as the HTTP semantic conventions want it in {@code http.route} and in the
 * span name: the path template with its parameters, never the concrete path (bounded cardinality):
 * context path + JAX-RS servlet path + root resource class {@code @Path} + the {@code @Path} of every sub-resource
 * locator JAX-RS went through + method {@code @Path}, slashes normalised, e.g. {@code /api/orders/{id}} or
 * {@code /api/probe/route/locator/{id}/items/{itemId}}.
 *
 * <p>JAX-RS tells which resource instances it matched ({@code UriInfo.getMatchedResources()}) and the path, but not
 * the templates (only Jersey does, through an API of its own): the locators are the methods of each matched class
 * that can return the next one, and where several can (one sub-resource reached through two locators), the one
 * whose template matches the request's path, by JAX-RS's template rules. Nothing here throws for a resource the
 * rules do not cover: the route then lacks that locator's part.
 */
final class RouteTemplates {

    /** At most this many locator combinations are considered for one chain (real chains have one or two). */
    private static final int MAX_CANDIDATES = 16;

    private RouteTemplates() {
    }

    /** The route of {@code resourceMethod} of the root resource class {@code resourceClass}. */
    static String route(String contextPath, String servletPath, Class<?> resourceClass, Method resourceMethod) {
        StringBuilder route = new StringBuilder(64);
        append(route, contextPath);
        append(route, servletPath);
        append(route, classPath(resourceClass));
        append(route, methodPath(resourceMethod));
        return route.length() == 0 ? "/" : route.toString();
    }

    /**
     * The possible routes of {@code resourceMethod} reached through sub-resource locators: {@code matchedClasses}
     * are the classes of the resources JAX-RS matched, the root resource first and the one declaring (or
     * inheriting) {@code resourceMethod} last. Worked out once per chain; {@link SubResourceRoutes#pick} chooses per
     * request.
     */
    static SubResourceRoutes subResourceRoutes(String contextPath, String servletPath, List<Class<?>> matchedClasses,
            Method resourceMethod) {
        List<List<String>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (int i = 0; i + 1 < matchedClasses.size(); i++) {
            List<String> locators = locatorTemplates(matchedClasses.get(i), matchedClasses.get(i + 1));
            if (locators.isEmpty()) {
                locators = List.of("");
            }
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String locator : locators) {
                    if (next.size() < MAX_CANDIDATES) {
                        List<String> combination = new ArrayList<>(prefix);
                        combination.add(locator);
                        next.add(combination);
                    }
                }
            }
            combinations = next;
        }
        String[] routes = new String[combinations.size()];
        String[] templates = new String[combinations.size()];
        Pattern[] patterns = new Pattern[combinations.size()];
        for (int c = 0; c < routes.length; c++) {
            StringBuilder relative = new StringBuilder(64);
            append(relative, classPath(matchedClasses.get(0)));
            for (String locator : combinations.get(c)) {
                append(relative, locator);
            }
            append(relative, methodPath(resourceMethod));
            StringBuilder route = new StringBuilder(64);
            append(route, contextPath);
            append(route, servletPath);
            route.append(relative);
            routes[c] = route.length() == 0 ? "/" : route.toString();
            templates[c] = trimSlashes(relative.toString());
            patterns[c] = routes.length == 1 || isSimple(templates[c]) ? null : pattern(templates[c]);
        }
        return new SubResourceRoutes(routes, templates, patterns);
    }

    /**
     * The routes one chain of matched resources may have, and which one a request took. Immutable and thread-safe.
     */
    static final class SubResourceRoutes {
        private final String[] routes;
        /** The templates below the application, slashes trimmed, matched as they are where their pattern is null. */
        private final String[] templates;
        private final Pattern[] patterns;

        private SubResourceRoutes(String[] routes, String[] templates, Pattern[] patterns) {
            this.routes = routes;
            this.templates = templates;
            this.patterns = patterns;
        }

        /**
         * The route whose template matches {@code path} (the request's path below the application, as
         * {@code UriInfo.getPath(false)} gives it), the first one when only one is possible or none matches.
         */
        String pick(String path) {
            if (routes.length > 1 && path != null) {
                int from = 0;
                int to = path.length();
                while (from < to && path.charAt(from) == '/') {
                    from++;
                }
                while (to > from && path.charAt(to - 1) == '/') {
                    to--;
                }
                for (int i = 0; i < routes.length; i++) {
                    boolean matches = patterns[i] == null ? matchesSimple(templates[i], path, from, to)
                            : patterns[i].matcher(path.subSequence(from, to)).matches();
                    if (matches) {
                        return routes[i];
                    }
                }
            }
            return routes[0];
        }
    }

    /**
     * The {@code @Path} templates of {@code parent}'s sub-resource locators (a {@code @Path} method without an HTTP
     * method designator) that may return a {@code child}: its class or a supertype, or a {@code Class} JAX-RS
     * instantiates. {@code child} may be a CDI proxy, a subclass of the resource.
     */
    private static List<String> locatorTemplates(Class<?> parent, Class<?> child) {
        List<String> templates = new ArrayList<>(2);
        Set<String> seen = new HashSet<>();
        for (Class<?> type = parent; type != null && type != Object.class; type = type.getSuperclass()) {
            addLocators(type, child, templates, seen);
            for (Class<?> contract : type.getInterfaces()) {
                addLocators(contract, child, templates, seen);
            }
        }
        return templates;
    }

    private static void addLocators(Class<?> type, Class<?> child, List<String> templates, Set<String> seen) {
        for (Method method : type.getDeclaredMethods()) {
            Path path = method.getAnnotation(Path.class);
            if (path == null || !Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
                    || hasHttpMethod(method)) {
                continue;
            }
            Class<?> returned = method.getReturnType();
            if ((returned.isAssignableFrom(child) || returned == Class.class)
                    && seen.add(method.getName() + java.util.Arrays.toString(method.getParameterTypes()))) {
                templates.add(path.value());
            }
        }
    }

    private static boolean hasHttpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A template as JAX-RS matches it (JAX-RS 3.1, 3.7.3): literal characters as they are, {@code {name}} one or
     * more characters other than a slash, {@code {name: regex}} the regular expression; an optional final slash.
     */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                int end = template.indexOf('{', i);
                end = end < 0 ? template.length() : end;
                regex.append(Pattern.quote(template.substring(i, end)));
                i = end;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < template.length(); end++) {
                char d = template.charAt(end);
                if (d == '{') {
                    depth++;
                } else if (d == '}' && --depth == 0) {
                    break;
                }
            }
            String parameter = template.substring(i + 1, Math.min(end, template.length()));
            int colon = parameter.indexOf(':');
            regex.append('(').append(colon < 0 ? "[^/]+" : parameter.substring(colon + 1).trim()).append(')');
            i = end + 1;
        }
        regex.append("/?");
        try {
            return Pattern.compile(regex.toString());
        } catch (RuntimeException e) {
            // A regex JAX-RS took and Java does not: this candidate matches nothing.
            return Pattern.compile("(?!)");
        }
    }

    /**
     * Whether every parameter of {@code template} is a plain {@code {name}} that takes a whole path segment (followed
     * by a slash or the end), so that {@link #matchesSimple} matches it exactly as JAX-RS does, without a regex or
     * an allocation per request.
     */
    static boolean isSimple(String template) {
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
            int close = template.indexOf('}', open);
            if (close < 0 || template.indexOf(':', open) >= 0 && template.indexOf(':', open) < close
                    || template.indexOf('{', open + 1) >= 0 && template.indexOf('{', open + 1) < close
                    || open > 0 && template.charAt(open - 1) != '/'
                    || close + 1 < template.length() && template.charAt(close + 1) != '/') {
                return false;
            }
        }
        return true;
    }

    /** {@code path[from, to)} against a template {@link #isSimple} accepted: literals equal, a parameter a segment. */
    static boolean matchesSimple(String template, String path, int from, int to) {
        int t = 0;
        int p = from;
        while (t < template.length()) {
            char c = template.charAt(t);
            if (c == '{') {
                int segmentEnd = p;
                while (segmentEnd < to && path.charAt(segmentEnd) != '/') {
                    segmentEnd++;
                }
                if (segmentEnd == p) {
                    return false;
                }
                p = segmentEnd;
                t = template.indexOf('}', t) + 1;
            } else {
                if (p >= to || path.charAt(p) != c) {
                    return false;
                }
                p++;
                t++;
            }
        }
        return p == to;
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

    private static String methodPath(Method resourceMethod) {
        Path methodPath = resourceMethod == null ? null : resourceMethod.getAnnotation(Path.class);
        return methodPath == null ? null : methodPath.value();
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
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
