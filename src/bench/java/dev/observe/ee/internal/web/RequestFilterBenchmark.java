package dev.observe.ee.internal.web;

import dev.observe.ee.logging.LogContext;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the library's request filter adds to every request, against the same request with no filter, in the same
 * run: {@link ServerRequests#begin} (deciding and returning the request id, binding the log context and the
 * OpenTelemetry context) and {@link ServerRequest#end} (restoring both). {@code runtimeSpan}: the runtime makes the
 * request's SERVER span inside the filter (MicroProfile Telemetry's JAX-RS instrumentation), so the filter only adds
 * context. {@code ownSpan}: a runtime without MicroProfile Telemetry, where the filter also extracts
 * {@code traceparent} and starts and ends the SERVER span (SDK, no exporter). {@code withFilterAndRoute} adds what
 * {@link ServerSpanFilter} does once JAX-RS has matched: the span named after the route, {@code route=root} for a
 * root resource's method, {@code route=subResource} for a method reached through a sub-resource locator.
 *
 * <p>The request and response are minimal in-memory implementations of the servlet interfaces (a map for
 * attributes), so that what is measured is the filter, not a container.
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestFilterBenchmark {

    @Param({"runtimeSpan", "ownSpan"})
    String mode;

    @Param({"wellFormed", "absent"})
    String incomingRequestId;

    @Param({"root", "subResource"})
    String route;

    private SdkTracerProvider provider;
    private RequestContextServletFilter filter;
    private BenchRequest request;
    private BenchResponse response;
    private Span runtimeSpan;
    private ServerSpanFilter serverSpanFilter;
    private jakarta.ws.rs.container.ContainerRequestContext matched;
    private long served;

    private final FilterChain chain = this::serve;
    private final FilterChain routedChain = this::serveRouted;

    /** The application: reads what the filter bound, as a log line would. */
    private void serve(ServletRequest servletRequest, ServletResponse servletResponse) {
        if (runtimeSpan != null) {
            try (Scope ignored = runtimeSpan.makeCurrent()) {
                served += LogContext.get("request_id") == null ? 0 : 1;
            }
        } else {
            served += LogContext.get("request_id") == null ? 0 : 1;
        }
    }

    /** The same, with JAX-RS matching a resource method in between. */
    private void serveRouted(ServletRequest servletRequest, ServletResponse servletResponse) {
        if (runtimeSpan != null) {
            try (Scope ignored = runtimeSpan.makeCurrent()) {
                serverSpanFilter.filter(matched);
                served += LogContext.get("request_id") == null ? 0 : 1;
            }
        } else {
            serverSpanFilter.filter(matched);
            served += LogContext.get("request_id") == null ? 0 : 1;
        }
    }

    @Setup
    public void setUp() {
        provider = SdkTracerProvider.builder().build();
        OpenTelemetry otel = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
        // With MicroProfile Telemetry the request is served by the JAX-RS servlet, which the runtime traces.
        filter = new RequestContextServletFilter(new ServerRequests(() -> otel, "runtimeSpan".equals(mode)));
        request = new BenchRequest("wellFormed".equals(incomingRequestId) ? "order-7f3a9c2e-4b1d" : null);
        response = new BenchResponse();
        if ("runtimeSpan".equals(mode)) {
            // As MicroProfile Telemetry makes it, inside the filter: the request's SERVER span (recording).
            runtimeSpan = otel.getTracer("runtime").spanBuilder("GET").setSpanKind(SpanKind.SERVER).startSpan();
        }
        boolean sub = "subResource".equals(route);
        // As ResourceMethodFeature makes it: one filter per resource method, knowing its method.
        serverSpanFilter = new ServerSpanFilter(sub ? Items.class : Orders.class, sub ? ITEM : ORDER);
        // As Jersey lists them in a request filter: the current resource first.
        List<Object> resources = sub ? List.of(new Items(), new Orders()) : List.of(new Orders());
        String path = sub ? "orders/42/items/7" : "orders/42";
        jakarta.ws.rs.core.UriInfo uriInfo = fake(jakarta.ws.rs.core.UriInfo.class, (method, args) -> switch (method) {
            case "getMatchedResources" -> resources;
            case "getPath" -> path;
            default -> null;
        });
        matched = fake(jakarta.ws.rs.container.ContainerRequestContext.class, (method, args) -> switch (method) {
            case "getMethod" -> "GET";
            case "getUriInfo" -> uriInfo;
            // In a servlet container a JAX-RS request's properties are its servlet request's attributes.
            case "getProperty" -> request.getAttribute((String) args[0]);
            default -> null;
        });
    }

    @TearDown
    public void tearDown() {
        if (runtimeSpan != null) {
            runtimeSpan.end();
        }
        provider.close();
    }

    @jakarta.ws.rs.Path("orders")
    public static class Orders {
        @jakarta.ws.rs.GET
        @jakarta.ws.rs.Path("{id}")
        public String order() {
            return "order";
        }

        @jakarta.ws.rs.Path("{id}/items")
        public Items items() {
            return new Items();
        }

        @jakarta.ws.rs.Path("{id}/lines")
        public Items lines() {
            return new Items();
        }
    }

    public static class Items {
        @jakarta.ws.rs.GET
        @jakarta.ws.rs.Path("{itemId}")
        public String item() {
            return "item";
        }
    }

    private static final java.lang.reflect.Method ORDER = method(Orders.class, "order");
    private static final java.lang.reflect.Method ITEM = method(Items.class, "item");

    private static java.lang.reflect.Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JAX-RS object answering {@code answer} (a proxy: the same in every run it is compared with). */
    @SuppressWarnings("unchecked")
    private static <T> T fake(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(RequestFilterBenchmark.class.getClassLoader(),
                new Class<?>[] {type}, (proxy, method, args) -> answer.apply(method.getName(), args));
    }

    @Benchmark
    public long withoutFilter() throws Exception {
        chain.doFilter(request, response);
        return served;
    }

    @Benchmark
    public long withFilter() throws Exception {
        filter.doFilter(request, response, chain);
        return served;
    }

    @Benchmark
    public long withFilterAndRoute() throws Exception {
        filter.doFilter(request, response, routedChain);
        return served;
    }

    /** A GET for {@code /shop/api/orders/42}, served by the JAX-RS servlet; attributes in a map. */
    static final class BenchRequest implements jakarta.servlet.http.HttpServletRequest {

        private final String requestId;
        private final Map<String, Object> attributes = new HashMap<>();
        private final HttpServletMapping mapping = new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                return "api/orders/42";
            }

            @Override
            public String getPattern() {
                return "/*";
            }

            @Override
            public String getServletName() {
                return "jakarta.ws.rs.core.Application";
            }

            @Override
            public MappingMatch getMappingMatch() {
                return MappingMatch.PATH;
            }
        };

        BenchRequest(String requestId) {
            this.requestId = requestId;
        }

        @Override
        public java.lang.String getAuthType() {
            return null;
        }

        @Override
        public jakarta.servlet.http.Cookie[] getCookies() {
            return null;
        }

        @Override
        public long getDateHeader(java.lang.String a0) {
            return 0;
        }

        @Override
        public java.lang.String getHeader(java.lang.String a0) {
            return "X-Request-ID".equalsIgnoreCase(a0) ? requestId : null;
        }

        @Override
        public java.util.Enumeration<java.lang.String> getHeaders(java.lang.String a0) {
            return null;
        }

        @Override
        public java.util.Enumeration<java.lang.String> getHeaderNames() {
            return java.util.Collections.enumeration(java.util.List.of("X-Request-ID"));
        }

        @Override
        public int getIntHeader(java.lang.String a0) {
            return 0;
        }

        @Override
        public java.lang.String getMethod() {
            return "GET";
        }

        @Override
        public java.lang.String getPathInfo() {
            return null;
        }

        @Override
        public java.lang.String getPathTranslated() {
            return null;
        }

        @Override
        public java.lang.String getContextPath() {
            return "/shop";
        }

        @Override
        public java.lang.String getQueryString() {
            return null;
        }

        @Override
        public java.lang.String getRemoteUser() {
            return null;
        }

        @Override
        public boolean isUserInRole(java.lang.String a0) {
            return false;
        }

        @Override
        public java.security.Principal getUserPrincipal() {
            return null;
        }

        @Override
        public java.lang.String getRequestedSessionId() {
            return null;
        }

        @Override
        public java.lang.String getRequestURI() {
            return "/shop/api/orders/42";
        }

        @Override
        public java.lang.StringBuffer getRequestURL() {
            return null;
        }

        @Override
        public java.lang.String getServletPath() {
            return null;
        }

        @Override
        public jakarta.servlet.http.HttpSession getSession(boolean a0) {
            return null;
        }

        @Override
        public jakarta.servlet.http.HttpSession getSession() {
            return null;
        }

        @Override
        public java.lang.String changeSessionId() {
            return null;
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }

        @Override
        public boolean isRequestedSessionIdFromCookie() {
            return false;
        }

        @Override
        public boolean isRequestedSessionIdFromURL() {
            return false;
        }

        @Override
        public boolean authenticate(jakarta.servlet.http.HttpServletResponse a0) throws java.io.IOException, jakarta.servlet.ServletException {
            return false;
        }

        @Override
        public void login(java.lang.String a0, java.lang.String a1) throws jakarta.servlet.ServletException {
        }

        @Override
        public void logout() throws jakarta.servlet.ServletException {
        }

        @Override
        public java.util.Collection<jakarta.servlet.http.Part> getParts() throws java.io.IOException, jakarta.servlet.ServletException {
            return null;
        }

        @Override
        public jakarta.servlet.http.Part getPart(java.lang.String a0) throws java.io.IOException, jakarta.servlet.ServletException {
            return null;
        }

        @Override
        public <T extends jakarta.servlet.http.HttpUpgradeHandler> T upgrade(java.lang.Class<T> a0) throws java.io.IOException, jakarta.servlet.ServletException {
            return null;
        }

        @Override
        public java.lang.Object getAttribute(java.lang.String a0) {
            return attributes.get(a0);
        }

        @Override
        public java.util.Enumeration<java.lang.String> getAttributeNames() {
            return null;
        }

        @Override
        public java.lang.String getCharacterEncoding() {
            return null;
        }

        @Override
        public void setCharacterEncoding(java.lang.String a0) throws java.io.UnsupportedEncodingException {
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public java.lang.String getContentType() {
            return null;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws java.io.IOException {
            return null;
        }

        @Override
        public java.lang.String getParameter(java.lang.String a0) {
            return null;
        }

        @Override
        public java.util.Enumeration<java.lang.String> getParameterNames() {
            return null;
        }

        @Override
        public java.lang.String[] getParameterValues(java.lang.String a0) {
            return null;
        }

        @Override
        public java.util.Map<java.lang.String, java.lang.String[]> getParameterMap() {
            return null;
        }

        @Override
        public java.lang.String getProtocol() {
            return null;
        }

        @Override
        public java.lang.String getScheme() {
            return "http";
        }

        @Override
        public java.lang.String getServerName() {
            return "localhost";
        }

        @Override
        public int getServerPort() {
            return 8080;
        }

        @Override
        public java.io.BufferedReader getReader() throws java.io.IOException {
            return null;
        }

        @Override
        public java.lang.String getRemoteAddr() {
            return "127.0.0.1";
        }

        @Override
        public java.lang.String getRemoteHost() {
            return null;
        }

        @Override
        public void setAttribute(java.lang.String a0, java.lang.Object a1) {
            attributes.put(a0, a1);
        }

        @Override
        public void removeAttribute(java.lang.String a0) {
            attributes.remove(a0);
        }

        @Override
        public java.util.Locale getLocale() {
            return null;
        }

        @Override
        public java.util.Enumeration<java.util.Locale> getLocales() {
            return null;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public jakarta.servlet.RequestDispatcher getRequestDispatcher(java.lang.String a0) {
            return null;
        }

        @Override
        public int getRemotePort() {
            return 0;
        }

        @Override
        public java.lang.String getLocalName() {
            return null;
        }

        @Override
        public java.lang.String getLocalAddr() {
            return null;
        }

        @Override
        public int getLocalPort() {
            return 0;
        }

        /** Registrations as the runtime has them: the JAX-RS servlet Jersey's, no telemetry filter of Liberty's. */
        private final jakarta.servlet.ServletContext context = fake(jakarta.servlet.ServletContext.class,
                (method, args) -> switch (method) {
                    case "getFilterRegistrations" -> Map.of();
                    case "getServletRegistration" -> fake(jakarta.servlet.ServletRegistration.class,
                            (registrationMethod, none) -> "getClassName".equals(registrationMethod)
                                    ? "org.glassfish.jersey.servlet.ServletContainer" : null);
                    default -> null;
                });

        @Override
        public jakarta.servlet.ServletContext getServletContext() {
            return context;
        }

        @Override
        public jakarta.servlet.AsyncContext startAsync() throws java.lang.IllegalStateException {
            return null;
        }

        @Override
        public jakarta.servlet.AsyncContext startAsync(jakarta.servlet.ServletRequest a0, jakarta.servlet.ServletResponse a1) throws java.lang.IllegalStateException {
            return null;
        }

        @Override
        public boolean isAsyncStarted() {
            return false;
        }

        @Override
        public boolean isAsyncSupported() {
            return false;
        }

        @Override
        public jakarta.servlet.AsyncContext getAsyncContext() {
            return null;
        }

        @Override
        public jakarta.servlet.DispatcherType getDispatcherType() {
            return null;
        }

        @Override
        public java.lang.String getRequestId() {
            return null;
        }

        @Override
        public java.lang.String getProtocolRequestId() {
            return null;
        }

        @Override
        public jakarta.servlet.ServletConnection getServletConnection() {
            return null;
        }
    }

    /** Keeps the last header set. */
    static final class BenchResponse implements jakarta.servlet.http.HttpServletResponse {

        String headerName;
        String headerValue;

        @Override
        public void addCookie(jakarta.servlet.http.Cookie a0) {
        }

        @Override
        public boolean containsHeader(java.lang.String a0) {
            return false;
        }

        @Override
        public java.lang.String encodeURL(java.lang.String a0) {
            return null;
        }

        @Override
        public java.lang.String encodeRedirectURL(java.lang.String a0) {
            return null;
        }

        @Override
        public void sendError(int a0, java.lang.String a1) throws java.io.IOException {
        }

        @Override
        public void sendError(int a0) throws java.io.IOException {
        }

        @Override
        public void sendRedirect(java.lang.String a0) throws java.io.IOException {
        }

        @Override
        public void setDateHeader(java.lang.String a0, long a1) {
        }

        @Override
        public void addDateHeader(java.lang.String a0, long a1) {
        }

        @Override
        public void setHeader(java.lang.String a0, java.lang.String a1) {
            headerName = a0;
            headerValue = a1;
        }

        @Override
        public void addHeader(java.lang.String a0, java.lang.String a1) {
        }

        @Override
        public void setIntHeader(java.lang.String a0, int a1) {
        }

        @Override
        public void addIntHeader(java.lang.String a0, int a1) {
        }

        @Override
        public void setStatus(int a0) {
        }

        @Override
        public int getStatus() {
            return 200;
        }

        @Override
        public java.lang.String getHeader(java.lang.String a0) {
            return null;
        }

        @Override
        public java.util.Collection<java.lang.String> getHeaders(java.lang.String a0) {
            return null;
        }

        @Override
        public java.util.Collection<java.lang.String> getHeaderNames() {
            return null;
        }

        @Override
        public java.lang.String getCharacterEncoding() {
            return null;
        }

        @Override
        public java.lang.String getContentType() {
            return null;
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() throws java.io.IOException {
            return null;
        }

        @Override
        public java.io.PrintWriter getWriter() throws java.io.IOException {
            return null;
        }

        @Override
        public void setCharacterEncoding(java.lang.String a0) {
        }

        @Override
        public void setContentLength(int a0) {
        }

        @Override
        public void setContentLengthLong(long a0) {
        }

        @Override
        public void setContentType(java.lang.String a0) {
        }

        @Override
        public void setBufferSize(int a0) {
        }

        @Override
        public int getBufferSize() {
            return 0;
        }

        @Override
        public void flushBuffer() throws java.io.IOException {
        }

        @Override
        public void resetBuffer() {
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void reset() {
        }

        @Override
        public void setLocale(java.util.Locale a0) {
        }

        @Override
        public java.util.Locale getLocale() {
            return null;
        }
    }
}
