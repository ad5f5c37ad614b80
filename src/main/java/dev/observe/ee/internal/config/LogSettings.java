package dev.observe.ee.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;

/**
 * The typed, validated {@code observe.log.*} configuration: plain values, which the logging pipeline turns into
 * its line format. Every key is documented in docs/configuration.md. Read from the application's configuration
 * (with every other key, by {@link ObserveConfiguration}) or from the JUL properties of a formatter JUL created
 * ({@link #readLoggingProperties}): the same keys below another prefix, the same bounds and the same messages.
 */
public final class LogSettings {

    /** The prefix of the keys; a JUL formatter's keys have its class name instead. */
    public static final String PREFIX = "observe.log";
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
     * Reads the {@code observe.log.*} keys and {@code otel.service.name}; a bad value is a problem of the reader
     * (and its default is used meanwhile).
     *
     * @param defaultService the service name when {@code otel.service.name} is not set (the application's name),
     *     or null
     * @param colorTerminal whether standard output is a terminal, the default of {@code observe.log.color}
     */
    static LogSettings read(ConfigReader reader, String defaultService, boolean colorTerminal) {
        boolean enabled = reader.bool(ENABLED).orElse(true);
        boolean export = reader.bool(EXPORT).orElse(true);
        boolean dev = "dev".equals(reader.profile());
        Format format = reader.choice(FORMAT, Format.class).orElse(dev ? Format.CONSOLE : Format.JSON);
        String service = reader.string(SERVICE_NAME).orElse(defaultService);
        Map<String, Level> levels = new LinkedHashMap<>();
        for (String name : reader.propertyNames()) {
            if (isCategoryLevel(name)) {
                reader.level(name).ifPresent(level -> levels.put(categoryName(name), level));
            }
        }
        return readLine(reader, UnaryOperator.identity(), enabled, export, format, colorTerminal, service, levels);
    }

    /**
     * The line settings of a formatter or handler that JUL created, from the logging properties below
     * {@code prefix} ({@code <prefix>.schema}, {@code .color}, {@code .rename}, {@code .static-fields},
     * {@code .redact.keys}, {@code .redact.additional-keys}, {@code .max-value-length},
     * {@code .max-stack-trace-length}, {@code .service}), parsed and bounded exactly as the {@code observe.log.*}
     * keys. JUL configuration has no way to fail: a bad value falls back to its default, and the problems, if
     * any, are handed to {@code problems} once, in the words a failed deployment would use. Never throws.
     */
    public static LogSettings readLoggingProperties(ConfigValues properties, String prefix, Format format,
            Consumer<List<String>> problems) {
        ConfigReader reader = new ConfigReader(properties);
        String service = reader.string(prefix + ".service").orElse(null);
        LogSettings settings = readLine(reader, key -> prefix + key.substring(PREFIX.length()), true, false, format,
                false, service, Map.of());
        if (!reader.problems().isEmpty()) {
            problems.accept(reader.problems());
        }
        return settings;
    }

    /** The keys that shape a line, named through {@code key} (from the {@code observe.log.*} name). */
    private static LogSettings readLine(ConfigReader reader, UnaryOperator<String> key, boolean enabled,
            boolean export, Format format, boolean defaultColor, String service, Map<String, Level> levels) {
        Schema schema = reader.choice(key.apply(SCHEMA), Schema.class).orElse(Schema.DEFAULT);
        boolean color = reader.bool(key.apply(COLOR)).orElse(defaultColor);
        int maxValueLength = reader.integer(key.apply(MAX_VALUE_LENGTH), 16, 1 << 24).orElse(DEFAULT_MAX_VALUE_LENGTH);
        int maxStackTraceLength = reader.integer(key.apply(MAX_STACK_TRACE_LENGTH), 256, 1 << 24)
                .orElse(DEFAULT_MAX_STACK_TRACE_LENGTH);
        Map<String, String> renames = new LinkedHashMap<>();
        for (String[] rename : reader.pairs(key.apply(RENAME))) {
            renames.put(rename[0], rename[1]);
        }
        Map<String, String> staticFields = new LinkedHashMap<>();
        for (String[] field : reader.pairs(key.apply(STATIC_FIELDS))) {
            staticFields.put(field[0], field[1]);
        }
        List<String> replaced = reader.list(key.apply(REDACT_KEYS));
        List<String> redacted = new ArrayList<>(replaced.isEmpty() ? DEFAULT_REDACTED_KEYS : replaced);
        redacted.addAll(reader.list(key.apply(REDACT_ADDITIONAL_KEYS)));
        return new LogSettings(enabled, export, format, schema, color, maxValueLength, maxStackTraceLength, service,
                renames, staticFields, redacted, levels);
    }

    /** {@code observe.log.category.<category>.level}. */
    static boolean isCategoryLevel(String name) {
        return name.startsWith(CATEGORY_PREFIX) && name.endsWith(CATEGORY_SUFFIX)
                && name.length() > CATEGORY_PREFIX.length() + CATEGORY_SUFFIX.length();
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
