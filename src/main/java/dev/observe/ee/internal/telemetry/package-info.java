/**
 * The application's OpenTelemetry: the runtime's SDK extended through its SPIs, or the library's own SDK where the runtime has none.
 *
 * <p>Not for use by applications: everything under {@code dev.observe.ee.internal} may change in any release. The
 * public API is {@link dev.observe.ee.Traced}, {@link dev.observe.ee.Observe}, {@link dev.observe.ee.logging.Log},
 * {@link dev.observe.ee.logging.LogContext} and the JUL classes in {@code dev.observe.ee.logging}.
 */
package dev.observe.ee.internal.telemetry;
