package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.semconv.SemanticAttributes;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.EventData;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * OpenTelemetry's exception event ({@code exception} with {@code exception.type}, {@code exception.message},
 * {@code exception.stacktrace}, per the semantic conventions), made from the exception once and safely, so that
 * nothing an exception does can fail later.
 *
 * <p>Why: the SDK's {@code Span.recordException} (1.29, the runtimes' version) keeps the {@code Throwable} and
 * computes the event's attributes each time they are read, on the exporter's thread. An exception whose
 * {@code getMessage()} throws, or recurses through {@code toString()} into a {@code StackOverflowError}, then fails
 * the exporter instead: the batch span processor catches only {@code RuntimeException}, so an {@code Error} ends
 * its worker thread and the application exports no span from then on. Here every call into the exception is
 * guarded: a {@code getMessage()} that fails gives a placeholder naming the failure, and a stack trace the JDK
 * cannot print is written from the frames. (An exception method that never returns is not guarded against.)
 */
public final class ExceptionEvents {

    static final String NAME = "exception";

    /** Causes and suppressed exceptions written into a fallback stack trace, at most. */
    private static final int MAX_THROWABLES = 64;

    private ExceptionEvents() {
    }

    /**
     * Adds {@code exception}'s event to {@code span} with its attributes already computed; a span that is not
     * recording costs nothing. Never throws, whatever the exception's own methods do.
     */
    public static void record(Span span, Throwable exception) {
        if (span.isRecording() && exception != null) {
            span.addEvent(NAME, attributes(exception));
        }
    }

    /** The semantic conventions' attributes of {@code exception}, as the SDK writes them where nothing fails. */
    static Attributes attributes(Throwable exception) {
        AttributesBuilder attributes = Attributes.builder();
        attributes.put(SemanticAttributes.EXCEPTION_TYPE, typeName(exception));
        String message = message(exception);
        if (message != null) {
            attributes.put(SemanticAttributes.EXCEPTION_MESSAGE, message);
        }
        attributes.put(SemanticAttributes.EXCEPTION_STACKTRACE, stackTrace(exception));
        return attributes.build();
    }

    /**
     * {@code event} with its attributes read once, now: the same event where they can be read; where they cannot (an
     * exception event of the SDK whose exception fails), an exception event made here from the event's exception.
     */
    static EventData readOnce(EventData event) {
        try {
            return EventData.create(event.getEpochNanos(), event.getName(), event.getAttributes(),
                    event.getTotalAttributeCount());
        } catch (Throwable unreadable) {
            rethrowIfFatal(unreadable);
            Throwable exception = exceptionOf(event);
            Attributes attributes = exception != null ? attributes(exception)
                    : Attributes.of(SemanticAttributes.EXCEPTION_MESSAGE,
                            "[the exception event could not be read: " + unreadable.getClass().getName() + "]");
            return EventData.create(event.getEpochNanos(), NAME, attributes);
        }
    }

    /**
     * The exception an SDK exception event was made from. Its type ({@code ExceptionEventData}) lives in an
     * internal package of the SDK that a runtime need not export to applications, so it is found by its public
     * interface's method rather than linked against.
     */
    private static Throwable exceptionOf(EventData event) {
        try {
            for (Class<?> type = event.getClass(); type != null; type = type.getSuperclass()) {
                for (Class<?> contract : type.getInterfaces()) {
                    for (Method method : contract.getMethods()) {
                        if (method.getName().equals("getException") && method.getParameterCount() == 0
                                && Throwable.class.isAssignableFrom(method.getReturnType())) {
                            return (Throwable) method.invoke(event);
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notThere) {
            // an event of another shape: described without its exception
        }
        return null;
    }

    private static String typeName(Throwable exception) {
        Class<?> type = exception.getClass();
        String canonical = type.getCanonicalName();
        return canonical != null ? canonical : type.getName();
    }

    private static String message(Throwable exception) {
        try {
            return exception.getMessage();
        } catch (Throwable failed) {
            rethrowIfFatal(failed);
            return "[getMessage() threw " + failed.getClass().getName() + "]";
        }
    }

    private static String stackTrace(Throwable exception) {
        try {
            StringWriter text = new StringWriter();
            try (PrintWriter out = new PrintWriter(text)) {
                exception.printStackTrace(out);
            }
            return text.toString();
        } catch (Throwable failed) {
            rethrowIfFatal(failed);
            StringBuilder text = new StringBuilder();
            Set<Throwable> written = Collections.newSetFromMap(new IdentityHashMap<>());
            writeFrames(text, exception, "", "", written);
            return text.toString();
        }
    }

    /**
     * The JDK's layout ({@code Caused by:}, {@code Suppressed:}, circular references marked), with each header made
     * of the class name and the guarded message instead of the exception's own {@code toString()}.
     */
    private static void writeFrames(StringBuilder text, Throwable exception, String caption, String indent,
            Set<Throwable> written) {
        String message = message(exception);
        String header = exception.getClass().getName() + (message == null ? "" : ": " + message);
        if (!written.add(exception)) {
            text.append(indent).append(caption).append("[CIRCULAR REFERENCE: ").append(header).append("]\n");
            return;
        }
        if (written.size() > MAX_THROWABLES) {
            text.append(indent).append(caption).append("[... more causes not written]\n");
            return;
        }
        text.append(indent).append(caption).append(header).append('\n');
        for (StackTraceElement frame : frames(exception)) {
            text.append(indent).append("\tat ").append(frame).append('\n');
        }
        for (Throwable suppressed : exception.getSuppressed()) {
            writeFrames(text, suppressed, "Suppressed: ", indent + "\t", written);
        }
        Throwable cause = cause(exception);
        if (cause != null) {
            writeFrames(text, cause, "Caused by: ", indent, written);
        }
    }

    private static StackTraceElement[] frames(Throwable exception) {
        try {
            StackTraceElement[] frames = exception.getStackTrace();
            return frames == null ? new StackTraceElement[0] : frames;
        } catch (Throwable failed) {
            rethrowIfFatal(failed);
            return new StackTraceElement[0];
        }
    }

    private static Throwable cause(Throwable exception) {
        try {
            return exception.getCause();
        } catch (Throwable failed) {
            rethrowIfFatal(failed);
            return null;
        }
    }

    /** Out of memory and the like are the JVM's, not the exception's: never turned into a placeholder. */
    private static void rethrowIfFatal(Throwable failed) {
        if (failed instanceof VirtualMachineError fatal && !(failed instanceof StackOverflowError)) {
            throw fatal;
        }
    }
}
