/**
 * The application's configuration: every {@code observe.*} key and the {@code otel.*} view the library needs, read
 * once through one {@code ConfigReader} ({@link dev.observe.ee.internal.config.ObserveConfiguration}), and the same
 * line keys for a formatter JUL created. Depends on no other package of the library and on nothing but the JDK, so
 * it also serves the server-wide logging jar on a server's boot class path; what needs MicroProfile Config is in
 * {@code internal.config.microprofile}, which that jar leaves out.
 *
 * <p>Not for use by applications: everything under {@code dev.observe.ee.internal} may change in any release. The
 * public API is {@link dev.observe.ee.Traced}, {@link dev.observe.ee.Observe}, {@link dev.observe.ee.logging.Log},
 * {@link dev.observe.ee.logging.LogContext} and the JUL classes in {@code dev.observe.ee.logging}.
 */
package dev.observe.ee.internal.config;
