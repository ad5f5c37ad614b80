package dev.observe.ee.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.observe.ee.internal.semconv.SemanticAttributes;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exception events observe-ee records: the SDK's own attributes where the exception behaves, a placeholder naming
 * the failure where its methods fail, and nothing left for a later reader to compute.
 */
class ExceptionEventsTest {

    @RegisterExtension
    static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

    /** {@code toString()} calls {@code getMessage()}, which calls {@code toString()}: a StackOverflowError. */
    static final class RecursiveMessage extends RuntimeException {
        RecursiveMessage(Throwable cause) {
            super(cause);
        }

        @Override
        public String getMessage() {
            return "failed: " + this;
        }
    }

    static class ThrowingMessage extends IllegalStateException {
        @Override
        public String getMessage() {
            throw new UnsupportedOperationException("no message today");
        }
    }

    private static Attributes recorded(Throwable exception) {
        Span span = otel.getOpenTelemetry().getTracer("test").spanBuilder("work").startSpan();
        ExceptionEvents.record(span, exception);
        span.end();
        Attributes attributes = otel.getSpans().get(0).getEvents().get(0).getAttributes();
        otel.clearSpans();
        return attributes;
    }

    @Test
    void anOrdinaryExceptionGetsExactlyTheAttributesTheSdkWouldGiveIt() {
        IOException exception = new IOException("disk full", new IllegalArgumentException("bad block"));
        exception.addSuppressed(new UncheckedIOException(new IOException("close failed")));

        Span span = otel.getOpenTelemetry().getTracer("test").spanBuilder("sdk").startSpan();
        span.recordException(exception);
        span.end();
        Attributes sdks = otel.getSpans().get(0).getEvents().get(0).getAttributes();
        otel.clearSpans();

        assertEquals(sdks, recorded(exception));
    }

    @Test
    void aRecursiveMessageBecomesAPlaceholderAndTheStackTraceIsWrittenFromTheFrames() {
        Attributes attributes = recorded(new RecursiveMessage(new IllegalArgumentException("bad block")));

        assertEquals(RecursiveMessage.class.getCanonicalName(), attributes.get(SemanticAttributes.EXCEPTION_TYPE));
        assertEquals("[getMessage() threw java.lang.StackOverflowError]",
                attributes.get(SemanticAttributes.EXCEPTION_MESSAGE));
        String stackTrace = attributes.get(SemanticAttributes.EXCEPTION_STACKTRACE);
        assertTrue(stackTrace.startsWith(RecursiveMessage.class.getName()
                + ": [getMessage() threw java.lang.StackOverflowError]\n\tat "), stackTrace);
        assertTrue(stackTrace.contains("\tat " + ExceptionEventsTest.class.getName() + "."), stackTrace);
        assertTrue(stackTrace.contains("\nCaused by: java.lang.IllegalArgumentException: bad block\n\tat "),
                stackTrace);
    }

    @Test
    void aMessageThatThrowsBecomesAPlaceholderNamingWhatItThrew() {
        Attributes attributes = recorded(new ThrowingMessage());

        assertEquals("[getMessage() threw java.lang.UnsupportedOperationException]",
                attributes.get(SemanticAttributes.EXCEPTION_MESSAGE));
        assertTrue(attributes.get(SemanticAttributes.EXCEPTION_STACKTRACE).startsWith(ThrowingMessage.class.getName()
                + ": [getMessage() threw java.lang.UnsupportedOperationException]\n\tat "));
    }

    @Test
    void aCircularCauseChainIsWrittenOnceAndMarked() {
        ThrowingMessage first = new ThrowingMessage();
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);

        String stackTrace = recorded(first).get(SemanticAttributes.EXCEPTION_STACKTRACE);

        assertTrue(stackTrace.contains("Caused by: java.lang.IllegalStateException: second\n"), stackTrace);
        assertTrue(stackTrace.contains("[CIRCULAR REFERENCE: " + ThrowingMessage.class.getName()), stackTrace);
    }

    @Test
    void aSpanThatIsNotRecordingGetsNothingAndNothingIsAskedOfTheException() {
        ExceptionEvents.record(Span.getInvalid(), new ThrowingMessage() {
            @Override
            public StackTraceElement[] getStackTrace() {
                throw new AssertionError("not asked for");
            }
        });
        assertFalse(otel.getSpans().iterator().hasNext());
    }
}
