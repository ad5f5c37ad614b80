package dev.observe.ee.internal.logging;

/** Turns a processed event into one line of output (a structlog renderer). Stateless and thread-safe. */
interface Renderer {

    /**
     * Appends the line, ending in {@code '\n'}, to {@code out}. {@code scratch} is a reusable builder for text
     * the renderer assembles before writing (stack traces).
     */
    void render(LogEvent event, JsonBuffer out, StringBuilder scratch);
}
