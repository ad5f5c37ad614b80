package dev.observe.ee.internal.web;

import dev.observe.ee.internal.semconv.SemanticAttributes;
import dev.observe.ee.internal.telemetry.DeployedApplication;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import java.net.URI;

/**
 * The guide's {@code inject(headers)} for Jakarta REST client calls on a runtime without MicroProfile Telemetry:
 * one CLIENT span per call ({@code METHOD}, with the HTTP semantic conventions' attributes; 4xx and 5xx are
 * errors of a client span), whose context goes out in {@code traceparent}/{@code tracestate}, with
 * {@code baggage} and the request's {@code X-Request-ID} (unless the application set its own), through the
 * application's propagators. Where the runtime instruments the client itself this filter does nothing: the
 * runtime's span and propagators (observe-ee's request id propagator among them) already do all of it.
 *
 * <p>Listed in {@code META-INF/services/jakarta.ws.rs.ext.Providers}, which the runtimes' clients read. A call that
 * fails before any response (connection refused) runs no response filter: its span is dropped, not exported.
 */
@ConstrainedTo(RuntimeType.CLIENT)
@Priority(Priorities.HEADER_DECORATOR)
public final class ClientSpanFilter implements ClientRequestFilter, ClientResponseFilter {

    private static final String SPAN_PROPERTY = ClientSpanFilter.class.getName() + ".span";

    /**
     * The request itself is the carrier, as with the runtimes' client instrumentation, so that the request id
     * propagator sees an {@code X-Request-ID} the application set on the call and leaves it.
     */
    private static final TextMapSetter<ClientRequestContext> HEADERS =
            (request, key, value) -> request.getHeaders().putSingle(key, value);

    @Override
    public void filter(ClientRequestContext request) {
        if (DeployedApplication.runtimeProvided()) {
            return;
        }
        try {
            OpenTelemetry otel = DeployedApplication.current().openTelemetry();
            URI uri = request.getUri();
            SpanBuilder builder = otel.getTracer(SemanticAttributes.INSTRUMENTATION_SCOPE)
                    .spanBuilder(request.getMethod())
                    .setSpanKind(SpanKind.CLIENT)
                    .setAttribute(SemanticAttributes.HTTP_REQUEST_METHOD, request.getMethod())
                    .setAttribute(SemanticAttributes.URL_FULL, withoutUserInfo(uri));
            if (uri.getHost() != null) {
                builder.setAttribute(SemanticAttributes.SERVER_ADDRESS, uri.getHost());
            }
            if (uri.getPort() > 0) {
                builder.setAttribute(SemanticAttributes.SERVER_PORT, (long) uri.getPort());
            }
            Span span = builder.startSpan();
            request.setProperty(SPAN_PROPERTY, span);
            otel.getPropagators().getTextMapPropagator().inject(Context.current().with(span), request, HEADERS);
        } catch (RuntimeException e) {
            // Never into the application's call: without its span, the call still goes out.
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (request.getProperty(SPAN_PROPERTY) instanceof Span span) {
            request.removeProperty(SPAN_PROPERTY);
            int status = response.getStatus();
            span.setAttribute(SemanticAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
            if (status >= 400) {
                span.setStatus(StatusCode.ERROR);
                span.setAttribute(SemanticAttributes.ERROR_TYPE, Integer.toString(status));
            }
            span.end();
        }
    }

    /** The URL without credentials, which must never reach a span. */
    private static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        String query = uri.getRawQuery();
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath()) + (query == null ? "" : "?" + query);
    }
}
