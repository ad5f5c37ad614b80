package dev.observe.ee.internal.logging;

import dev.observe.ee.logging.LogContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogContextTest {

    @AfterEach
    void clear() {
        LogContext.clear();
    }

    @Test
    void bindReplacesInPlaceAndUnbindRemoves() {
        LogContext.bind("a", 1, "b", 2);
        LogContext.bind("a", 3, "c", 4);
        assertEquals(map("a", 3, "b", 2, "c", 4), LogContext.current());

        LogContext.unbind("b", "nope");
        assertEquals(map("a", 3, "c", 4), LogContext.current());

        LogContext.clear();
        assertTrue(LogContext.current().isEmpty());
    }

    @Test
    void scopeRestoresExactlyWhatWasThere() {
        LogContext.bind("tenant", "t1", "user_id", "u1");
        try (LogContext.Scope outer = LogContext.scope("user_id", "u2", "order_id", 7)) {
            assertEquals(map("tenant", "t1", "user_id", "u2", "order_id", 7), LogContext.current());
            try (LogContext.Scope inner = LogContext.scope("step", "charge")) {
                assertEquals(4, LogContext.current().size());
            }
            assertEquals(3, LogContext.current().size());
        }
        assertEquals(map("tenant", "t1", "user_id", "u1"), LogContext.current());
    }

    @Test
    void contextIsPerThreadAndSnapshotsCarryIt() throws Exception {
        LogContext.bind("request_id", "r-1");
        LogContext.Snapshot snapshot = LogContext.capture();

        Map<String, Object> elsewhere = CompletableFuture.supplyAsync(LogContext::current).get();
        assertTrue(elsewhere.isEmpty(), "another thread sees nothing");

        Map<String, Object> restored = CompletableFuture.supplyAsync(() -> {
            try (LogContext.Scope ignored = LogContext.restore(snapshot)) {
                return LogContext.current();
            }
        }).get();
        assertEquals(map("request_id", "r-1"), restored);
    }

    @Test
    void badArgumentsNeverThrow() {
        LogContext.bind((Object[]) null);
        LogContext.bind("only-a-key");
        LogContext.bind(null, "v");
        LogContext.unbind((String[]) null);
        assertEquals(List.of(KeyValues.UNPAIRED_KEY, KeyValues.NULL_KEY), List.copyOf(LogContext.current().keySet()));
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
