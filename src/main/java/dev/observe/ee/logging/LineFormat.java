package dev.observe.ee.logging;

import java.util.logging.LogRecord;

/** A {@link LogFormat} made executable: the processor chain and renderer, with a pool of encoders. */
final class LineFormat {

    private static final int POOL_SIZE = 8;

    private final EncoderPool encoders;

    LineFormat(LogFormat format, TraceContext traceContext) {
        Renderer renderer = format.renderer == LogFormat.Renderer.CONSOLE ? new ConsoleRenderer(format)
                : new JsonRenderer(format);
        java.util.List<LogProcessor> processors = Processors.standard(traceContext);
        this.encoders = new EncoderPool(POOL_SIZE, () -> new LineEncoder(processors, renderer));
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

    String format(LogRecord record) {
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
