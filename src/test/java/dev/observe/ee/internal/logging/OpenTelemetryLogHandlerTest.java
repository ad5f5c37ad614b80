package dev.observe.ee.internal.logging;

import dev.observe.ee.logging.LogContext;
import dev.observe.ee.logging.Log;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenTelemetryLogHandlerTest {

    private static final String CATEGORY = "dev.observe.test.export";

    private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    private SdkLoggerProvider loggers;
    private OpenTelemetryLogHandler handler;
    private final Logger logger = Logger.getLogger(CATEGORY);

    @BeforeEach
    void install() {
        loggers = SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
                .build();
        install(LogFormat.builder().staticField("region", "eu-west-1").maxValueLength(16).build());
    }

    /** (Re)places the handler, with {@code format}, on the test's logger. */
    private void install(LogFormat format) {
        logger.removeHandler(handler);
        handler = new OpenTelemetryLogHandler(loggers, format);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        logger.setLevel(Level.ALL);
    }

    private List<LogRecordData> exported() {
        return exporter.getFinishedLogRecordItems();
    }

    @AfterEach
    void remove() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
        logger.setLevel(null);
        LogContext.clear();
        loggers.close();
    }

    @Test
    void theEventAndItsFieldsBecomeBodyAndTypedAttributesInTheCurrentSpan() {
        SdkTracerProvider tracing = SdkTracerProvider.builder().build();
        Span span = tracing.get("test").spanBuilder("request").startSpan();
        try (Scope inSpan = span.makeCurrent(); LogContext.Scope context = LogContext.scope("request_id", "r-1")) {
            Log.get(CATEGORY).bind("user_id", "bob").info("order_placed", "order_id", 42, "total", 19.98,
                    "express", true, "password", "hunter2", "note", "a long note that is cut short");
        } finally {
            span.end();
            tracing.close();
        }

        assertEquals(1, exported().size());
        LogRecordData record = exported().get(0);
        assertEquals("order_placed", record.getBody().asString());
        assertEquals(Severity.INFO, record.getSeverity());
        assertEquals("info", record.getSeverityText());
        assertEquals(CATEGORY, record.getInstrumentationScopeInfo().getName());
        assertEquals(span.getSpanContext().getTraceId(), record.getSpanContext().getTraceId());
        assertEquals(span.getSpanContext().getSpanId(), record.getSpanContext().getSpanId());
        assertEquals("r-1", record.getAttributes().get(AttributeKey.stringKey("request_id")));
        assertEquals("bob", record.getAttributes().get(AttributeKey.stringKey("user_id")));
        assertEquals(42L, record.getAttributes().get(AttributeKey.longKey("order_id")));
        assertEquals(19.98, record.getAttributes().get(AttributeKey.doubleKey("total")));
        assertEquals(true, record.getAttributes().get(AttributeKey.booleanKey("express")));
        assertEquals("[REDACTED]", record.getAttributes().get(AttributeKey.stringKey("password")));
        assertEquals("a long note that...[truncated 13 chars]",
                record.getAttributes().get(AttributeKey.stringKey("note")), "the line's one truncation marker");
        assertEquals("eu-west-1", record.getAttributes().get(AttributeKey.stringKey("region")));
    }

    @Test
    void anExceptionBecomesTheSemanticConventionsAttributes() {
        Log.get(CATEGORY).exception("payment_failed", new IllegalStateException("card declined"));

        LogRecordData record = exported().get(0);
        assertEquals(Severity.ERROR, record.getSeverity());
        assertEquals("java.lang.IllegalStateException",
                record.getAttributes().get(AttributeKey.stringKey("exception.type")));
        assertEquals("card declined", record.getAttributes().get(AttributeKey.stringKey("exception.message")));
        assertTrue(record.getAttributes().get(AttributeKey.stringKey("exception.stacktrace"))
                .contains("anExceptionBecomesTheSemanticConventionsAttributes"));
    }

    @Test
    void plainJulRecordsAreFormattedAndMappedToSeverities() {
        logger.log(Level.WARNING, "disk {0} at {1}%", new Object[] {"/var", 91});
        logger.fine("detail");

        assertEquals("disk /var at 91%", exported().get(0).getBody().asString());
        assertEquals(Severity.WARN, exported().get(0).getSeverity());
        assertEquals(Severity.DEBUG, exported().get(1).getSeverity());
        assertNull(exported().get(0).getAttributes().get(AttributeKey.stringKey("exception.type")));
    }

    @Test
    void openTelemetrysOwnRecordsAreNotFedBackToTheExporter() {
        Logger exporterLogger = Logger.getLogger("io.opentelemetry.exporter.internal.grpc.GrpcExporter");
        handler.publish(new java.util.logging.LogRecord(Level.SEVERE, "app failure"));
        java.util.logging.LogRecord fromExporter = new java.util.logging.LogRecord(Level.SEVERE, "Failed to export");
        fromExporter.setLoggerName(exporterLogger.getName());
        handler.publish(fromExporter);

        assertEquals(List.of("app failure"), exported().stream().map(r -> r.getBody().asString()).toList());
    }

    /**
     * The security fault of issue 10: a nested map went to the collector as its {@code toString()}, unredacted,
     * while the line redacted it. Now the record carries the line's sanitized value as JSON text.
     */
    @Test
    void nestedValuesAreRedactedInTheExportedRecordAsInTheLine() {
        LogFormat format = LogFormat.builder().redactAlso(List.of("number")).build();
        install(format);

        Log.get(CATEGORY).info("payment", "card", Map.of("number", "4111 1111 1111 1111", "cvv", "123"),
                "items", List.of(Map.of("sku", "A1", "token", "t-secret")));

        LogRecordData record = exported().get(0);
        String card = record.getAttributes().get(AttributeKey.stringKey("card"));
        jakarta.json.JsonObject json = TestLines.parse(card);
        assertEquals("[REDACTED]", json.getString("number"));
        assertEquals("[REDACTED]", json.getString("cvv"));
        assertEquals("[REDACTED]", TestLines.parse("{\"v\":" + record.getAttributes().get(
                AttributeKey.stringKey("items")) + "}").getJsonArray("v").getJsonObject(0).getString("token"));
        String everything = record.getAttributes().toString() + record.getBody().asString();
        assertFalse(everything.contains("4111"), everything);
        assertFalse(everything.contains("t-secret"), everything);

        String line = TestLines.render(format, TestLines.structured(Level.INFO, "payment", null, null, "card",
                Map.of("number", "4111 1111 1111 1111", "cvv", "123")));
        assertEquals(TestLines.parse(line).getJsonObject("card"), json, "the same value as the JSON line");
    }

    @Test
    void collidingAndStaticFieldsAsInTheLine() {
        Log.get(CATEGORY).info("e", "region", "mine", "event", "also mine");

        LogRecordData record = exported().get(0);
        assertEquals("eu-west-1", record.getAttributes().get(AttributeKey.stringKey("region")));
        assertEquals("mine", record.getAttributes().get(AttributeKey.stringKey("fields.region")));
        assertEquals("also mine", record.getAttributes().get(AttributeKey.stringKey("fields.event")));
    }

    @Test
    void severitiesFollowTheLevelTable() {
        Level[] levels = {Level.SEVERE, Level.WARNING, Level.INFO, Level.CONFIG, Level.FINE, Level.FINER,
            Level.FINEST, Level.parse("850"), Level.parse("100")};
        Severity[] expected = {Severity.ERROR, Severity.WARN, Severity.INFO, Severity.DEBUG4, Severity.DEBUG,
            Severity.TRACE4, Severity.TRACE, Severity.INFO, Severity.TRACE};
        for (int i = 0; i < levels.length; i++) {
            assertEquals(expected[i], OpenTelemetryLogHandler.severity(LogLevel.of(levels[i])), levels[i].getName());
        }
    }

    @Test
    void aFailingToStringIsAPlaceholderNotAFailure() {
        Object broken = TestLines.failingToString();
        install(LogFormat.builder().build());
        Log.get(CATEGORY).info("e", "bad", broken);

        assertTrue(exported().get(0).getAttributes().get(AttributeKey.stringKey("bad")).contains("toString() failed"));
    }
}
