package dev.observe.ee.internal.telemetry;

import dev.observe.ee.Observe;
import dev.observe.ee.logging.LogContext;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

import jakarta.ws.rs.client.ClientRequestContext;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Carries the request id to the services a request calls, as {@code X-Request-ID}, next to {@code traceparent}:
 * the guide's "one id follows a request across services". Added to the runtime's propagators by
 * {@link ObserveAutoConfiguration}, so every outgoing call the runtime instruments (the Jakarta REST client,
 * MicroProfile Rest Client) sends it, with no code in the application.
 *
 * <p>The id travels in the OpenTelemetry {@link Context} under {@link #REQUEST_ID} (the request filter puts it
 * there); extracting is left to the receiving side's request filter, which validates it.
 *
 * <p>An {@code X-Request-ID} the application sets on the call itself wins: it chose what the called service should
 * see. Propagators cannot read a carrier in general, but every Jakarta REST client call reaches this class with its
 * {@link ClientRequestContext} as the carrier (Payara Micro's and Open Liberty's client instrumentation, and
 * observe-ee's own {@code ClientSpanFilter}), whose headers tell.
 */
public final class RequestIdPropagator implements TextMapPropagator {

    /** The request id of the current request, in the OpenTelemetry context. */
    public static final ContextKey<String> REQUEST_ID = ContextKey.named("observe-ee-request-id");


    static final RequestIdPropagator INSTANCE = new RequestIdPropagator();

    private RequestIdPropagator() {
    }

    @Override
    public Collection<String> fields() {
        return List.of(Observe.REQUEST_ID_HEADER);
    }

    @Override
    public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
        if (context == null || setter == null
                || carrier instanceof ClientRequestContext request && hasOwnId(request)) {
            return;
        }
        String requestId = context.get(REQUEST_ID);
        if (requestId == null) {
            // Payara's server instrumentation starts the request's context from the extracted remote context, not
            // from the current one, so the key set by the request filter can be missing; the calling thread's log
            // context still has the id.
            Object bound = LogContext.get("request_id");
            requestId = bound instanceof String id ? id : null;
        }
        if (requestId != null) {
            setter.set(carrier, Observe.REQUEST_ID_HEADER, requestId);
        }
    }

    /** Whether the application put a non-blank {@code X-Request-ID} on the call (header names ignore case). */
    private static boolean hasOwnId(ClientRequestContext request) {
        try {
            for (Map.Entry<String, List<Object>> header : request.getHeaders().entrySet()) {
                if (Observe.REQUEST_ID_HEADER.equalsIgnoreCase(header.getKey()) && header.getValue() != null) {
                    for (Object value : header.getValue()) {
                        if (value != null && !value.toString().isBlank()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (RuntimeException unreadable) {
            return false;  // the id goes out as before
        }
    }

    @Override
    public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
        return context;
    }

    @Override
    public String toString() {
        return "RequestIdPropagator";
    }
}
