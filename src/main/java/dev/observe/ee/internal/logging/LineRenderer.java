package dev.observe.ee.internal.logging;

/**
 * Turns a sanitized event into one line of output (a structlog renderer): it only prints, every decision about
 * what may be shown was made by the {@link Sanitizer}. Stateless and thread-safe.
 */
interface LineRenderer {

    /**
     * Appends the line, ending in {@code '\n'}, to {@code out}. {@code scratch} is a reusable builder for text
     * the renderer assembles before writing.
     */
    void render(LogEvent event, JsonBuffer out, StringBuilder scratch);
}
