package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;

import java.util.logging.LogRecord;

/** A {@link LogFormat} made executable: the processor chain and renderer, with a pool of encoders. */
public final class LineFormat {

    private static final int POOL_SIZE = 8;

    private final EncoderPool encoders;

    LineFormat(LogFormat format, TraceContext traceContext) {
        Renderer renderer = format.renderer == LogSettings.Format.CONSOLE ? new ConsoleRenderer(format)
                : new JsonRenderer(format);
        java.util.List<LogProcessor> processors = Processors.standard(traceContext);
        this.encoders = new EncoderPool(POOL_SIZE, () -> new LineEncoder(processors, renderer));
    }

    /**
     * The line format a formatter or handler that JUL created configures from the logging properties under
     * {@code prefix} (see {@link FormatterProperties}).
     */
    public static LineFormat fromLoggingProperties(String prefix, LogSettings.Format renderer) {
        return new LineFormat(FormatterProperties.read(prefix, java.util.logging.LogManager.getLogManager(), renderer),
                TraceContext.detect());
    }

    /** Encodes {@code record} and hands the line to {@code sink} while the encoder is still borrowed. */
    <E extends Exception> void encode(LogRecord record, LineSink<E> sink) throws E {
        LineEncoder encoder = encoders.acquire();
        try {
            sink.accept(encoder.encode(record));
        } finally {
            encoders.release(encoder);
        }
    }

    public String format(LogRecord record) {
        LineEncoder encoder = encoders.acquire();
        try {
            return encoder.encode(record).toString();
        } finally {
            encoders.release(encoder);
        }
    }

    /** Receives an encoded line; the buffer is only valid during the call. */
    @FunctionalInterface
    interface LineSink<E extends Exception> {
        void accept(JsonBuffer line) throws E;
    }
}
