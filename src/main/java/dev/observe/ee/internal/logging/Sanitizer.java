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
 *       pair) and marked {@code ...[truncated N chars]}, the one marker of every sink; so are keys (in nested maps
 *       too), the event, the logger and thread names and the exception's message. Lists, arrays and maps keep
 *       their first {@value #MAX_ELEMENTS} elements and say how many more there were ({@code "...[N more]"}, in a
 *       map under the key {@value #MORE_KEY}); nesting stops at {@value #MAX_DEPTH} levels.
 *   <li>Collisions (docs/logging.md, "Keys"): a user key that equals a standard field of the line, is the dotted
 *       parent of one ({@code error} next to {@code error.type}) or the dotted child of one ({@code log.level.x}),
 *       or equals a static field, gets the prefix {@value #COLLIDING_PREFIX}; and again, until it collides with
 *       nothing and with no key before it in the line. A static field that collides with a standard field is
 *       renamed by the same rule. So no key appears twice in a line or in any object of it, however keys are
 *       renamed or cut.
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
    /** The key of the entry that says how many entries of a map were left out. */
    static final String MORE_KEY = "...";
    private static final String TRUNCATED_OPEN = "...[truncated ";
    private static final String TRUNCATED_CLOSE = " chars]";

    private final Redaction redaction;
    private final int maxValueLength;
    /** Standard and static fields' names and every dotted parent of them: a user key must equal none. */
    private final Set<String> taken;
    /** Standard and static fields' names: a user key must not be a dotted child of one. */
    private final Set<String> leaves;
    private final String service;
    private final String[] staticFields;
    /** {@value #COLLIDING_PREFIX}, or {@code _fields.} and so on where a field is called {@code fields} itself. */
    private final String prefix;

    Sanitizer(LogFormat format, FieldTable table) {
        this.redaction = format.redaction;
        this.maxValueLength = format.maxValueLength;
        this.service = format.service;
        Set<String> names = new HashSet<>(table.standardPaths());
        this.prefix = prefix(names, format.staticFields.keySet());
        Set<String> takenNames = withParents(names);
        this.staticFields = new String[format.staticFields.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> field : format.staticFields.entrySet()) {
            String name = field.getKey();
            while (collides(name, takenNames, names)) {
                name = prefix + name;
            }
            staticFields[i++] = name;
            staticFields[i++] = field.getValue();
            // Added one by one: a later static field must not take the name an earlier one was given.
            names.add(name);
            takenNames = withParents(names);
        }
        this.leaves = Set.copyOf(names);
        this.taken = Set.copyOf(takenNames);
    }

    /**
     * The prefix that moves a key out of the way. Prefixing ends only if no field's name is made of the prefix's
     * word alone ({@code fields}, {@code fields.fields}): every longer key would be its dotted child.
     */
    private static String prefix(Set<String> standard, Set<String> statics) {
        String word = COLLIDING_PREFIX.substring(0, COLLIDING_PREFIX.length() - 1);
        while (madeOf(word, standard) || madeOf(word, statics)) {
            word = "_" + word;
        }
        return word + ".";
    }

    private static boolean madeOf(String word, Set<String> names) {
        for (String name : names) {
            if ((name + ".").replace(word + ".", "").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> withParents(Set<String> names) {
        Set<String> all = new HashSet<>(names);
        for (String name : names) {
            for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
                all.add(name.substring(0, dot));
            }
        }
        return all;
    }

    private static boolean collides(String key, Set<String> taken, Set<String> leaves) {
        if (taken.contains(key)) {
            return true;
        }
        for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
            if (leaves.contains(key.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    void sanitize(LogEvent event) {
        event.logger = bounded(event.logger);
        event.event = bounded(event.event);
        event.threadName = bounded(event.threadName);
        boolean renamed = false;
        for (int i = 0; i < event.fieldCount(); i++) {
            String key = event.key(i);
            Object value = redaction.matches(key) ? Redaction.REPLACEMENT : topLevel(event.value(i));
            String name = bounded(key);
            // The event's keys are distinct as given; only a renamed or cut key can meet another one.
            while (collides(name, taken, leaves) || ((renamed || name != key) && usedBefore(event, i, name))) {
                name = prefix + name;
            }
            renamed |= name != key;
            event.replaceField(i, name, value);
        }
        if (event.thrown != null) {
            // A class name is not cut, as trace ids are not: the JVM bounds it (65535 bytes), and a cut type is useless.
            event.errorType = event.thrown.getClass().getName();
            event.thrownMessage = SafeText.message(event.thrown);
            event.errorMessage = event.thrownMessage == null ? null : bounded(event.thrownMessage);
        }
        event.service = service;
        event.staticFields = staticFields;
    }

    private static boolean usedBefore(LogEvent event, int index, String name) {
        for (int i = 0; i < index; i++) {
            if (event.key(i).equals(name)) {
                return true;
            }
        }
        // A later key as given: it keeps its name unless it collides itself, so it must not be taken from it.
        for (int i = index + 1; i < event.fieldCount(); i++) {
            if (event.key(i).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value whose conversion fails as a whole (a map changing under us, an iterator that throws) becomes a
     * placeholder; a failing element's own {@code toString()} only replaces that element.
     */
    private Object topLevel(Object value) {
        try {
            return value(value, 0);
        } catch (Throwable failure) {
            return SafeText.placeholder(value, "toString", failure);
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
            return bounded(SafeText.of(value));
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
            return bounded(SafeText.of(value));
        } else if (value instanceof Throwable thrown) {
            String message = SafeText.message(thrown);
            return bounded(message == null ? thrown.getClass().getName()
                    : thrown.getClass().getName() + ": " + message);
        }
        return bounded(SafeText.of(value));
    }

    private Map<String, Object> map(Map<?, ?> map, int depth) {
        Map<String, Object> copy = new LinkedHashMap<>();
        int size = map.size();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (copy.size() >= MAX_ELEMENTS) {
                break;
            }
            String key = entry.getKey() instanceof String name ? name : SafeText.of(entry.getKey());
            String name = bounded(key);
            // Keys made from objects' text, or cut, may meet; each keeps its entry under a name of its own.
            while (copy.containsKey(name) || name.equals(MORE_KEY)) {
                name = COLLIDING_PREFIX + name;
            }
            copy.put(name, redaction.matches(key) ? Redaction.REPLACEMENT : value(entry.getValue(), depth + 1));
        }
        if (size > copy.size()) {
            copy.put(MORE_KEY, more(size - copy.size()));
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
