/**
 * The application's configuration: every {@code observe.*} key and the {@code otel.*} view the library needs, read
 * once through one {@code ConfigReader} ({@link dev.observe.ee.internal.config.ObserveConfiguration}), and the same
 * line keys for a formatter JUL created. Depends on no other package of the library; only
 * {@link dev.observe.ee.internal.config.MicroProfileConfigValues} and the config source
 * {@link dev.observe.ee.internal.config.OpenTelemetryDefaults} need MicroProfile Config, so the rest also serves the
 * server-wide logging jar.
 *
 * <p>Not for use by applications: everything under {@code dev.observe.ee.internal} may change in any release. The
 * public API is {@link dev.observe.ee.Traced}, {@link dev.observe.ee.Observe}, {@link dev.observe.ee.logging.Log},
 * {@link dev.observe.ee.logging.LogContext} and the JUL classes in {@code dev.observe.ee.logging}.
 */
package dev.observe.ee.internal.config;
