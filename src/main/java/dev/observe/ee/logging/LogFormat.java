package dev.observe.ee.logging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How log lines look: renderer, JSON schema, renames, static fields, redaction and size bounds. Immutable; built
 * from the {@code observe.log.*} configuration (or from {@code logging.properties} in server-wide mode).
 *
 * <p>Part of the library's internals, public only so that its configuration code can build one.
 */
public final class LogFormat {

    /** The two renderers. */
    public enum Renderer {
        /** One JSON object per line. */
        JSON,
        /** structlog's ConsoleRenderer: {@code 2024-01-15 14:32:01 [info     ] event    key=value}. */
        CONSOLE
    }

    /** JSON field layouts. */
    public enum Schema {
        /** The guide's structlog names: {@code timestamp}, {@code level}, {@code logger}, {@code event}, … */
        DEFAULT,
        /** Elastic Common Schema 1.x, as ecs-logging writes it: {@code @timestamp}, {@code log.level}, … */
        ECS,
        /** logstash-logback-encoder's names: {@code @timestamp}, {@code @version}, {@code message}, … */
        LOGSTASH
    }

    /** Default of {@code observe.log.max-value-length}: longer strings are cut. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 8192;
    /** Default of {@code observe.log.max-stack-trace-length}. */
    public static final int DEFAULT_MAX_STACK_TRACE_LENGTH = 16384;

    final Renderer renderer;
    final Schema schema;
    final Map<String, String> renames;
    final Map<String, String> staticFields;
    final Redaction redaction;
    final List<String> redactedKeys;
    final int maxValueLength;
    final int maxStackTraceLength;
    final boolean color;
    final String service;

    private LogFormat(Builder builder) {
        renderer = builder.renderer;
        schema = builder.schema;
        renames = Map.copyOf(builder.renames);
        staticFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.staticFields));
        redactedKeys = List.copyOf(builder.redactedKeys);
        redaction = new Redaction(redactedKeys);
        maxValueLength = builder.maxValueLength;
        maxStackTraceLength = builder.maxStackTraceLength;
        color = builder.color;
        service = builder.service;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Renderer renderer() {
        return renderer;
    }

    public Schema schema() {
        return schema;
    }

    @Override
    public String toString() {
        return "LogFormat[renderer=" + renderer + ", schema=" + schema + ", renames=" + renames + ", staticFields="
                + staticFields.keySet() + ", redactedKeys=" + redactedKeys + ", maxValueLength=" + maxValueLength
                + ", maxStackTraceLength=" + maxStackTraceLength + ", color=" + color + ", service=" + service + "]";
    }

    /** Builds a {@link LogFormat}; every setting has the documented default. */
    public static final class Builder {
        private Renderer renderer = Renderer.JSON;
        private Schema schema = Schema.DEFAULT;
        private final Map<String, String> renames = new LinkedHashMap<>();
        private final Map<String, String> staticFields = new LinkedHashMap<>();
        private final List<String> redactedKeys = new ArrayList<>(Redaction.DEFAULT_KEYS);
        private int maxValueLength = DEFAULT_MAX_VALUE_LENGTH;
        private int maxStackTraceLength = DEFAULT_MAX_STACK_TRACE_LENGTH;
        private boolean color;
        private String service;

        private Builder() {
        }

        public Builder renderer(Renderer value) {
            renderer = value;
            return this;
        }

        public Builder schema(Schema value) {
            schema = value;
            return this;
        }

        /** Renames a standard field: the key is its name in the chosen schema ({@code event}, {@code log.level}). */
        public Builder rename(String field, String newName) {
            renames.put(field, newName);
            return this;
        }

        /** A field with a fixed value on every line, such as {@code environment=production}. */
        public Builder staticField(String name, String value) {
            staticFields.put(name, value);
            return this;
        }

        /** Replaces the redacted keys (the default set included). */
        public Builder redactedKeys(Collection<String> keys) {
            redactedKeys.clear();
            redactedKeys.addAll(keys);
            return this;
        }

        /** Adds to the redacted keys. */
        public Builder redactAlso(Collection<String> keys) {
            redactedKeys.addAll(keys);
            return this;
        }

        public Builder maxValueLength(int value) {
            maxValueLength = value;
            return this;
        }

        public Builder maxStackTraceLength(int value) {
            maxStackTraceLength = value;
            return this;
        }

        public Builder color(boolean value) {
            color = value;
            return this;
        }

        /** The {@code service} field; null leaves it out. */
        public Builder service(String value) {
            service = value;
            return this;
        }

        public LogFormat build() {
            return new LogFormat(this);
        }
    }
}
