package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.config.TracingSettings;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The request paths that get no span ({@code observe.tracing.exclude-paths}): glob patterns ({@code *} any run of
 * characters, {@code ?} one character) matched against the path below the application's context root, so that
 * {@code /health*} means the same wherever the application is deployed. Immutable: {@link DeployedApplication}
 * holds the application's, built from the validated patterns and the servlet context's root.
 */
final class ExcludedPaths {

    /** The default patterns at the root context: what applies until the application's configuration is read. */
    static final ExcludedPaths DEFAULT = new ExcludedPaths(TracingSettings.DEFAULT_EXCLUDE_PATHS, "");

    private final List<String> patterns;
    private final Pattern regex;
    private final String contextPath;

    /**
     * Each pattern's literal start (up to its first wildcard): a path that starts with none of them is not excluded,
     * which answers almost every request without the regular expression (asked at every SERVER span's start).
     */
    private final String[] literalStarts;

    ExcludedPaths(List<String> patterns, String contextPath) {
        this.patterns = List.copyOf(patterns);
        this.regex = patterns.isEmpty() ? null : Pattern.compile(toRegex(patterns));
        this.contextPath = contextPath == null ? "" : contextPath;
        this.literalStarts = patterns.stream().map(ExcludedPaths::literalStart).toArray(String[]::new);
    }

    private static String literalStart(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '*' || pattern.charAt(i) == '?') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }

    /** These paths with other patterns (validated by the configuration). */
    ExcludedPaths withPatterns(List<String> newPatterns) {
        return new ExcludedPaths(newPatterns, contextPath);
    }

    /** These patterns below another context root. */
    ExcludedPaths withContextPath(String newContextPath) {
        return new ExcludedPaths(patterns, newContextPath);
    }

    /** Whether a request for {@code path} (as the server saw it, context root included, query excluded) is excluded. */
    boolean excludes(String path) {
        if (regex == null || path == null) {
            return false;
        }
        int offset = 0;
        if (!contextPath.isEmpty() && path.startsWith(contextPath)
                && (path.length() == contextPath.length() || path.charAt(contextPath.length()) == '/')) {
            offset = contextPath.length();
        }
        if (offset == path.length()) {
            return regex.matcher("/").matches();
        }
        if (!startsWithALiteralStart(path, offset)) {
            return false;
        }
        return regex.matcher(path.substring(offset)).matches();
    }

    private boolean startsWithALiteralStart(String path, int offset) {
        for (String start : literalStarts) {
            if (path.startsWith(start, offset)) {
                return true;
            }
        }
        return false;
    }

    private static String toRegex(List<String> patterns) {
        StringBuilder regex = new StringBuilder();
        for (String pattern : patterns) {
            if (regex.length() > 0) {
                regex.append('|');
            }
            regex.append("(?:");
            int start = 0;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '*' || c == '?') {
                    regex.append(Pattern.quote(pattern.substring(start, i))).append(c == '*' ? ".*" : ".");
                    start = i + 1;
                }
            }
            regex.append(Pattern.quote(pattern.substring(start))).append(')');
        }
        return regex.toString();
    }
}
