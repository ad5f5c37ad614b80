package dev.observe.ee.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

/** Lines from many threads: whole, each once, in each thread's order, sharing write calls, never lost. */
class LineBatcherTest {

    /** A stream that records each write call, and may take its time or fail. */
    static class RecordingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();
        volatile long nanosPerWrite;
        volatile boolean failing;
        volatile CountDownLatch gate;
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException("whole lines only");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            entered.countDown();
            CountDownLatch wait = gate;
            if (wait != null) {
                try {
                    wait.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failing) {
                throw new IOException("standard output is closed");
            }
            if (nanosPerWrite > 0) {
                // A slow device, not a wait for another thread.
                LockSupport.parkNanos(nanosPerWrite);
            }
            synchronized (bytes) {
                bytes.write(b, off, len);
            }
            writes.incrementAndGet();
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static void write(LineBatcher batcher, String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        // A longer array than the line, as a reused encoder buffer is.
        byte[] buffer = java.util.Arrays.copyOf(bytes, bytes.length + 7);
        batcher.write(buffer, bytes.length);
    }

    @Test
    void aLineIsWrittenBeforeWriteReturnsWhenNoOtherThreadWrites() throws IOException {
        RecordingStream out = new RecordingStream();
        LineBatcher batcher = new LineBatcher(out, 1024);
        write(batcher, "first");
        assertEquals("first\n", out.text());
        write(batcher, "second");
        assertEquals("first\nsecond\n", out.text());
        assertEquals(2, out.writes.get());
    }

    @Test
    void concurrentLinesAreWholeOnceInOrderAndShareWriteCalls() throws Exception {
        RecordingStream out = new RecordingStream();
        out.nanosPerWrite = 200_000;
        LineBatcher batcher = new LineBatcher(out, 1024 * 1024);
        int threads = 8;
        int perThread = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    write(batcher, "{\"thread\":" + thread + ",\"line\":" + i + ",\"pad\":\"" + "x".repeat(i % 50)
                            + "\"}");
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        batcher.flush();
        String[] lines = out.text().split("\n", -1);
        assertEquals(threads * perThread + 1, lines.length, "every line, and the text ends with a newline");
        Map<Integer, Integer> next = new HashMap<>();
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            assertTrue(line.matches("\\{\"thread\":\\d+,\"line\":\\d+,\"pad\":\"x*\"}"), "whole: " + line);
            int thread = Integer.parseInt(line.replaceAll(".*\"thread\":(\\d+).*", "$1"));
            int number = Integer.parseInt(line.replaceAll(".*\"line\":(\\d+).*", "$1"));
            assertEquals(next.getOrDefault(thread, 0), number, "thread " + thread + "'s lines in order");
            next.put(thread, number + 1);
        }
        assertTrue(out.writes.get() < threads * perThread,
                "lines waiting while another thread wrote went out together: " + out.writes.get() + " writes");
    }

    @Test
    void aFullBatchMakesTheNextThreadWaitForTheWriterAndLosesNothing() throws Exception {
        RecordingStream out = new RecordingStream();
        out.gate = new CountDownLatch(1);
        LineBatcher batcher = new LineBatcher(out, 100);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Future<?> writer = pool.submit(() -> {
            write(batcher, "held by the stream");
            return null;
        });
        assertTrue(out.entered.await(5, TimeUnit.SECONDS), "the first thread is inside the stream's write");
        Future<?> fits = pool.submit(() -> {
            write(batcher, "a".repeat(59));
            return null;
        });
        fits.get(5, TimeUnit.SECONDS);
        CountDownLatch started = new CountDownLatch(1);
        Future<?> waits = pool.submit(() -> {
            started.countDown();
            write(batcher, "b".repeat(59));
            return null;
        });
        started.await();
        assertThrows(java.util.concurrent.TimeoutException.class, () -> waits.get(300, TimeUnit.MILLISECONDS),
                "over 100 bytes pending: the third thread waits for the stream");
        out.gate.countDown();
        writer.get(5, TimeUnit.SECONDS);
        waits.get(5, TimeUnit.SECONDS);
        batcher.flush();
        pool.shutdown();
        assertEquals("held by the stream\n" + "a".repeat(59) + "\n" + "b".repeat(59) + "\n", out.text());
    }

    @Test
    void aFailedWriteIsReportedToTheWriterAndLaterLinesStillGoOut() throws Exception {
        RecordingStream out = new RecordingStream();
        LineBatcher batcher = new LineBatcher(out, 1024);
        out.failing = true;
        assertThrows(IOException.class, () -> write(batcher, "lost with the failed write"));
        out.failing = false;
        write(batcher, "after");
        batcher.flush();
        assertEquals("after\n", out.text());
    }
}
