package dev.observe.ee.internal.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.eclipse.microprofile.config.Config;

/**
 * The typed, validated {@code observe.log.*} configuration: plain values, which the logging pipeline turns into
 * its line format. Every key is documented in docs/configuration.md; {@link #read} fails with one message listing
 * every bad value.
 */
public final class LogSettings {

    public static final String ENABLED = "observe.log.enabled";
    public static final String FORMAT = "observe.log.format";
    public static final String SCHEMA = "observe.log.schema";
    public static final String COLOR = "observe.log.color";
    public static final String RENAME = "observe.log.rename";
    public static final String STATIC_FIELDS = "observe.log.static-fields";
    public static final String REDACT_KEYS = "observe.log.redact.keys";
    public static final String REDACT_ADDITIONAL_KEYS = "observe.log.redact.additional-keys";
    public static final String MAX_VALUE_LENGTH = "observe.log.max-value-length";
    public static final String MAX_STACK_TRACE_LENGTH = "observe.log.max-stack-trace-length";
    public static final String EXPORT = "observe.log.export";
    /** {@code observe.log.category."<category>".level}, the quotes optional. */
    public static final String CATEGORY_PREFIX = "observe.log.category.";
    public static final String CATEGORY_SUFFIX = ".level";

    /** Default of {@code observe.log.max-value-length}: longer strings are cut. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 8192;
    /** Default of {@code observe.log.max-stack-trace-length}. */
    public static final int DEFAULT_MAX_STACK_TRACE_LENGTH = 16384;
    /** Default of {@code observe.log.redact.keys}: credentials, session material and card/identity numbers. */
    public static final List<String> DEFAULT_REDACTED_KEYS = List.of("password", "passwd", "secret", "token",
            "access_token", "refresh_token", "authorization", "cookie", "set-cookie", "api_key", "apikey",
            "private_key", "credit_card", "card_number", "cvv", "ssn");

    static final String SERVICE_NAME = "otel.service.name";

    /** The values of {@code observe.log.format}. */
    public enum Format {
        /** One JSON object per line. */
        JSON,
        /** structlog's ConsoleRenderer: {@code 2024-01-15 14:32:01 [info     ] event    key=value}. */
        CONSOLE
    }

    /** The values of {@code observe.log.schema}: JSON field layouts. */
    public enum Schema {
        /** The guide's structlog names: {@code timestamp}, {@code level}, {@code logger}, {@code event}, … */
        DEFAULT,
        /** Elastic Common Schema 1.x, as ecs-logging writes it: {@code @timestamp}, {@code log.level}, … */
        ECS,
        /** logstash-logback-encoder's names: {@code @timestamp}, {@code @version}, {@code message}, … */
        LOGSTASH
    }

    private final boolean enabled;
    private final boolean export;
    private final Format format;
    private final Schema schema;
    private final boolean color;
    private final int maxValueLength;
    private final int maxStackTraceLength;
    private final String service;
    private final Map<String, String> renames;
    private final Map<String, String> staticFields;
    private final List<String> redactedKeys;
    private final Map<String, Level> categoryLevels;

    private LogSettings(boolean enabled, boolean export, Format format, Schema schema, boolean color,
            int maxValueLength, int maxStackTraceLength, String service, Map<String, String> renames,
            Map<String, String> staticFields, List<String> redactedKeys, Map<String, Level> categoryLevels) {
        this.enabled = enabled;
        this.export = export;
        this.format = format;
        this.schema = schema;
        this.color = color;
        this.maxValueLength = maxValueLength;
        this.maxStackTraceLength = maxStackTraceLength;
        this.service = service;
        this.renames = Collections.unmodifiableMap(new LinkedHashMap<>(renames));
        this.staticFields = Collections.unmodifiableMap(new LinkedHashMap<>(staticFields));
        this.redactedKeys = List.copyOf(redactedKeys);
        this.categoryLevels = Collections.unmodifiableMap(new LinkedHashMap<>(categoryLevels));
    }

