/**
 * observe-ee's API for application code: {@link dev.observe.ee.Traced} for spans around CDI bean methods and
 * {@link dev.observe.ee.Observe} for the names an application may need; the logger is in
 * {@code dev.observe.ee.logging}. Everything under {@code dev.observe.ee.internal} is not for applications.
 */
package dev.observe.ee;
