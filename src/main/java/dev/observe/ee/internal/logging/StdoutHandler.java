package dev.observe.ee.internal.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Writes each record as one line of UTF-8 to the process's standard output, where container platforms and log
 * shippers collect it (the guide's "container log driver" option).
 *
 * <p>It writes to file descriptor 1 itself, not through {@code System.out}: Open Liberty replaces
 * {@code System.out} with a stream that re-logs every line (it would wrap each JSON line in a line of its own),
 * and the platform charset of {@code System.out} need not be UTF-8. Lines are written whole, so concurrent lines
 * never interleave, and concurrent lines share {@code write} calls ({@link LineBatcher}).
 *
 * <p>It never throws into the caller. Whatever the record holds gives a line ({@link LineEncoder}: a failing
 * {@code toString()} or {@code getMessage()} as a placeholder, a failure of the pipeline as a short line naming it);
 * what is left — standard output failing — goes to this handler's {@link ErrorManager}, which reports the first
 * one. A record logged while a record is being written on the same thread (a {@code toString()} that logs) is
 * written too; one nested deeper than that is dropped instead of recursing.
 */
public final class StdoutHandler extends Handler {

    private static final int MAX_NESTING = 2;

    // Holds only a JDK type: a pooled thread that outlives the application pins nothing of it.
    private static final ThreadLocal<int[]> NESTING = new ThreadLocal<>();

    /** Lines waiting while another thread writes, at most (then a thread waits, as it would for the stream). */
    private static final int MAX_PENDING_BYTES = 1024 * 1024;

    private final LineEncoder encoder;
    private final LineBatcher lines;

    public StdoutHandler(LineEncoder encoder) {
        this(encoder, new FileOutputStream(FileDescriptor.out));
    }

    StdoutHandler(LineEncoder encoder, OutputStream out) {
        this.encoder = encoder;
        this.lines = new LineBatcher(out, MAX_PENDING_BYTES);
        setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        int[] nesting = NESTING.get();
        if (nesting == null) {
            nesting = new int[1];
            NESTING.set(nesting);
        }
        if (nesting[0] >= MAX_NESTING) {
            return;
        }
        nesting[0]++;
        try {
            encoder.encode(record, this::write);
        } catch (Exception e) {
            reportError("observe-ee could not write a log record", e, ErrorManager.WRITE_FAILURE);
        } catch (Throwable e) {
            reportError("observe-ee could not write a log record: " + e.getClass().getName(), null,
                    ErrorManager.FORMAT_FAILURE);
        } finally {
            nesting[0]--;
        }
    }

    private void write(JsonBuffer line) throws IOException {
        lines.write(line.array(), line.size());
    }

    @Override
    public void flush() {
        try {
            lines.flush();
        } catch (IOException e) {
            reportError("observe-ee could not flush", e, ErrorManager.FLUSH_FAILURE);
        }
    }

    /** Flushes; never closes standard output, which the whole server shares. */
    @Override
    public void close() {
        flush();
    }
}
