package dev.observe.ee.web;

import java.util.UUID;

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

    static String generate() {
        return UUID.randomUUID().toString();
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == ':';
    }
}
