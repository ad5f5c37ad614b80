package dev.observe.ee.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The guide's request middleware, for every request the application serves (JAX-RS or not): begins the request
 * with {@link ServerRequests} (request id, log and trace context, the library's SERVER span where the runtime has
 * none) and ends it in {@code finally}, so that the context is cleared on every exit path, an exception no mapper
 * handles included, and that exception reaches the container unchanged.
 *
 * <p>Registered for {@code /*} by {@link ObserveServletInitializer}, as an instance holding the application's
 * {@link ServerRequests}. Public although nothing outside this package names it: the servlet containers reflect on
 * the filters registered with them (injection, Liberty's own telemetry filter detection), and only the CDI types
 * below were checked for package-private access on both servers.
 */
public final class RequestContextServletFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** Filters are never serialized by the supported containers; a deserialized copy would not be registered. */
    private final transient ServerRequests requests;

    RequestContextServletFilter(ServerRequests requests) {
        this.requests = requests;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ServerRequest exchange = requests.begin(request, response);
        Throwable unhandled = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            unhandled = e;
            throw e;
        } finally {
            exchange.end(response, unhandled);
        }
    }
}
