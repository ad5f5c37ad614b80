package dev.observe.ee.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.logging.LogContext;

import io.opentelemetry.context.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
