package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;

import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * A {@link LogFormat} made executable for lines: the {@link LogPipeline} and the format's renderer (JSON or
 * console), with a pool of reusable workspaces. Like a Logback encoder it turns a record into the bytes of one line.
 *
 * <p>Part of the library's internals, public for the JUL classes of the API. Thread-safe.
 */
public final class LineEncoder {

    private static final int POOL_SIZE = 8;

    private final LogPipeline pipeline;
    private final LineRenderer renderer;
    private final WorkspacePool workspaces = new WorkspacePool(POOL_SIZE, Workspace::new);

    LineEncoder(LogFormat format, TraceContext traceContext) {
        this.pipeline = new LogPipeline(format, traceContext);
        this.renderer = format.renderer == LogSettings.Format.CONSOLE ? new ConsoleRenderer(format, pipeline.table())
                : new JsonRenderer(format, pipeline.table());
    }

    /**
     * The encoder a formatter or handler that JUL created configures from the logging properties under
     * {@code prefix} (see {@link FormatterProperties}).
     */
    public static LineEncoder fromLoggingProperties(String prefix, LogSettings.Format renderer) {
        return new LineEncoder(FormatterProperties.read(prefix, LogManager.getLogManager(), renderer),
                TraceContext.detect());
    }

    /**
     * Encodes {@code record} and hands the line to {@code sink} while the workspace is still borrowed. A record
     * the pipeline fails on still gives a line: the fallback line of {@link LogPipeline#fallback}, naming the
     * failure. Throws only what the sink throws, or a failure of the fallback line itself.
     */
    <E extends Exception> void encode(LogRecord record, LineSink<E> sink) throws E {
        Workspace workspace = workspaces.acquire();
        try {
            sink.accept(encode(workspace, record));
        } finally {
            workspaces.release(workspace);
        }
    }

    /** The record as one line ending in a line feed; a record the pipeline fails on as the fallback line. */
    public String format(LogRecord record) {
        Workspace workspace = workspaces.acquire();
        try {
            return encode(workspace, record).toString();
        } finally {
            workspaces.release(workspace);
        }
    }

    private JsonBuffer encode(Workspace workspace, LogRecord record) {
        try {
            return workspace.encode(record, pipeline, renderer);
        } catch (Throwable failure) {
            return workspace.encodeFallback(record, failure, pipeline, renderer);
        }
    }

    /** Receives an encoded line; the buffer is only valid during the call. */
    @FunctionalInterface
    interface LineSink<E extends Exception> {
        void accept(JsonBuffer line) throws E;
    }
}
