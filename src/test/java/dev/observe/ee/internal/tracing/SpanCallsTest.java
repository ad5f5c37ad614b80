package dev.observe.ee.internal.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.Traced;
import dev.observe.ee.internal.semconv.SemanticAttributes;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;

import jakarta.interceptor.InvocationContext;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A span ends on every path, for both interceptors that make spans (through {@link SpanCalls}): normal return,
 * checked and unchecked exception, {@code Error}, and a {@code CompletionStage} that completes either way later;
 * the exception is recorded with ERROR status and reaches the caller unchanged; the span is current for the call.
 */
class SpanCallsTest {

    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    static class Shop {
        @Traced("place_order")
        @WithSpan(value = "place_order", kind = SpanKind.INTERNAL)
        public Object placeOrder() {
            return null;
        }
    }

    /** One interceptor each: {@code @Traced} and {@code @WithSpan}, over the in-memory SDK. */
    interface Interceptor {
        Object intercept(InvocationContext invocation) throws Exception;
    }

    static Stream<Interceptor> interceptors() {
        Interceptor traced = invocation -> new TracedInterceptor(TracingFakes.instance(otel.getOpenTelemetry()))
                .trace(invocation);
        Interceptor withSpan = invocation -> new WithSpanInterceptor(TracingFakes.instance(otel.getOpenTelemetry()))
                .trace(invocation);
        return Stream.of(traced, withSpan);
    }

    @AfterEach
    void nothingLeftCurrent() {
        assertSame(Context.root(), Context.current());
    }

    @ParameterizedTest
    @MethodSource("interceptors")
    void aNormalReturnEndsTheSpanWhichWasCurrentDuringTheCall(Interceptor interceptor) throws Exception {
        AtomicReference<Span> current = new AtomicReference<>();
        assertEquals("done", interceptor.intercept(invocation(() -> {
            current.set(Span.current());
            return "done";
        })));
        SpanData span = onlySpan();
        assertEquals("place_order", span.getName());
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        assertEquals(span.getSpanId(), current.get().getSpanContext().getSpanId());
    }

    @ParameterizedTest
    @MethodSource("interceptors")
    void aCheckedExceptionIsRecordedAndRethrownUnchanged(Interceptor interceptor) throws Exception {
        assertRecordedAndRethrownUnchanged(interceptor, new IOException("disk full"));
    }

    @ParameterizedTest
    @MethodSource("interceptors")
    void aRuntimeExceptionAndAnErrorAreRecordedAndRethrownUnchanged(Interceptor interceptor) throws Exception {
        assertRecordedAndRethrownUnchanged(interceptor, new IllegalStateException("out of stock"));
        otel.clearSpans();
        assertRecordedAndRethrownUnchanged(interceptor, new AssertionError("broken"));
    }

    @ParameterizedTest
    @MethodSource("interceptors")
    void aCompletionStageEndsTheSpanWhenItCompletes(Interceptor interceptor) throws Exception {
        CompletableFuture<String> later = new CompletableFuture<>();
        assertSame(later, interceptor.intercept(invocation(() -> later)));
        assertEquals(List.of(), otel.getSpans(), "still running");
        later.complete("done");
        assertEquals(StatusCode.UNSET, onlySpan().getStatus().getStatusCode());
    }

    @ParameterizedTest
    @MethodSource("interceptors")
    void aFailedCompletionStageRecordsTheCauseNotTheWrapper(Interceptor interceptor) throws Exception {
        CompletableFuture<String> later = new CompletableFuture<>();
        CompletionStage<?> returned = (CompletionStage<?>) interceptor.intercept(invocation(() -> later));
        assertSame(later, returned);
        later.completeExceptionally(new CompletionException(new IllegalArgumentException("bad order")));
        assertFailedWith(IllegalArgumentException.class);
    }

    /** {@code toString()} calls {@code getMessage()}, which calls {@code toString()}: a StackOverflowError. */
    static final class RecursiveMessage extends RuntimeException {
        @Override
        public String getMessage() {
            return "failed: " + this;
        }
    }

    @ParameterizedTest
    @MethodSource("interceptors")
    void anExceptionWhoseMessageFailsIsRecordedWithAPlaceholderThatAnyoneCanReadLater(Interceptor interceptor)
            throws Exception {
        assertRecordedAndRethrownUnchanged(interceptor, new RecursiveMessage());

        // What an exporter reads, after the call: nothing of the exception is asked for any more.
        io.opentelemetry.api.common.Attributes event = onlySpan().getEvents().get(0).getAttributes();
        assertEquals("[getMessage() threw java.lang.StackOverflowError]",
                event.get(SemanticAttributes.EXCEPTION_MESSAGE));
        String stackTrace = event.get(SemanticAttributes.EXCEPTION_STACKTRACE);
        assertTrue(stackTrace.startsWith(RecursiveMessage.class.getName()
                + ": [getMessage() threw java.lang.StackOverflowError]\n\tat "), stackTrace);
        assertTrue(stackTrace.contains("SpanCallsTest"), stackTrace);
    }

    private static InvocationContext invocation(java.util.concurrent.Callable<Object> call) throws Exception {
        Method method = Shop.class.getMethod("placeOrder");
        return TracingFakes.invocation(method, new Object[0], call);
    }

    private static void assertRecordedAndRethrownUnchanged(Interceptor interceptor, Throwable thrown)
            throws Exception {
        InvocationContext failing = invocation(() -> {
            if (thrown instanceof Exception exception) {
                throw exception;
            }
            throw (Error) thrown;
        });
        assertSame(thrown, assertThrows(thrown.getClass(), () -> interceptor.intercept(failing)));
        assertFailedWith(thrown.getClass());
    }

    private static void assertFailedWith(Class<? extends Throwable> type) {
        SpanData span = onlySpan();
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals(List.of(type.getCanonicalName()), span.getEvents().stream()
                .map(event -> event.getAttributes().get(SemanticAttributes.EXCEPTION_TYPE)).toList());
    }

    private static SpanData onlySpan() {
        List<SpanData> spans = otel.getSpans();
        assertEquals(1, spans.size(), "exactly one span, ended: " + spans);
        return spans.get(0);
    }
}
