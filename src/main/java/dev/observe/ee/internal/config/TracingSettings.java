package dev.observe.ee.internal.config;

import java.util.List;

/** The typed, validated {@code observe.tracing.*} configuration (docs/configuration.md). */
public final class TracingSettings {

    public static final String EXCLUDE_PATHS = "observe.tracing.exclude-paths";

    /** The default: health checks, metrics scrapes and API documentation are not requests worth a trace. */
    public static final List<String> DEFAULT_EXCLUDE_PATHS = List.of("/health*", "/metrics*", "/openapi*");

    private final List<String> excludePaths;

    private TracingSettings(List<String> excludePaths) {
        this.excludePaths = List.copyOf(excludePaths);
    }

    /** Reads the {@code observe.tracing.*} keys; a bad pattern is a problem of the reader. */
    static TracingSettings read(ConfigReader reader) {
        List<String> patterns = reader.list(EXCLUDE_PATHS);
        if (patterns.isEmpty()) {
            patterns = DEFAULT_EXCLUDE_PATHS;
        } else if (patterns.size() == 1 && patterns.get(0).equalsIgnoreCase("none")) {
            patterns = List.of();
        } else {
            for (String pattern : patterns) {
                if (!isValidPattern(pattern)) {
                    reader.problem(EXCLUDE_PATHS, pattern, "paths starting with '/', '*' and '?' as wildcards, "
                            + "separated by commas (or none)");
                }
            }
        }
        return new TracingSettings(patterns);
    }

    /** Whether {@code pattern} is a usable glob: a path starting with '/', without spaces. */
    static boolean isValidPattern(String pattern) {
        return pattern != null && pattern.startsWith("/") && pattern.indexOf(' ') < 0;
    }

    /** Glob patterns of request paths (below the context root) that get no span. */
    public List<String> excludePaths() {
        return excludePaths;
    }
}
