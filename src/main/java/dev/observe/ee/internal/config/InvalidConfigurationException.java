package dev.observe.ee.internal.config;

import java.util.List;

/**
 * One or more {@code observe.*} values that cannot be used. The message names, for each, the key, the value and
 * what is allowed; the deployment fails with it.
 */
public final class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super("observe-ee configuration is invalid:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /**
     * One problem line, as every check writes it: {@code key='value' is not allowed; use <allowed>}, the value with
     * control characters escaped and cut at 200 characters.
     */
    public static String problem(String key, String value, String allowed) {
        return key + "='" + ConfigReader.shown(value) + "' is not allowed; use " + allowed;
    }
}
