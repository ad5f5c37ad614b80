package dev.observe.ee.internal.web;

import dev.observe.ee.Observe;
import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.internal.telemetry.RequestIdPropagator;
import dev.observe.ee.internal.telemetry.DeployedApplication;
import dev.observe.ee.logging.LogContext;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The owner of every HTTP request of one application and of its SERVER span, shaped like OpenTelemetry
 * instrumentation's {@code Instrumenter}: {@link #begin} starts a request, the returned {@link ServerRequest} is told
 * what happens to it (route matched, failed, responded) and is ended in {@code finally}. One instance per
 * application, made by {@link ObserveServletInitializer} and held by the servlet filter; it holds what the
 * application decides once (whether the runtime traces servlets itself, which servlet serves JAX-RS, each resource
 * method's route).
 *
 * <p>{@code begin}, in this order: the request id (the caller's {@code X-Request-ID} when well formed, see
 * {@link RequestIds}, else a new one) on the request attribute {@link Observe#REQUEST_ID_ATTRIBUTE} for the
 * application and on the response at once (an exception no mapper handles skips every later chance to set it);
 * the OpenTelemetry context started from the root, never from what the thread holds (see {@link #startingContext});
 * where no runtime instrumentation starts the request's SERVER span, the library's own, continuing the caller's
 * {@code traceparent}, else a {@link RequestSpan} standing for the runtime's; the id in the OpenTelemetry context
 * (for {@link RequestIdPropagator}) made current; the log
 * context ({@code request_id}, {@code method}, {@code path}, {@code user_id} when authenticated) bound. Never throws
 * for telemetry's sake: a span that cannot be started leaves the request served without one.
 *
 * <p>Thread-safe: requests of the application run through it concurrently.
 */
final class ServerRequests {

    /** The servlets that serve JAX-RS on the supported runtimes (Jersey on Payara, RESTEasy on Liberty). */
    private static final Set<String> JAX_RS_SERVLETS = Set.of("org.glassfish.jersey.servlet.ServletContainer",
            "com.ibm.websphere.jaxrs.server.IBMRestServlet", "org.jboss.resteasy.plugins.server.servlet"
                    + ".HttpServletDispatcher");

    private static final String LIBERTY_TELEMETRY_PACKAGE = "io.openliberty.microprofile.telemetry";

    private static final TextMapGetter<HttpServletRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
            return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private final Supplier<OpenTelemetry> openTelemetry;
    private final boolean runtimeProvided;

    /** Decided from the first request, once the runtime has registered its own filters. */
    private volatile Boolean runtimeTracesServlets;

    private final Map<String, Boolean> jaxRsByServlet = new ConcurrentHashMap<>();

    private final Map<Method, String> routes = new ConcurrentHashMap<>();

    private final Map<Chain, RouteTemplates.SubResourceRoutes> subResourceRoutes = new ConcurrentHashMap<>();

    /** The application's OpenTelemetry, as the library's CDI extension decided it. */
    ServerRequests() {
        this(() -> DeployedApplication.current().openTelemetry(), DeployedApplication.runtimeProvided());
    }

    /**
     * @param openTelemetry the application's OpenTelemetry, asked at each request (it is set after the servlet
     *     initializer runs)
     * @param runtimeProvided whether the runtime has MicroProfile Telemetry (and starts SERVER spans itself)
     */
    ServerRequests(Supplier<OpenTelemetry> openTelemetry, boolean runtimeProvided) {
        this.openTelemetry = openTelemetry;
        this.runtimeProvided = runtimeProvided;
    }

    /** Starts a request as the servlet filter sees it; the caller ends it in {@code finally}. */
    ServerRequest begin(HttpServletRequest request, HttpServletResponse response) {
        return begin(request, response, true);
    }

    /**
     * Starts a request the servlet filter did not see (an application that excludes the library's container
     * initializer), from the JAX-RS filter: context only, no span of the library's, as before this class existed.
     */
    ServerRequest beginWithoutSpan(HttpServletRequest request, HttpServletResponse response) {
        return begin(request, response, false);
    }

    private ServerRequest begin(HttpServletRequest request, HttpServletResponse response, boolean mayStartSpan) {
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(Observe.REQUEST_ID_HEADER));
        request.setAttribute(Observe.REQUEST_ID_ATTRIBUTE, requestId);
        response.setHeader(Observe.REQUEST_ID_HEADER, requestId);
        Context before = Context.current();
        Context context = startingContext(before, mayStartSpan);
        Span ownSpan = null;
        try {
            if (mayStartSpan && needsOwnSpan(request, context)) {
                context = startSpan(request, context);
                ownSpan = Span.fromContext(context);
            }
        } catch (RuntimeException e) {
            // Telemetry must never fail a request: served without a span of the library's.
            ownSpan = null;
        }
        ServerRequest exchange = new ServerRequest(this, request, requestId, ownSpan);
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            // The runtime starts the SERVER span later, inside this filter: the request's context stands for it.
            context = context.with(exchange.requestSpan());
        }
        exchange.bind(before, context.with(RequestIdPropagator.REQUEST_ID, requestId).makeCurrent(),
                LogContext.scope(RequestContextFields.REQUEST_ID, requestId, RequestContextFields.METHOD,
                        request.getMethod(), RequestContextFields.PATH, request.getRequestURI()));
        Principal user = request.getUserPrincipal();
        if (user != null) {
            LogContext.bind(RequestContextFields.USER_ID, user.getName());
        }
        return exchange;
    }

    /**
     * The context a request starts from. From the servlet filter, the first filter of the application's chain:
     * the root context, whatever the thread holds. Nothing of this request can be current yet (Payara's and
     * Liberty's SERVER spans start inside this filter, the caller's {@code traceparent} is extracted from the
     * headers), and what a pooled thread holds was left by an earlier request: Payara Micro's JAX-RS listener leaves
     * its ended span current when an asynchronous response is resumed before the resource method returns (it
     * closes its scope only while the span is recording), and an application may leave a scope open. Trusting it
     * gave later requests that span's trace and no span of their own. From the JAX-RS filter (the servlet filter
     * did not run), the current context: Liberty's span is already current there.
     */
    private static Context startingContext(Context current, boolean fromServletFilter) {
        return fromServletFilter ? Context.root() : current;
    }

    /**
     * Whether this request needs a SERVER span from the library: none is current in the context it starts from, and
     * no runtime instrumentation will start one later (the runtime's JAX-RS instrumentation does, for the JAX-RS
     * servlet).
     */
    boolean needsOwnSpan(HttpServletRequest request, Context starting) {
        if (Span.fromContext(starting).getSpanContext().isValid()) {
            return false;
        }
        if (!runtimeProvided) {
            return true;
        }
        return !runtimeTracesServlets(request) && !servedByJaxRs(request);
    }

    /**
     * Whether the runtime traces every servlet request itself (Open Liberty's MicroProfile Telemetry 2.0 does,
     * with a servlet filter of its own that runs inside the library's), decided once per application from the
     * filters registered with it.
     */
    private boolean runtimeTracesServlets(HttpServletRequest request) {
        Boolean traces = runtimeTracesServlets;
        if (traces == null) {
            traces = false;
            for (FilterRegistration filter : request.getServletContext().getFilterRegistrations().values()) {
                String className = filter.getClassName();
                if (className != null && className.startsWith(LIBERTY_TELEMETRY_PACKAGE)) {
                    traces = true;
                }
            }
            runtimeTracesServlets = traces;
        }
        return traces;
    }

    private boolean servedByJaxRs(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        String servlet = mapping == null ? null : mapping.getServletName();
        if (servlet == null) {
            return false;
        }
        Boolean known = jaxRsByServlet.get(servlet);
        if (known != null) {
            // Looked up before computeIfAbsent, whose capturing lambda would be allocated on every request.
            return known;
        }
        return jaxRsByServlet.computeIfAbsent(servlet, name -> {
            ServletRegistration registration = request.getServletContext().getServletRegistration(name);
            String className = registration == null ? null : registration.getClassName();
            return className != null && JAX_RS_SERVLETS.contains(className);
        });
    }

    /**
     * Starts the library's SERVER span as a child of the caller's extracted context, conforming to the HTTP
     * semantic conventions; returns the context holding it, not yet current.
     */
    private Context startSpan(HttpServletRequest request, Context current) {
        OpenTelemetry otel = openTelemetry.get();
        Context parent = otel.getPropagators().getTextMapPropagator().extract(current, request, HEADERS);
        String route = servletRoute(request);
        String method = request.getMethod();
        SpanBuilder builder = otel.getTracer(SemanticAttributes.INSTRUMENTATION_SCOPE)
                .spanBuilder(spanName(method, route))
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                // Set before the span starts, so that samplers (the excluded paths' among them) see them.
                .setAttribute(SemanticAttributes.HTTP_REQUEST_METHOD, method)
                .setAttribute(SemanticAttributes.URL_PATH, request.getRequestURI())
                .setAttribute(SemanticAttributes.URL_SCHEME, request.getScheme())
                .setAttribute(SemanticAttributes.SERVER_ADDRESS, request.getServerName())
                .setAttribute(SemanticAttributes.SERVER_PORT, (long) request.getServerPort());
        if (route != null) {
            builder.setAttribute(SemanticAttributes.HTTP_ROUTE, route);
        }
        String query = request.getQueryString();
        if (query != null) {
            builder.setAttribute(SemanticAttributes.URL_QUERY, query);
        }
        String client = request.getRemoteAddr();
        if (client != null) {
            builder.setAttribute(SemanticAttributes.CLIENT_ADDRESS, client);
        }
        String agent = request.getHeader("User-Agent");
        if (agent != null) {
            builder.setAttribute(SemanticAttributes.USER_AGENT_ORIGINAL, agent);
        }
        return builder.startSpan().storeInContext(parent);
    }

    /** A SERVER span's name, as the HTTP semantic conventions want it: {@code METHOD route}, or the method alone. */
    static String spanName(String method, String route) {
        return route == null ? method : method + " " + route;
    }

    /** {@code http.route} for a servlet request: the servlet mapping's pattern, context root included. */
    private static String servletRoute(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping == null || mapping.getMappingMatch() == null) {
            return null;
        }
        if (mapping.getMappingMatch() == MappingMatch.DEFAULT) {
            // The default servlet answers anything: there is no route.
            return null;
        }
        String pattern = mapping.getPattern();
        return pattern == null || pattern.isEmpty() ? null : request.getContextPath() + pattern;
    }

    /**
     * The route template of a JAX-RS resource method (see {@link RouteTemplates}): for a method of a root resource,
     * worked out once per method; reached through sub-resource locators ({@code uriInfo} has matched more than one
     * resource), worked out once per chain of matched classes and picked per request by the path, since one method
     * may be reached through several locators.
     */
    String route(HttpServletRequest request, Class<?> resourceClass, Method resourceMethod, UriInfo uriInfo) {
        List<Object> matched = uriInfo == null ? null : uriInfo.getMatchedResources();
        int size = matched == null ? 0 : matched.size();
        // JAX-RS lists the matched resources with the current one first. Jersey has pushed the resource of the
        // method already when request filters run; RESTEasy pushes it only when it invokes the method (a locator's
        // resource when it invokes the locator), so the resource class is added when it is not there yet.
        boolean currentIsListed = size > 0 && sameResource(classOf(matched.get(0)), resourceClass);
        int chainLength = currentIsListed || resourceClass == null ? size : size + 1;
        if (chainLength <= 1) {
            String route = routes.get(resourceMethod);
            return route != null ? route : routes.computeIfAbsent(resourceMethod, method -> RouteTemplates.route(
                    request.getContextPath(), request.getServletPath(), resourceClass, method));
        }
        Class<?>[] classes = new Class<?>[chainLength];
        for (int i = 0; i < size; i++) {
            classes[i] = classOf(matched.get(size - 1 - i));
        }
        if (!currentIsListed) {
            classes[chainLength - 1] = resourceClass;
        }
        Chain chain = new Chain(resourceMethod, java.util.Arrays.asList(classes));
        return subResourceRoutes.computeIfAbsent(chain, key -> RouteTemplates.subResourceRoutes(
                request.getContextPath(), request.getServletPath(), key.classes(), key.method()))
                .pick(uriInfo.getPath(false));
    }

    private static Class<?> classOf(Object resource) {
        return resource instanceof Class<?> type ? type : resource.getClass();
    }

    /** Whether two classes are the same resource, one perhaps a CDI proxy (a subclass) of the other. */
    private static boolean sameResource(Class<?> matched, Class<?> resourceClass) {
        return resourceClass == null || resourceClass.isAssignableFrom(matched) || matched.isAssignableFrom(resourceClass);
    }

    /** A resource method and the classes of the resources matched on the way to it, root first. */
    private record Chain(Method method, List<Class<?>> classes) {
    }
}
