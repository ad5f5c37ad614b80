package dev.observe.ee.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed values and collects every problem, so that one deployment attempt reports all bad keys at once.
 * Values are read as strings and parsed here: the messages are ours, naming key, value and what is allowed. Works
 * over any {@link ConfigValues}: the application's MicroProfile Config and the JUL properties of a server-wide
 * formatter get the same parsing, bounds and messages.
 */
final class ConfigReader {

    /** MicroProfile Config's key of the active profile. */
    static final String PROFILE = ConfigValues.PROFILE;

    private final ConfigValues values;
    private final String profile;
    private final List<String> problems = new ArrayList<>();

    ConfigReader(ConfigValues values) {
        this.values = values;
        String active = null;
        try {
            active = values.profile();
        } catch (RuntimeException e) {
            add(PROFILE + ": cannot be read (" + e.getMessage() + ")");
        }
        this.profile = active;
    }

    /** The active configuration profile, or null. */
    String profile() {
        return profile;
    }

    /** The trimmed value of {@code key}; empty when unset or blank. */
    Optional<String> string(String key) {
        try {
            return values.value(key).map(String::trim).filter(text -> !text.isEmpty());
        } catch (RuntimeException e) {
            add(key + ": cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /**
     * The items of a list key: split at commas, {@code \,} for a comma inside an item (MicroProfile Config's rule
     * for lists), trimmed, empty items left out.
     */
    List<String> list(String key) {
        return string(key).map(ConfigReader::split).orElse(List.of());
    }

    static List<String> split(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && value.charAt(i + 1) == ',') {
                item.append(',');
                i++;
            } else if (c == ',') {
                add(items, item);
            } else {
                item.append(c);
            }
        }
        add(items, item);
        return items;
    }

    private static void add(List<String> items, StringBuilder item) {
        String text = item.toString().trim();
        if (!text.isEmpty()) {
            items.add(text);
        }
        item.setLength(0);
    }

    <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        return string(key).flatMap(value -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return Optional.of(constant);
                }
            }
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            problem(key, value, "one of " + String.join(", ", allowed));
            return Optional.empty();
        });
    }

    Optional<Boolean> bool(String key) {
        return string(key).flatMap(value -> {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Optional.of(Boolean.parseBoolean(value));
            }
            problem(key, value, "true or false");
            return Optional.empty();
        });
    }

    Optional<Integer> integer(String key, int min, int max) {
        return string(key).flatMap(value -> {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) {
                    return Optional.of(parsed);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(key, value, "a whole number from " + min + " to " + max);
            return Optional.empty();
        });
    }

    /** {@code name=value} items of a list key. */
    List<String[]> pairs(String key) {
        List<String[]> pairs = new ArrayList<>();
        for (String item : list(key)) {
            int equals = item.indexOf('=');
            if (equals <= 0 || equals == item.length() - 1) {
                problem(key, item, "name=value pairs separated by commas");
            } else {
                pairs.add(new String[] {item.substring(0, equals).trim(), item.substring(equals + 1).trim()});
            }
        }
        return pairs;
    }

    <T> Optional<T> parsed(String key, Function<String, T> parser, String allowed) {
        return string(key).flatMap(value -> {
            T result = parser.apply(value);
            if (result == null) {
                problem(key, value, allowed);
            }
            return Optional.ofNullable(result);
        });
    }

    /** Every key the source lists (the active profile's {@code %profile.} keys under their plain name). */
    Set<String> propertyNames() {
        try {
            return new LinkedHashSet<>(values.names());
        } catch (RuntimeException e) {
            add("the configuration's keys cannot be listed (" + e.getMessage() + ")");
            return Set.of();
        }
    }

    /** See {@link ConfigValues#setOnlyByObserveDefaults}; false when the source cannot tell. */
    boolean setOnlyByObserveDefaults(String key) {
        try {
            return values.setOnlyByObserveDefaults(key);
        } catch (RuntimeException cannotTell) {
            return false;  // leave what was configured
        }
    }

    /** The JUL level named by a config value; see {@link #LEVELS}. */
    Optional<java.util.logging.Level> level(String key) {
        return parsed(key, ConfigReader::parseLevel, LEVELS);
    }

    static final String LEVELS = "OFF, ERROR, WARN, INFO, DEBUG, TRACE, ALL (or JUL's SEVERE, WARNING, CONFIG, "
            + "FINE, FINER, FINEST), in any case";

    static java.util.logging.Level parseLevel(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "OFF" -> java.util.logging.Level.OFF;
            case "ERROR", "SEVERE" -> java.util.logging.Level.SEVERE;
            case "WARN", "WARNING" -> java.util.logging.Level.WARNING;
            case "INFO" -> java.util.logging.Level.INFO;
            case "CONFIG" -> java.util.logging.Level.CONFIG;
            case "DEBUG", "FINE" -> java.util.logging.Level.FINE;
            case "FINER" -> java.util.logging.Level.FINER;
            case "TRACE", "FINEST" -> java.util.logging.Level.FINEST;
            case "ALL" -> java.util.logging.Level.ALL;
            default -> null;
        };
    }

    void problem(String key, String value, String allowed) {
        add(InvalidConfigurationException.problem(key, value, allowed));
    }

    /** A key read twice (the {@code otel.*} view and its check) is still one line of the message. */
    private void add(String problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /** A value quoted in a message: control characters escaped and the length bounded, so it cannot forge lines. */
    static String shown(String value) {
        StringBuilder text = new StringBuilder();
        int length = Math.min(value.length(), 200);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        if (length < value.length()) {
            text.append("...");
        }
        return text.toString();
    }

    /** Every problem found so far, one line each: key, value (escaped) and what is allowed. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws {@link InvalidConfigurationException} listing every problem found so far. */
    void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }
}
