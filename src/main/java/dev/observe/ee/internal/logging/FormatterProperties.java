package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.LogSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.LogManager;

/**
 * Settings of a formatter that JUL itself created, read from the logging properties. A bad value falls back to the
 * default (JUL configuration has no way to fail) and is reported once on standard error.
 */
final class FormatterProperties {

    private FormatterProperties() {
    }

    static LogFormat read(String prefix, LogManager manager, LogSettings.Format renderer) {
        LogFormat.Builder builder = LogFormat.builder().renderer(renderer);
        String schema = manager.getProperty(prefix + ".schema");
        if (schema != null) {
            try {
                builder.schema(LogSettings.Schema.valueOf(schema.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                warn(prefix + ".schema", schema, "default, ecs or logstash");
            }
        }
        String service = manager.getProperty(prefix + ".service");
        if (service != null && !service.isBlank()) {
            builder.service(service.trim());
        }
        for (String pair : list(manager.getProperty(prefix + ".static-fields"))) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                builder.staticField(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            } else {
                warn(prefix + ".static-fields", pair, "name=value pairs separated by commas");
            }
        }
        builder.redactAlso(list(manager.getProperty(prefix + ".redact.additional-keys")));
        String maxLength = manager.getProperty(prefix + ".max-value-length");
        if (maxLength != null) {
            try {
                builder.maxValueLength(Integer.parseInt(maxLength.trim()));
            } catch (NumberFormatException e) {
                warn(prefix + ".max-value-length", maxLength, "a whole number");
            }
        }
        String color = manager.getProperty(prefix + ".color");
        if (color != null) {
            builder.color(Boolean.parseBoolean(color.trim()));
        }
        return builder.build();
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static void warn(String key, String value, String allowed) {
        System.err.println("observe-ee: ignoring " + key + "='" + value + "'; allowed: " + allowed);
    }
}
