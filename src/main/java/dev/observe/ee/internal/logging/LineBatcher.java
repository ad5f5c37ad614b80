package dev.observe.ee.internal.logging;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes whole lines to one output stream from many threads with as few {@code write} calls as the load allows
 * (group commit): a thread copies its line into the pending batch under a short lock; if no thread is writing, it
 * writes the batch itself, and keeps writing what other threads appended meanwhile until nothing is pending. A
 * thread that finds another writing returns at once: its line goes out with the writer's next call. With one
 * request at a time every line is written by its own thread before {@link #write} returns, as before; under
 * concurrent load threads no longer queue on a lock held across a system call (a {@code write} to a pipe cost
 * Payara Micro about 5 µs of CPU per line, issue 12, docs/performance.md).
 *
 * <p>Lines are written whole and in the order they were appended. Nothing is dropped: when more than
 * {@code maxPending} bytes are waiting (standard output is slow or blocked) a thread waits for the writer, as it
 * would have waited for the stream. {@link #flush} returns once everything appended before it has been written.
 * No thread of its own: nothing to start or stop with the application. The writing thread writes until nothing
 * is pending; with standard output keeping up that is its own line and the few appended during its call.
 */
final class LineBatcher {

    private static final int INITIAL_CAPACITY = 16 * 1024;

    private final OutputStream out;
    private final int maxPending;
    private final Object lock = new Object();

    private byte[] pending = new byte[INITIAL_CAPACITY];
    private int size;

    /** The buffer the writer hands back after a write, reused for the next batch. */
    private byte[] spare = new byte[INITIAL_CAPACITY];

    /** Whether a thread is writing (and will write everything appended before it clears this). */
    private boolean writing;

    /** Bytes appended so far and bytes written (or failed) so far: {@link #flush} waits for the first. */
    private long appended;
    private long done;

    LineBatcher(OutputStream out, int maxPending) {
        this.out = out;
        this.maxPending = maxPending;
    }

    /**
     * Appends {@code length} bytes of {@code line} (a whole line) and writes them, now or with the current
     * writer's next call.
     *
     * @throws IOException when this thread's write of a batch failed (the batch is then lost, as a failed
     *     {@code write} loses it)
     */
    void write(byte[] line, int length) throws IOException {
        synchronized (lock) {
            boolean interrupted = false;
            while (writing && size > 0 && size + length > maxPending) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (size + length > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(size + length, pending.length * 2));
            }
            System.arraycopy(line, 0, pending, size, length);
            size += length;
            appended += length;
            if (writing) {
                return;
            }
            writing = true;
        }
        drain();
    }

    private void drain() throws IOException {
        while (true) {
            byte[] batch;
            int length;
            synchronized (lock) {
                if (size == 0) {
                    writing = false;
                    lock.notifyAll();
                    return;
                }
                batch = pending;
                length = size;
                pending = spare;
                size = 0;
            }
            try {
                out.write(batch, 0, length);
            } catch (IOException | RuntimeException e) {
                synchronized (lock) {
                    done += length;
                    spare = batch;
                    // The next thread to write becomes the writer of what is pending.
                    writing = false;
                    lock.notifyAll();
                }
                throw e;
            }
            synchronized (lock) {
                done += length;
                // A batch that grew large for a burst is not kept.
                spare = batch.length > 4 * INITIAL_CAPACITY ? new byte[INITIAL_CAPACITY] : batch;
                lock.notifyAll();
            }
        }
    }

    /** Waits until everything appended so far has been written, then flushes the stream. */
    void flush() throws IOException {
        boolean writeHere = false;
        synchronized (lock) {
            long target = appended;
            while (done < target) {
                if (!writing) {
                    // Lines a failed writer left pending, and nobody has written since: this thread writes them.
                    writing = true;
                    writeHere = true;
                    break;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for log lines to be written");
                }
            }
        }
        if (writeHere) {
            drain();
        }
        out.flush();
    }
}
