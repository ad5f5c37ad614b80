package dev.observe.ee.internal.logging;

import java.util.List;
import java.util.logging.LogRecord;

/**
 * Runs the processors and the renderer for one record at a time, reusing its event, buffer and scratch space, so
 * that encoding a record allocates next to nothing. Not thread-safe: borrow one from an {@link EncoderPool}.
 */
final class LineEncoder {

    private final LogProcessor[] processors;
    private final Renderer renderer;
    private final LogEvent event = new LogEvent();
    private final JsonBuffer buffer = new JsonBuffer(1024);
    private final StringBuilder scratch = new StringBuilder(1024);

    LineEncoder(List<LogProcessor> processors, Renderer renderer) {
        this.processors = processors.toArray(new LogProcessor[0]);
        this.renderer = renderer;
    }

    /** The record as one line, ending in '\n', valid until the next call. */
    JsonBuffer encode(LogRecord record) {
        event.clear();
        buffer.reset();
        for (LogProcessor processor : processors) {
            processor.process(record, event);
        }
        renderer.render(event, buffer, scratch);
        event.clear();
        if (scratch.capacity() > 65_536) {
            scratch.setLength(0);
            scratch.trimToSize();
        }
        return buffer;
    }
}
