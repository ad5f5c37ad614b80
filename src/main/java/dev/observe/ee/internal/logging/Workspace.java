package dev.observe.ee.internal.logging;

import java.util.logging.LogRecord;

/**
 * What encoding one record needs, kept for the next: the event, the output buffer and scratch space, so that
 * encoding a record allocates next to nothing. Not thread-safe: borrowed from a {@link WorkspacePool} for one
 * record at a time.
 */
final class Workspace {

    private final LogEvent event = new LogEvent();
    private final JsonBuffer buffer = new JsonBuffer(1024);
    private final StringBuilder scratch = new StringBuilder(1024);

    /** The record as one line, ending in '\n', valid until the next call. */
    JsonBuffer encode(LogRecord record, LogPipeline pipeline, LineRenderer renderer) {
        buffer.reset();
        pipeline.process(record, event);
        renderer.render(event, buffer, scratch);
        event.clear();
        if (scratch.capacity() > 65_536) {
            scratch.setLength(0);
            scratch.trimToSize();
        }
        return buffer;
    }

    /** The short line of {@link LogPipeline#fallback}, for a record that {@link #encode} failed on. */
    JsonBuffer encodeFallback(LogRecord record, Throwable failure, LogPipeline pipeline, LineRenderer renderer) {
        buffer.reset();
        pipeline.fallback(record, failure, event);
        renderer.render(event, buffer, scratch);
        event.clear();
        return buffer;
    }
}
