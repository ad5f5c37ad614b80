package dev.observe.ee.internal.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.observe.ee.logging.LogContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;

import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Trace and log context captured on one thread and restored around work on another: what the work sees, and that
 * the thread gets back exactly what it had, so that a pooled thread never keeps a task's context.
 */
class CarriedContextTest {

    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        LogContext.clear();
    }

    @Test
    void workOnAnotherThreadSeesTheCapturedSpanAndLogFields() throws Exception {
        Span span = otel.getOpenTelemetry().getTracer("test").spanBuilder("request").startSpan();
        CarriedContext carried;
        try (Scope ignored = span.makeCurrent(); LogContext.Scope log = LogContext.scope("request_id", "r-1")) {
            carried = CarriedContext.capture();
        }
        AtomicReference<Span> seenSpan = new AtomicReference<>();
        AtomicReference<Object> seenId = new AtomicReference<>();
        pool.submit(carried.wrap(() -> {
            seenSpan.set(Span.current());
            seenId.set(LogContext.get("request_id"));
        })).get();
        span.end();

        assertEquals(span.getSpanContext(), seenSpan.get().getSpanContext());
        assertEquals("r-1", seenId.get());
        assertNothingLeftOnThePoolThread();
    }

    @Test
    void closingRestoresWhatTheThreadHadBefore() {
        Span own = otel.getOpenTelemetry().getTracer("test").spanBuilder("own").startSpan();
        Span carriedSpan = otel.getOpenTelemetry().getTracer("test").spanBuilder("carried").startSpan();
        CarriedContext carried;
        try (Scope ignored = carriedSpan.makeCurrent(); LogContext.Scope log = LogContext.scope("request_id", "r-2")) {
            carried = CarriedContext.capture();
        }
        try (Scope ignored = own.makeCurrent(); LogContext.Scope log = LogContext.scope("request_id", "own")) {
            try (CarriedContext.Restored restored = carried.restore()) {
                assertSame(carriedSpan, Span.current());
                assertEquals("r-2", LogContext.get("request_id"));
            }
            assertSame(own, Span.current());
            assertEquals("own", LogContext.get("request_id"));
        }
        assertSame(Context.root(), Context.current());
        assertEquals(Map.of(), LogContext.current());
    }

    @Test
    void theEmptyContextHidesTheThreadsOwnUntilClosed() {
        Span own = otel.getOpenTelemetry().getTracer("test").spanBuilder("own").startSpan();
        try (Scope ignored = own.makeCurrent(); LogContext.Scope log = LogContext.scope("request_id", "own")) {
            try (CarriedContext.Restored cleared = CarriedContext.empty().restore()) {
                assertFalse(Span.current().getSpanContext().isValid());
                assertNull(LogContext.get("request_id"));
            }
            assertSame(own, Span.current());
            assertEquals("own", LogContext.get("request_id"));
        }
    }

    @Test
    void aFailingTaskStillGivesTheThreadBack() throws Exception {
        CarriedContext carried;
        try (LogContext.Scope log = LogContext.scope("request_id", "r-3")) {
            carried = CarriedContext.capture();
        }
        Runnable failing = carried.wrap(() -> {
            throw new IllegalStateException("task failed");
        });
        pool.submit(() -> {
            try {
                failing.run();
            } catch (IllegalStateException expected) {
                // the task's own failure reaches its caller
            }
        }).get();
        assertNothingLeftOnThePoolThread();
    }

    @Test
    void theExecutorFormCarriesEveryTask() throws Exception {
        CarriedContext carried;
        try (LogContext.Scope log = LogContext.scope("request_id", "r-4")) {
            carried = CarriedContext.capture();
        }
        AtomicReference<Object> seen = new AtomicReference<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        carried.carryTo(pool).execute(() -> {
            seen.set(LogContext.get("request_id"));
            done.countDown();
        });
        done.await(5, TimeUnit.SECONDS);
        assertEquals("r-4", seen.get());
        assertNothingLeftOnThePoolThread();
    }

    @Test
    void theThreadContextProviderRestoresAndClears() {
        ObserveThreadContextProvider provider = new ObserveThreadContextProvider();
        assertEquals("observe-ee", provider.getThreadContextType());
        jakarta.enterprise.concurrent.spi.ThreadContextSnapshot captured;
        try (LogContext.Scope log = LogContext.scope("request_id", "task-1")) {
            captured = provider.currentContext(Map.of());
            try (LogContext.Scope other = LogContext.scope("request_id", "other")) {
                ThreadContextRestorer cleared = provider.clearedContext(Map.of()).begin();
                assertNull(LogContext.get("request_id"));
                cleared.endContext();
                assertEquals("other", LogContext.get("request_id"));
            }
        }
        ThreadContextRestorer restorer = captured.begin();
        assertEquals("task-1", LogContext.get("request_id"));
        restorer.endContext();
        assertEquals(Map.of(), LogContext.current());
    }

    private void assertNothingLeftOnThePoolThread() throws Exception {
        assertEquals(Map.of(), pool.submit(LogContext::current).get());
        assertSame(Context.root(), pool.submit(Context::current).get());
    }
}
