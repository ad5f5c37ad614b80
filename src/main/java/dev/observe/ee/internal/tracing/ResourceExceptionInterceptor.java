package dev.observe.ee.internal.tracing;

import io.opentelemetry.api.trace.Span;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;

/**
 * Records an exception a JAX-RS resource method throws on the request's SERVER span, as the application's own
 * exception: the runtimes record nothing (Open Liberty, when no mapper handles it) or only their own wrapper
 * (Payara Micro's {@code MappableException}), and by the time the exception leaves the servlet their span has
 * ended. The span's status stays the HTTP status's (5xx ERROR, a mapped 4xx not an error); a
 * {@code WebApplicationException} for a 4xx is the application answering, not failing, and is not recorded.
 *
 * <p>Outermost of the library's interceptors, so that a span it starts for the same method has ended.
 */
@RecordsExceptions
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ResourceExceptionInterceptor {

    /** The request attribute naming the exception recorded, so that the servlet filter does not record it again. */
    public static final String RECORDED_ATTRIBUTE = "dev.observe.ee.recordedException";

    /** The request attribute {@code ServerSpanFilter} leaves the request's SERVER span in. */
    public static final String SERVER_SPAN_ATTRIBUTE = "dev.observe.ee.serverSpan";

    private final Instance<HttpServletRequest> request;

    @Inject
    ResourceExceptionInterceptor(Instance<HttpServletRequest> request) {
        this.request = request;
    }

    @AroundInvoke
    Object record(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception | Error e) {
            record(e);
            throw e;
        }
    }

    private void record(Throwable thrown) {
        if (thrown instanceof WebApplicationException answer && answer.getResponse() != null
                && answer.getResponse().getStatus() < 500) {
            return;
        }
        try {
            HttpServletRequest current = request.get();
            if (current.getAttribute(SERVER_SPAN_ATTRIBUTE) instanceof Span span && span.isRecording()
                    && current.getAttribute(RECORDED_ATTRIBUTE) == null) {
                span.recordException(thrown);
                current.setAttribute(RECORDED_ATTRIBUTE, thrown);
            }
        } catch (RuntimeException outsideARequest) {
            // Called outside an HTTP request (a resource class used as a plain bean): nothing to record on.
        }
    }
}
