package dev.observe.ee.internal.logging;

import dev.observe.ee.internal.config.InvalidConfigurationException;
import dev.observe.ee.internal.config.LogSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How log lines look: renderer, JSON schema, renames, static fields, redaction and size bounds. Immutable; built
 * from the {@code observe.log.*} configuration (or from {@code logging.properties} in server-wide mode).
 *
 * <p>Part of the library's internals.
 */
public final class LogFormat {

    final LogSettings.Format renderer;
    final LogSettings.Schema schema;
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

    /** The format the validated {@code observe.log.*} settings describe. */
    public static LogFormat from(LogSettings settings) {
        Builder builder = builder().renderer(settings.format()).schema(settings.schema()).color(settings.color())
                .maxValueLength(settings.maxValueLength()).maxStackTraceLength(settings.maxStackTraceLength())
                .service(settings.service()).redactedKeys(settings.redactedKeys());
        settings.renames().forEach(builder::rename);
        settings.staticFields().forEach(builder::staticField);
        return builder.build();
    }

    /**
     * One line per rename ({@code observe.log.rename}) that would give two fields of this schema's JSON line one
     * name, or one field the dotted parent or child of another's ({@code log} while {@code log.level} stays):
     * key, value and what is allowed, for the deployment's failure. Empty when every rename applies.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        FieldTable.leftOutRenames(this).forEach((field, name) -> problems.add(InvalidConfigurationException.problem(
                LogSettings.RENAME, field + "=" + name, "a name that no other field of the " + schema.name()
                        .toLowerCase(java.util.Locale.ROOT) + " line has, nor the dotted parent or child of one")));
        return problems;
    }

    public LogSettings.Format renderer() {
        return renderer;
    }

    public LogSettings.Schema schema() {
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
        private LogSettings.Format renderer = LogSettings.Format.JSON;
        private LogSettings.Schema schema = LogSettings.Schema.DEFAULT;
        private final Map<String, String> renames = new LinkedHashMap<>();
        private final Map<String, String> staticFields = new LinkedHashMap<>();
        private final List<String> redactedKeys = new ArrayList<>(LogSettings.DEFAULT_REDACTED_KEYS);
        private int maxValueLength = LogSettings.DEFAULT_MAX_VALUE_LENGTH;
        private int maxStackTraceLength = LogSettings.DEFAULT_MAX_STACK_TRACE_LENGTH;
        private boolean color;
        private String service;

        private Builder() {
        }

        public Builder renderer(LogSettings.Format value) {
            renderer = value;
            return this;
        }

        public Builder schema(LogSettings.Schema value) {
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
