package dev.observe.ee.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds {@code observe.*} keys the library does not know (a typo, or a key of another version), each with the
 * closest known key, for a warning at deployment: an unknown key is not an error, but silently ignoring
 * {@code observe.log.fromat=json} would leave the user wondering.
 */
final class UnknownKeys {

    static final List<String> KNOWN = List.of(ObserveConfiguration.ENABLED, LogSettings.ENABLED, LogSettings.FORMAT,
            LogSettings.SCHEMA, LogSettings.COLOR, LogSettings.EXPORT, LogSettings.RENAME, LogSettings.STATIC_FIELDS,
            LogSettings.REDACT_KEYS, LogSettings.REDACT_ADDITIONAL_KEYS, LogSettings.MAX_VALUE_LENGTH,
            LogSettings.MAX_STACK_TRACE_LENGTH,
            TracingSettings.EXCLUDE_PATHS, SamplingSettings.RATIO, SamplingSettings.KEEP_ERRORS,
            SamplingSettings.KEEP_SLOWER_THAN, SamplingSettings.MAX_BUFFERED_SPANS, ResourceSettings.SERVICE_VERSION,
            ResourceSettings.DEPLOYMENT_ENVIRONMENT);

    private UnknownKeys() {
    }

    /** One line per unknown {@code observe.*} key: the key and the closest known one. */
    static List<String> warnings(ConfigReader reader) {
        List<String> warnings = new ArrayList<>();
        for (String name : reader.propertyNames()) {
            if (!name.startsWith("observe.") || KNOWN.contains(name) || LogSettings.isCategoryLevel(name)) {
                continue;
            }
            warnings.add("observe-ee: unknown configuration key '" + ConfigReader.shown(name)
                    + "' is ignored; did you mean '" + closest(name) + "'?");
        }
        return warnings;
    }

    static String closest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = KNOWN.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (String known : KNOWN) {
            int distance = distance(lower, known);
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
