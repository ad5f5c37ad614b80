package dev.observe.ee.internal.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExporterThreadFailuresTest {

    private static final String HTTP_EXPORTER = "io.opentelemetry.exporter.internal.http.HttpExporter";

    private final List<LogRecord> reported = new CopyOnWriteArrayList<>();
    private final List<Throwable> handedOn = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            reported.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Thread.UncaughtExceptionHandler original;

    @BeforeEach
    void captureExporterLogger() {
        original = Thread.getDefaultUncaughtExceptionHandler();
        Logger.getLogger(HTTP_EXPORTER).addHandler(capture);
        Logger.getLogger(HTTP_EXPORTER).setUseParentHandlers(false);
    }

    @AfterEach
    void restore() {
        Logger.getLogger(HTTP_EXPORTER).removeHandler(capture);
        Logger.getLogger(HTTP_EXPORTER).setUseParentHandlers(true);
        Thread.setDefaultUncaughtExceptionHandler(original);
    }

    /**
     * What OpenTelemetry 1.29's OTLP/HTTP exporter throws on OkHttp's dispatcher thread when the collector breaks
     * the connection while the body is written (the frames of the one seen on Payara Micro, shaded OkHttp included).
     */
    private static IllegalStateException brokenPipeOnTheDispatcher() {
        IllegalStateException failure = new IllegalStateException(new SocketException("Broken pipe"));
        failure.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(HTTP_EXPORTER, "lambda$export$0", "HttpExporter.java", 75),
            new StackTraceElement("io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSender$RawRequestBody",
                    "writeTo", "OkHttpHttpSender.java", 175),
            new StackTraceElement("fish.payara.shaded.okhttp3.internal.http.CallServerInterceptor", "intercept",
                    "CallServerInterceptor.kt", 62),
            new StackTraceElement("fish.payara.shaded.okhttp3.internal.connection.RealCall$AsyncCall", "run",
                    "RealCall.kt", 517),
            new StackTraceElement("java.lang.Thread", "run", "Thread.java", 840)});
        return failure;
    }

    private Thread.UncaughtExceptionHandler recordingHandler() {
        return (thread, failure) -> handedOn.add(failure);
    }

    @Test
    void anExportersFailureOnOkHttpsThreadIsOneRecordOnTheExportersLoggerWithoutAStackTrace() throws Exception {
        ExporterThreadFailures handler = new ExporterThreadFailures(recordingHandler());
        Thread dispatcher = new Thread(() -> {
            throw brokenPipeOnTheDispatcher();
        }, "okhttp-dispatch-1");
        dispatcher.setUncaughtExceptionHandler(handler);
        dispatcher.start();
        dispatcher.join();

        assertEquals(List.of(), handedOn);
        assertEquals(1, reported.size());
        LogRecord record = reported.get(0);
        assertEquals(HTTP_EXPORTER, record.getLoggerName());
        assertEquals(Level.SEVERE, record.getLevel());
        assertNull(record.getThrown(), "no stack trace: a server's text handler may print the record");
        assertEquals("Failed to export: the exporter's thread okhttp-dispatch-1 ended with "
                + "java.lang.IllegalStateException caused by java.net.SocketException: Broken pipe; that batch is "
                + "lost (observe-ee: an exporter failure of OpenTelemetry Java before 1.34, "
                + "https://github.com/open-telemetry/opentelemetry-java/issues/6069)", record.getMessage());
    }

    @Test
    void everyOtherFailureIsHandedOnUnchanged() {
        ExporterThreadFailures handler = new ExporterThreadFailures(recordingHandler());
        RuntimeException applications = new IllegalStateException("the application's own");
        IllegalStateException exporterElsewhere = new IllegalStateException(new IOException("not on OkHttp"));
        exporterElsewhere.setStackTrace(new StackTraceElement[] {
            new StackTraceElement(HTTP_EXPORTER, "export", "HttpExporter.java", 60),
            new StackTraceElement("java.lang.Thread", "run", "Thread.java", 840)});
        IllegalStateException okHttpNotExporter = new IllegalStateException("an application's OkHttp callback");
        okHttpNotExporter.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.Client$1", "onResponse", "Client.java", 12),
            new StackTraceElement("okhttp3.internal.connection.RealCall$AsyncCall", "run", "RealCall.kt", 517)});

        for (Throwable failure : List.of(applications, exporterElsewhere, okHttpNotExporter)) {
            handler.uncaughtException(Thread.currentThread(), failure);
        }

        assertEquals(List.of(applications, exporterElsewhere, okHttpNotExporter), handedOn);
        assertEquals(List.of(), reported);
    }

    @Test
    void withoutAPreviousHandlerOtherFailuresArePrintedAsTheJvmPrintsThem() {
        ExporterThreadFailures handler = new ExporterThreadFailures(null);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream systemErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            handler.uncaughtException(new Thread("worker-7"), new IllegalArgumentException("boom"));
        } finally {
            System.setErr(systemErr);
        }
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("Exception in thread \"worker-7\" java.lang.IllegalArgumentException: boom"),
                printed);
    }

    @Test
    void installPutsItInFrontAndUninstallRestoresWhatWasThere() {
        Thread.UncaughtExceptionHandler before = recordingHandler();
        Thread.setDefaultUncaughtExceptionHandler(before);

        ExporterThreadFailures handler = ExporterThreadFailures.install();
        assertSame(handler, Thread.getDefaultUncaughtExceptionHandler());
        assertSame(before, handler.previous());
        handler.uninstall();

        assertSame(before, Thread.getDefaultUncaughtExceptionHandler());
    }

    /** Two applications, the first undeployed first: the second's copy now hands on to what was before both. */
    @Test
    void uninstallingAnEarlierApplicationsHandlerUnlinksItFromTheChain() {
        Thread.UncaughtExceptionHandler before = recordingHandler();
        Thread.setDefaultUncaughtExceptionHandler(before);
        ExporterThreadFailures first = ExporterThreadFailures.install();
        ExporterThreadFailures second = ExporterThreadFailures.install();

        first.uninstall();
        assertSame(second, Thread.getDefaultUncaughtExceptionHandler());
        assertSame(before, second.previous(), "the first one is out of the chain");
        second.uninstall();

        assertSame(before, Thread.getDefaultUncaughtExceptionHandler());
    }

    /** Something else installed in front: the handler cannot be taken out, and from then on only hands on. */
    @Test
    void behindAForeignHandlerAnUninstalledHandlerOnlyHandsOn() {
        Thread.setDefaultUncaughtExceptionHandler(recordingHandler());
        ExporterThreadFailures handler = ExporterThreadFailures.install();
        Thread.UncaughtExceptionHandler foreign = (thread, failure) -> handler.uncaughtException(thread, failure);
        Thread.setDefaultUncaughtExceptionHandler(foreign);

        handler.uninstall();
        handler.uncaughtException(Thread.currentThread(), brokenPipeOnTheDispatcher());

        assertSame(foreign, Thread.getDefaultUncaughtExceptionHandler());
        assertEquals(List.of(), reported);
        assertEquals(1, handedOn.size());
    }
}
