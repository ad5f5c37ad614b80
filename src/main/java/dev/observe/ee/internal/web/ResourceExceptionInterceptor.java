package dev.observe.ee.internal.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells the request's {@link ServerRequest} that a JAX-RS resource method threw, while the runtime's SERVER span is
 * still open: the runtimes record nothing (Open Liberty, when no mapper handles it) or only their own wrapper
 * (Payara Micro's {@code MappableException}), and by the time the exception leaves the servlet their span has ended.
 * The exception is rethrown unchanged; what is recorded, and that it is recorded once, is {@link ServerRequest}'s.
 *
 * <p>Outermost of the library's interceptors, so that a span it starts for the same method has ended.
 *
 * <p>Package-private, registered from this package by {@link ResourceMethods}: Weld (Payara Micro's and Open
 * Liberty's CDI) creates an interceptor through its {@code @Inject} constructor and calls its {@code @AroundInvoke}
 * method reflectively, both made accessible, and neither subclasses nor proxies it (a {@code @Dependent} bean); CDI
 * 4.0 asks a managed bean for a concrete class with an appropriate constructor, not a public one. ServerSpanIT proves
 * it on each server.
 */
@RecordsExceptions
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
class ResourceExceptionInterceptor {

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
            failed(e);
            throw e;
        }
    }

    private void failed(Throwable thrown) {
        ServerRequest exchange;
        try {
            exchange = ServerRequest.of(request.get());
        } catch (RuntimeException outsideARequest) {
            // Called outside an HTTP request (a resource class used as a plain bean): nothing to record on.
            return;
        }
        if (exchange != null) {
            exchange.failed(thrown);
        }
    }
}
