package dev.observe.ee.logging;

import dev.observe.ee.internal.config.LogSettings;

import dev.observe.ee.internal.logging.StdoutHandler;
import dev.observe.ee.internal.logging.LineEncoder;
import dev.observe.ee.internal.logging.ExporterMessageThrottle;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * observe-ee's lines for a whole server: a JUL handler for the server's own logging configuration, writing every
 * record (the server's and every application's) to standard output as observe-ee JSON or console lines.
 *
 * <pre>
 * handlers=dev.observe.ee.logging.ServerWideLogHandler
 * dev.observe.ee.logging.ServerWideLogHandler.format=json
 * dev.observe.ee.logging.ServerWideLogHandler.schema=ecs
 * </pre>
 *
 * <p>Settings under its class name: {@code .format} ({@code json}, {@code console}), {@code .level}, and those of
 * {@link JsonLogFormatter} ({@code .schema}, {@code .service}, {@code .static-fields},
 * {@code .redact.additional-keys}, {@code .max-value-length}, {@code .color}). The package must be on the class
 * path JUL loads handlers from (the boot or system class path); see docs/logging.md. An application that finds
 * this handler on the root logger installs none of its own. OpenTelemetry's exporters report a failing collector
 * at most once a minute ({@link ExporterMessageThrottle}).
 */
public final class ServerWideLogHandler extends Handler {

    private final StdoutHandler delegate;
    private final ExporterMessageThrottle exporterMessages = new ExporterMessageThrottle();

    /** For JUL: settings from the logging properties. */
    public ServerWideLogHandler() {
        String prefix = ServerWideLogHandler.class.getName();
        LogManager manager = LogManager.getLogManager();
        LogSettings.Format renderer = "console".equalsIgnoreCase(trim(manager.getProperty(prefix + ".format")))
                ? LogSettings.Format.CONSOLE : LogSettings.Format.JSON;
        delegate = new StdoutHandler(LineEncoder.fromLoggingProperties(prefix, renderer));
        String level = manager.getProperty(prefix + ".level");
        try {
            setLevel(level == null ? Level.ALL : Level.parse(level.trim()));
        } catch (IllegalArgumentException e) {
            setLevel(Level.ALL);
        }
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record) && exporterMessages.admit(record)) {
            delegate.publish(record);
        }
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
