package dev.observe.ee.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;

/**
 * Reads typed values and collects every problem, so that one deployment attempt reports all bad keys at once.
 * Values are read as strings and parsed here: the messages are ours, naming key, value and what is allowed.
 */
final class ConfigReader {

    static final String PROFILE = "mp.config.profile";

    private final Config config;
    private final String profilePrefix;
    private final List<String> problems = new ArrayList<>();

    ConfigReader(Config config) {
        this.config = config;
        String profile = null;
        try {
            profile = config.getOptionalValue(PROFILE, String.class).map(String::trim).orElse(null);
        } catch (RuntimeException e) {
            problems.add(PROFILE + ": cannot be read (" + e.getMessage() + ")");
        }
        this.profilePrefix = profile == null || profile.isEmpty() ? null : "%" + profile + ".";
    }

    /** The active MicroProfile Config profile, or null. */
    String profile() {
        return profilePrefix == null ? null : profilePrefix.substring(1, profilePrefix.length() - 1);
    }

    /**
     * The value of {@code key}, its {@code %profile.} variant first. MicroProfile Config implementations resolve
     * profiles themselves, but not all of them honour a profile set in the application's own properties file; doing
     * it here gives the same answer everywhere.
     */
    Optional<String> string(String key) {
        try {
            Optional<String> value = Optional.empty();
            if (profilePrefix != null) {
                value = config.getOptionalValue(profilePrefix + key, String.class);
            }
            if (value.isEmpty()) {
                value = config.getOptionalValue(key, String.class);
            }
            return value.map(String::trim).filter(text -> !text.isEmpty());
        } catch (RuntimeException e) {
            problems.add(key + ": cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    List<String> list(String key) {
        try {
            Optional<List<String>> values = Optional.empty();
            if (profilePrefix != null) {
                values = config.getOptionalValues(profilePrefix + key, String.class);
            }
            if (values.isEmpty()) {
                values = config.getOptionalValues(key, String.class);
            }
            return values.orElse(List.of()).stream()
                    .map(String::trim).filter(value -> !value.isEmpty()).toList();
        } catch (RuntimeException e) {
            problems.add(key + ": cannot be read (" + e.getMessage() + ")");
            return List.of();
        }
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

    /** Every property name, with the active profile's {@code %profile.} prefix removed; other profiles' left out. */
    java.util.Set<String> propertyNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("%")) {
                if (profilePrefix != null && name.startsWith(profilePrefix)) {
                    names.add(name.substring(profilePrefix.length()));
                }
            } else {
                names.add(name);
            }
        }
        return names;
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
        problems.add(key + "='" + shown(value) + "' is not allowed; use " + allowed);
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

    /** Throws {@link InvalidConfigurationException} listing every problem found so far. */
    void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }
}
