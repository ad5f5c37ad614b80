package dev.observe.ee.internal.logging;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sanitize stage: the last processor, after which the event is what every sink prints or sends — the JSON
 * line, the console line and the OpenTelemetry log record alike, so that none of them can show what another hides.
 *
 * <ul>
 *   <li>Redaction: the value of a redacted key becomes {@value Redaction#REPLACEMENT}, at any depth (maps, lists,
 *       arrays, maps inside lists).
 *   <li>Bounds: a string longer than {@code max-value-length} characters is cut there (never inside a surrogate
 *       pair) and marked {@code ...[truncated N chars]}, the one marker of every sink; lists and arrays keep their
 *       first {@value #MAX_ELEMENTS} elements and say how many more there were; nesting stops at
 *       {@value #MAX_DEPTH} levels.
 *   <li>Collisions: a user field named like a standard field of the line ({@link FieldTable#reservedNames}) or a
 *       static field becomes {@code fields.<name>}, so that no key appears twice.
 *   <li>Values reduced to JSON's types: afterwards a value is null, a {@code String}, a {@code Boolean}, an
 *       {@code Integer}, {@code Long}, {@code Short} or {@code Byte}, a {@code Double} or {@code Float}, a
 *       {@code BigDecimal} or {@code BigInteger} whose text fits the bound, a {@code Map<String, Object>} or a
 *       {@code List<Object>} of such values. Everything else becomes its text: enums by name, {@code java.time}
 *       types and UUIDs by {@code toString()}, exceptions as {@code type: message}, a failing {@code toString()}
 *       as a placeholder naming the failure.
 *   <li>The configured {@code service} and static fields are added.
 * </ul>
 *
 * <p>Nothing is allocated for strings within the bound and for numbers and booleans: only nested values are
 * copied. Immutable and thread-safe; never throws.
 */
final class Sanitizer {

    static final String COLLIDING_PREFIX = "fields.";
    static final int MAX_DEPTH = 8;
    static final int MAX_ELEMENTS = 1024;
    private static final String TRUNCATED_OPEN = "...[truncated ";
    private static final String TRUNCATED_CLOSE = " chars]";

    private final Redaction redaction;
    private final int maxValueLength;
    private final Set<String> reserved;
    private final String service;
    private final String[] staticFields;

    Sanitizer(LogFormat format, FieldTable table) {
        this.redaction = format.redaction;
        this.maxValueLength = format.maxValueLength;
        this.service = format.service;
        this.staticFields = new String[format.staticFields.size() * 2];
        Set<String> names = new HashSet<>(table.reservedNames());
        int i = 0;
        for (Map.Entry<String, String> field : format.staticFields.entrySet()) {
            staticFields[i++] = field.getKey();
            staticFields[i++] = field.getValue();
            names.add(field.getKey());
        }
        this.reserved = Set.copyOf(names);
    }

    void sanitize(LogEvent event) {
        event.logger = bounded(event.logger);
        event.event = bounded(event.event);
        event.threadName = bounded(event.threadName);
        for (int i = 0; i < event.fieldCount(); i++) {
            String key = event.key(i);
            Object value = redaction.matches(key) ? Redaction.REPLACEMENT : topLevel(event.value(i));
            event.replaceField(i, bounded(reserved.contains(key) ? COLLIDING_PREFIX + key : key), value);
        }
        if (event.thrown != null) {
            event.errorType = event.thrown.getClass().getName();
            String message = StackTraces.message(event.thrown);
            event.errorMessage = message == null ? null : bounded(message);
        }
        event.service = service;
        event.staticFields = staticFields;
    }

    /** A value whose conversion throws (a map changing under us, say) becomes a placeholder as a whole. */
    private Object topLevel(Object value) {
        try {
            return value(value, 0);
        } catch (RuntimeException | LinkageError | StackOverflowError failure) {
            return SafeText.placeholder(value, failure);
        }
    }

    /** {@code value} reduced to JSON's types, redacted and bounded; see the class comment. */
    Object value(Object value, int depth) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte || value instanceof Double
                || value instanceof Float) {
            return value;
        } else if (value instanceof String text) {
            return bounded(text);
        } else if (value instanceof AtomicInteger || value instanceof AtomicLong) {
            return ((Number) value).longValue();
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            String text = value.toString();
            return text.length() <= maxValueLength ? value : bounded(text);
        } else if (value instanceof Enum<?> constant) {
            return bounded(constant.name());
        } else if (value instanceof CharSequence || value instanceof Character) {
            return bounded(value.toString());
        } else if (depth >= MAX_DEPTH) {
            return "[nested deeper than " + MAX_DEPTH + "]";
        } else if (value instanceof Map<?, ?> map) {
            return map(map, depth);
        } else if (value instanceof Collection<?> collection) {
            return elements(collection.iterator(), collection.size(), depth);
        } else if (value instanceof Object[] array) {
            return elements(java.util.Arrays.asList(array).iterator(), array.length, depth);
        } else if (value instanceof Optional<?> optional) {
            return value(optional.orElse(null), depth + 1);
        } else if (value.getClass().isArray()) {
            return primitiveElements(value);
        } else if (value instanceof TemporalAccessor || value instanceof UUID) {
            return bounded(value.toString());
        } else if (value instanceof Throwable thrown) {
            String message = StackTraces.message(thrown);
            return bounded(message == null ? thrown.getClass().getName() : thrown.getClass().getName() + ": " + message);
        }
        return bounded(SafeText.of(value));
    }

    private Map<String, Object> map(Map<?, ?> map, int depth) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = entry.getKey() instanceof String name ? name : SafeText.of(entry.getKey());
            copy.put(bounded(key), redaction.matches(key) ? Redaction.REPLACEMENT : value(entry.getValue(), depth + 1));
        }
        return copy;
    }

    private List<Object> elements(Iterator<?> elements, int size, int depth) {
        List<Object> copy = new ArrayList<>(Math.min(size, MAX_ELEMENTS) + 1);
        while (elements.hasNext() && copy.size() < MAX_ELEMENTS) {
            copy.add(value(elements.next(), depth + 1));
        }
        if (size > copy.size()) {
            copy.add(more(size - copy.size()));
        }
        return copy;
    }

    private static List<Object> primitiveElements(Object array) {
        int length = java.lang.reflect.Array.getLength(array);
        int shown = Math.min(length, MAX_ELEMENTS);
        List<Object> copy = new ArrayList<>(shown + 1);
        for (int i = 0; i < shown; i++) {
            Object element = java.lang.reflect.Array.get(array, i);
            copy.add(element instanceof Character c ? String.valueOf(c) : element);
        }
        if (length > shown) {
            copy.add(more(length - shown));
        }
        return copy;
    }

    private static String more(int count) {
        return "...[" + count + " more]";
    }

    /** {@code text} within the value bound: itself when it fits, else cut and marked. */
    String bounded(String text) {
        return bounded(text, maxValueLength);
    }

    /**
     * {@code text} itself when it has at most {@code maxChars} characters; otherwise its first {@code maxChars}
     * (one fewer where that would split a surrogate pair) followed by {@code ...[truncated N chars]}.
     */
    static String bounded(String text, int maxChars) {
        int length = text.length();
        if (length <= maxChars) {
            return text;
        }
        int end = Math.max(0, maxChars);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + TRUNCATED_OPEN + (length - end) + TRUNCATED_CLOSE;
    }
}
