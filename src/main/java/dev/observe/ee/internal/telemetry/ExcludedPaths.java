package dev.observe.ee.internal.telemetry;

import dev.observe.ee.internal.config.TracingSettings;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The request paths that get no span ({@code observe.tracing.exclude-paths}): glob patterns ({@code *} any run of
 * characters, {@code ?} one character) matched against the path below the application's context root, so that
 * {@code /health*} means the same wherever the application is deployed.
 *
 * <p>One per application (this class is loaded by the application's class loader): the CDI extension sets the
 * validated patterns when the application deploys, the servlet initializer the context root, and
 * {@link ExcludedPathsSampler} reads both for every new SERVER span. Until the extension has run, the defaults
 * apply.
 */
public final class ExcludedPaths {

    private static volatile ExcludedPaths current = new ExcludedPaths(TracingSettings.DEFAULT_EXCLUDE_PATHS, "");

    private final List<String> patterns;
    private final Pattern regex;
    private final String contextPath;

    private ExcludedPaths(List<String> patterns, String contextPath) {
        this.patterns = List.copyOf(patterns);
        this.regex = patterns.isEmpty() ? null : Pattern.compile(toRegex(patterns));
        this.contextPath = contextPath == null ? "" : contextPath;
    }

    /** Sets the patterns (validated by the configuration); keeps the context root. */
    public static void usePatterns(List<String> patterns) {
        current = new ExcludedPaths(patterns, current.contextPath);
    }

    /** Sets the application's context root (from the servlet context); keeps the patterns. */
    public static void useContextPath(String contextPath) {
        current = new ExcludedPaths(current.patterns, contextPath);
    }

    static ExcludedPaths current() {
        return current;
    }

    /** Whether a request for {@code path} (as the server saw it, context root included, query excluded) is excluded. */
    boolean excludes(String path) {
        if (regex == null || path == null) {
            return false;
        }
        String below = path;
        if (!contextPath.isEmpty() && path.startsWith(contextPath)
                && (path.length() == contextPath.length() || path.charAt(contextPath.length()) == '/')) {
            below = path.substring(contextPath.length());
        }
        if (below.isEmpty()) {
            below = "/";
        }
        return regex.matcher(below).matches();
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
