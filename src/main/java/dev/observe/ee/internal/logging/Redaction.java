package dev.observe.ee.internal.logging;

import java.util.Collection;
import java.util.Locale;

/**
 * The keys whose values never reach a log line, matched ignoring case wherever they occur: context, bound fields,
 * call fields and keys of nested maps. A lookup hashes the key's characters as it reads them, so checking a key
 * allocates nothing.
 */
final class Redaction {

    static final String REPLACEMENT = "[REDACTED]";

    private final String[] table;
    private final int mask;

    Redaction(Collection<String> keys) {
        int capacity = Integer.highestOneBit(Math.max(4, keys.size() * 4 - 1)) << 1;
        table = new String[capacity];
        mask = capacity - 1;
        for (String key : keys) {
            String lower = key.toLowerCase(Locale.ROOT);
            int slot = hash(lower) & mask;
            while (table[slot] != null && !table[slot].equals(lower)) {
                slot = (slot + 1) & mask;
            }
            table[slot] = lower;
        }
    }

    boolean matches(String key) {
        int slot = hash(key) & mask;
        String candidate;
        while ((candidate = table[slot]) != null) {
            if (candidate.length() == key.length() && candidate.regionMatches(true, 0, key, 0, key.length())) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private static int hash(String key) {
        int h = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            h = 31 * h + (c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : Character.toLowerCase(Character.toUpperCase(c)));
        }
        return h ^ (h >>> 16);
    }
}