    /**
     * Reads and validates the configuration.
     *
     * @param defaultService the service name when {@code otel.service.name} is not set (the application's name),
     *     or null
     * @param colorTerminal whether standard output is a terminal, the default of {@code observe.log.color}
     * @throws InvalidConfigurationException naming every bad key, its value and what is allowed
     */
    public static LogSettings read(Config config, String defaultService, boolean colorTerminal) {
        ConfigReader reader = new ConfigReader(config);
        boolean enabled = reader.bool(ENABLED).orElse(true);
        boolean export = reader.bool(EXPORT).orElse(true);
        boolean dev = "dev".equals(reader.profile());
        Format format = reader.choice(FORMAT, Format.class).orElse(dev ? Format.CONSOLE : Format.JSON);
        Schema schema = reader.choice(SCHEMA, Schema.class).orElse(Schema.DEFAULT);
        boolean color = reader.bool(COLOR).orElse(colorTerminal);
        int maxValueLength = reader.integer(MAX_VALUE_LENGTH, 16, 1 << 24).orElse(DEFAULT_MAX_VALUE_LENGTH);
        int maxStackTraceLength = reader.integer(MAX_STACK_TRACE_LENGTH, 256, 1 << 24)
                .orElse(DEFAULT_MAX_STACK_TRACE_LENGTH);
        String service = reader.string(SERVICE_NAME).orElse(defaultService);
        Map<String, String> renames = new LinkedHashMap<>();
        for (String[] rename : reader.pairs(RENAME)) {
            renames.put(rename[0], rename[1]);
        }
        Map<String, String> staticFields = new LinkedHashMap<>();
        for (String[] field : reader.pairs(STATIC_FIELDS)) {
            staticFields.put(field[0], field[1]);
        }
        List<String> replaced = reader.list(REDACT_KEYS);
        List<String> redacted = new java.util.ArrayList<>(replaced.isEmpty() ? DEFAULT_REDACTED_KEYS : replaced);
        redacted.addAll(reader.list(REDACT_ADDITIONAL_KEYS));

        Map<String, Level> levels = new LinkedHashMap<>();
        for (String name : reader.propertyNames()) {
            if (name.startsWith(CATEGORY_PREFIX) && name.endsWith(CATEGORY_SUFFIX)
                    && name.length() > CATEGORY_PREFIX.length() + CATEGORY_SUFFIX.length()) {
                reader.level(name).ifPresent(level -> levels.put(categoryName(name), level));
            }
        }
        reader.failOnProblems();
        return new LogSettings(enabled, export, format, schema, color, maxValueLength, maxStackTraceLength, service,
                renames, staticFields, redacted, levels);
    }

    private static String categoryName(String name) {
        String category = name.substring(CATEGORY_PREFIX.length(), name.length() - CATEGORY_SUFFIX.length());
        if (category.length() >= 2 && category.startsWith("\"") && category.endsWith("\"")) {
            category = category.substring(1, category.length() - 1);
        }
        return category;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Whether the application's records also go to OpenTelemetry's logs API when the SDK exports logs
     * ({@code observe.log.export}, default true).
     */
    public boolean export() {
        return export;
    }

    public Format format() {
        return format;
    }

    public Schema schema() {
        return schema;
    }

    public boolean color() {
        return color;
    }

    public int maxValueLength() {
        return maxValueLength;
    }

    public int maxStackTraceLength() {
        return maxStackTraceLength;
    }

    /** The {@code service} field of every line, or null. */
    public String service() {
        return service;
    }

    /** Standard field name (in the chosen schema) to the name written instead. */
    public Map<String, String> renames() {
        return renames;
    }

    /** Fields with a fixed value on every line, in order. */
    public Map<String, String> staticFields() {
        return staticFields;
    }

    /** Every redacted key: the defaults (or {@code observe.log.redact.keys}) plus the additional ones. */
    public List<String> redactedKeys() {
        return redactedKeys;
    }

    /** Levels per JUL category, e.g. {@code dev.observe.demo -> FINE}. */
    public Map<String, Level> categoryLevels() {
        return categoryLevels;
    }

    @Override
    public String toString() {
        return "LogSettings[format=" + format + ", schema=" + schema + ", renames=" + renames + ", staticFields="
                + staticFields.keySet() + ", redactedKeys=" + redactedKeys + ", maxValueLength=" + maxValueLength
                + ", maxStackTraceLength=" + maxStackTraceLength + ", color=" + color + ", service=" + service
                + ", enabled=" + enabled + ", export=" + export + ", categoryLevels=" + categoryLevels + "]";
    }
}
