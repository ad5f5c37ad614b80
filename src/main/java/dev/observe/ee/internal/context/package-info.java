/**
 * Context that leaves the thread it was made on: {@link dev.observe.ee.internal.context.CarriedContext} (the
 * OpenTelemetry context and the {@link dev.observe.ee.logging.LogContext}, captured on one thread and restored on
 * another), and the two container entry points that use it today: the CDI {@code Event} decorator for
 * {@code fireAsync} and the Jakarta Concurrency thread context provider.
 *
 * <p>Not for use by applications: everything under {@code dev.observe.ee.internal} may change in any release. The
 * public API is {@link dev.observe.ee.Traced}, {@link dev.observe.ee.Observe}, {@link dev.observe.ee.logging.Log},
 * {@link dev.observe.ee.logging.LogContext} and the JUL classes in {@code dev.observe.ee.logging}.
 */
package dev.observe.ee.internal.context;
