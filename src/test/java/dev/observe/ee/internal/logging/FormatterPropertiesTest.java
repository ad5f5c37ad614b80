package dev.observe.ee.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ErrorManager;

import org.junit.jupiter.api.Test;

class FormatterPropertiesTest {

    @Test
    void problemsAreReportedOnceThroughJulsErrorManagerInTheDeploymentsWords() {
        List<String> reports = new ArrayList<>();
        ErrorManager errors = new ErrorManager() {
            @Override
            public synchronized void error(String message, Exception exception, int code) {
                reports.add(message);
            }
        };
        FormatterProperties.report("x.JsonLogFormatter", List.of(
                "x.JsonLogFormatter.max-value-length='5' is not allowed; use a whole number from 16 to 16777216",
                "x.JsonLogFormatter.schema='gelf' is not allowed; use one of default, ecs, logstash"), errors);

        assertEquals(1, reports.size());
        assertTrue(reports.get(0).startsWith("observe-ee: logging properties of x.JsonLogFormatter ignored, "
                + "defaults used instead:\n  x.JsonLogFormatter.max-value-length='5' is not allowed"), reports.get(0));
        assertTrue(reports.get(0).endsWith("\n  x.JsonLogFormatter.schema='gelf' is not allowed; use one of default, "
                + "ecs, logstash"), reports.get(0));
    }

    @Test
    void withoutPropertiesTheDocumentedDefaultsApply() {
        LogFormat format = FormatterProperties.read("no.such.Formatter", java.util.logging.LogManager.getLogManager(),
                dev.observe.ee.internal.config.LogSettings.Format.CONSOLE);
        assertEquals(dev.observe.ee.internal.config.LogSettings.Format.CONSOLE, format.renderer());
        assertEquals(dev.observe.ee.internal.config.LogSettings.Schema.DEFAULT, format.schema());
        assertEquals(dev.observe.ee.internal.config.LogSettings.DEFAULT_MAX_VALUE_LENGTH, format.maxValueLength);
    }
}
