package dev.observe.ee.internal.logging;

/**
 * Key/value arguments as callers pass them, {@code "user_id", 123, "item_count", 3}, turned into well-formed
 * pairs. Mistakes are made visible, never thrown: a trailing value without a key is kept under
 * {@value #UNPAIRED_KEY}, a null key becomes {@value #NULL_KEY}, any other non-string key its string form.
 */
public final class KeyValues {

    static final String UNPAIRED_KEY = "_unpaired";
    static final String NULL_KEY = "_null_key";

    public static final Object[] EMPTY = new Object[0];

    private KeyValues() {
    }

    /**
     * Pairs with a {@code String} key at every even index. Returns {@code keyValues} itself when it is already well
     * formed (the common case, no copy), otherwise a repaired copy.
     */
    public static Object[] normalize(Object[] keyValues) {
        if (keyValues == null || keyValues.length == 0) {
            return EMPTY;
        }
        if (isWellFormed(keyValues)) {
            return keyValues;
        }
        int pairs = (keyValues.length + 1) / 2;
        Object[] repaired = new Object[pairs * 2];
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            repaired[i] = keyOf(keyValues[i]);
            repaired[i + 1] = keyValues[i + 1];
        }
        if (keyValues.length % 2 != 0) {
            repaired[repaired.length - 2] = UNPAIRED_KEY;
            repaired[repaired.length - 1] = keyValues[keyValues.length - 1];
        }
        return repaired;
    }

    /** Like {@link #normalize} but always a private copy, for pairs that will be kept (bound fields, context). */
    public static Object[] copyOf(Object[] keyValues) {
        Object[] normalized = normalize(keyValues);
        return normalized == keyValues ? keyValues.clone() : normalized;
    }

    private static boolean isWellFormed(Object[] keyValues) {
        if (keyValues.length % 2 != 0) {
            return false;
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!(keyValues[i] instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static String keyOf(Object key) {
        if (key == null) {
            return NULL_KEY;
        }
        if (key instanceof String name) {
            return name;
        }
        return SafeText.of(key);
    }

    /** Index of {@code key} among the keys of the first {@code length} entries of well-formed pairs, or -1. */
    public static int indexOf(Object[] pairs, int length, String key) {
        for (int i = 0; i < length; i += 2) {
            if (key.equals(pairs[i])) {
                return i;
            }
        }
        return -1;
    }
}
