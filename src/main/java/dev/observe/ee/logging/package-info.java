/**
 * The key-value logger ({@link dev.observe.ee.logging.Log}), the per-thread log context
 * ({@link dev.observe.ee.logging.LogContext}), and the classes a server's JUL configuration names for server-wide
 * JSON or console lines ({@link dev.observe.ee.logging.JsonLogFormatter},
 * {@link dev.observe.ee.logging.ConsoleLogFormatter}, {@link dev.observe.ee.logging.ServerWideLogHandler}).
 */
package dev.observe.ee.logging;
