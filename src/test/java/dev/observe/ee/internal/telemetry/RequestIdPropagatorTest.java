package dev.observe.ee.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.logging.LogContext;

import io.opentelemetry.context.Context;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.lang.reflect.Proxy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdPropagatorTest {

    private final Map<String, String> headers = new HashMap<>();

    @AfterEach
    void clear() {
        LogContext.clear();
    }

    @Test
    void injectsTheIdFromTheContext() {
        RequestIdPropagator.INSTANCE.inject(Context.root().with(RequestIdPropagator.REQUEST_ID, "r-1"), headers,
                Map::put);
        assertEquals(Map.of("X-Request-ID", "r-1"), headers);
    }

    @Test
    void fallsBackToTheThreadsLogContext() {
        LogContext.bind("request_id", "r-2");
        RequestIdPropagator.INSTANCE.inject(Context.root(), headers, Map::put);
        assertEquals(Map.of("X-Request-ID", "r-2"), headers);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Request-ID", "x-request-id"})
    void anIdTheApplicationSetOnAJakartaRestCallWins(String header) {
        ClientRequestContext call = call();
        call.getHeaders().putSingle(header, "chosen-by-the-application");

        RequestIdPropagator.INSTANCE.inject(Context.root().with(RequestIdPropagator.REQUEST_ID, "r-3"), call,
                (request, key, value) -> request.getHeaders().putSingle(key, value));

        assertEquals(Map.of(header, List.of("chosen-by-the-application")), call.getHeaders());
    }

    @Test
    void aJakartaRestCallWithoutItsOwnIdGetsTheRequests() {
        ClientRequestContext call = call();
        call.getHeaders().putSingle("X-Request-ID", " ");

        RequestIdPropagator.INSTANCE.inject(Context.root().with(RequestIdPropagator.REQUEST_ID, "r-4"), call,
                (request, key, value) -> request.getHeaders().putSingle(key, value));

        assertEquals(Map.of("X-Request-ID", List.of("r-4")), call.getHeaders(), "a blank header is no id");
    }

    /** A Jakarta REST client call as the propagators see it: only its headers are read. */
    private static ClientRequestContext call() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        return (ClientRequestContext) Proxy.newProxyInstance(RequestIdPropagatorTest.class.getClassLoader(),
                new Class<?>[] {ClientRequestContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getHeaders")) {
                        return headers;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void injectsNothingOutsideARequestAndExtractsNothing() {
        RequestIdPropagator.INSTANCE.inject(Context.root(), headers, Map::put);
        assertTrue(headers.isEmpty());
        assertEquals(List.of("X-Request-ID"), List.copyOf(RequestIdPropagator.INSTANCE.fields()));
        Context context = Context.root();
        assertEquals(context, RequestIdPropagator.INSTANCE.extract(context, Map.of("X-Request-ID", "x"),
                null));
    }
}
