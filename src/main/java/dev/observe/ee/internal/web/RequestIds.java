package dev.observe.ee.internal.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rules for request ids: which incoming ids are taken over, and how new ones are made.
 *
 * <p>An incoming id is accepted only when it is 1 to {@value #MAX_LENGTH} characters of ASCII letters, digits and
 * {@code - . _ :}. That covers UUIDs, ULIDs and the ids of common proxies and load balancers, while no accepted
 * value can split a log line, break a header or smuggle markup into a log viewer. Anything else is replaced, never
 * echoed.
 */
final class RequestIds {

    static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /** Returns {@code incoming} when it is a well-formed id, otherwise a new random UUID. Never throws. */
    static String acceptOrGenerate(String incoming) {
        return isWellFormed(incoming) ? incoming : generate();
    }

    static boolean isWellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!isAllowed(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4) UUID. From {@code ThreadLocalRandom}, as OpenTelemetry's trace ids are, rather than
     * {@code UUID.randomUUID()}'s {@code SecureRandom}: a request id correlates, it guards nothing, and the secure
     * generator tripled the request filter's cost (docs/performance.md).
     */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == ':';
    }
}
