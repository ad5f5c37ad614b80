/**
 * What of the configuration needs MicroProfile Config: the application's {@code Config} as the reader's key-value
 * source, and observe-ee's low-ordinal config source of OpenTelemetry defaults. Kept apart from
 * {@code internal.config} because the server-wide logging jar carries that package to a server's boot class path,
 * where MicroProfile Config is not visible (a class of this package loaded from there could not link).
 *
 * <p>Not for use by applications: everything under {@code dev.observe.ee.internal} may change in any release. The
 * public API is {@link dev.observe.ee.Traced}, {@link dev.observe.ee.Observe}, {@link dev.observe.ee.logging.Log},
 * {@link dev.observe.ee.logging.LogContext} and the JUL classes in {@code dev.observe.ee.logging}.
 */
package dev.observe.ee.internal.config.microprofile;
