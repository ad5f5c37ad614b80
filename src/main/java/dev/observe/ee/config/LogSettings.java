package dev.observe.ee.config;

import dev.observe.ee.logging.LogFormat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.eclipse.microprofile.config.Config;

/**
 * The typed, validated {@code observe.log.*} configuration. Every key is documented in docs/configuration.md;
 * {@link #read} fails with one message listing every bad value.
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

    static final String SERVICE_NAME = "otel.service.name";

    private final boolean enabled;
    private final boolean export;
    private final LogFormat format;
    private final Map<String, Level> categoryLevels;

    private LogSettings(boolean enabled, boolean export, LogFormat format, Map<String, Level> categoryLevels) {
        this.enabled = enabled;
        this.export = export;
        this.format = format;
        this.categoryLevels = Map.copyOf(categoryLevels);
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

        LogFormat.Builder format = LogFormat.builder()
                .renderer(reader.choice(FORMAT, Format.class)
                        .map(Format::renderer)
                        .orElse(dev ? LogFormat.Renderer.CONSOLE : LogFormat.Renderer.JSON))
                .schema(reader.choice(SCHEMA, LogFormat.Schema.class).orElse(LogFormat.Schema.DEFAULT))
                .color(reader.bool(COLOR).orElse(colorTerminal))
                .maxValueLength(reader.integer(MAX_VALUE_LENGTH, 16, 1 << 24)
                        .orElse(LogFormat.DEFAULT_MAX_VALUE_LENGTH))
                .maxStackTraceLength(reader.integer(MAX_STACK_TRACE_LENGTH, 256, 1 << 24)
                        .orElse(LogFormat.DEFAULT_MAX_STACK_TRACE_LENGTH))
                .service(reader.string(SERVICE_NAME).orElse(defaultService));
        for (String[] rename : reader.pairs(RENAME)) {
            format.rename(rename[0], rename[1]);
        }
        for (String[] field : reader.pairs(STATIC_FIELDS)) {
            format.staticField(field[0], field[1]);
        }
        Optional.of(reader.list(REDACT_KEYS)).filter(keys -> !keys.isEmpty()).ifPresent(format::redactedKeys);
        format.redactAlso(reader.list(REDACT_ADDITIONAL_KEYS));

        Map<String, Level> levels = new LinkedHashMap<>();
        for (String name : reader.propertyNames()) {
            if (name.startsWith(CATEGORY_PREFIX) && name.endsWith(CATEGORY_SUFFIX)
                    && name.length() > CATEGORY_PREFIX.length() + CATEGORY_SUFFIX.length()) {
                reader.level(name).ifPresent(level -> levels.put(categoryName(name), level));
            }
        }
        reader.failOnProblems();
        return new LogSettings(enabled, export, format.build(), levels);
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

    public LogFormat format() {
        return format;
    }

    /** Levels per JUL category, e.g. {@code dev.observe.demo -> FINE}. */
    public Map<String, Level> categoryLevels() {
        return categoryLevels;
    }

    /** The values of {@code observe.log.format}. */
    enum Format {
        JSON(LogFormat.Renderer.JSON),
        CONSOLE(LogFormat.Renderer.CONSOLE);

        private final LogFormat.Renderer renderer;

        Format(LogFormat.Renderer renderer) {
            this.renderer = renderer;
        }

        LogFormat.Renderer renderer() {
            return renderer;
        }
    }
}
