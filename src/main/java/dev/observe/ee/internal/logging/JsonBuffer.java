package dev.observe.ee.internal.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that writes JSON tokens. Whatever the input, what it writes is valid JSON text in
 * valid UTF-8: control characters, quotes and backslashes are escaped, U+2028/U+2029 too (so that a line is safe to
 * embed in JavaScript), and a lone surrogate is written as a {@code \\uXXXX} escape, which JSON allows and which
 * decodes back to the same {@code char}. No method allocates once the buffer has grown to the size of a line.
 *
 * <p>Not thread-safe: one instance per encoding thread at a time.
 */
final class JsonBuffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    JsonBuffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    /** Drops everything written after {@code mark}, a value {@link #size()} returned earlier. */
    void truncate(int mark) {
        size = mark;
    }

    void raw(char c) {
        ensure(1);
        bytes[size++] = (byte) c;
    }

    /** Writes pre-encoded bytes, such as a field name that was escaped once when the format was configured. */
    void raw(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
    }

    void nullValue() {
        raw(NULL);
    }

    void bool(boolean value) {
        raw(value ? TRUE : FALSE);
    }

    void number(long value) {
        if (value == Long.MIN_VALUE) {
            raw(MIN_LONG);
            return;
        }
        ensure(20);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int digits = digits(value);
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + (int) (value % 10));
            value /= 10;
        }
        size = end;
    }

    /** A JSON number; NaN and the infinities, which JSON cannot express, become the strings "NaN", "Infinity". */
    void number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            string(Double.toString(value));
        } else if (value == (long) value && Math.abs(value) < 1e15) {
            number((long) value);
            raw('.');
            raw('0');
        } else {
            ascii(Double.toString(value));
        }
    }

    /** Writes a string known to be plain ASCII needing no escapes (numbers' text, for example), unquoted. */
    void ascii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    /** Writes a zero-padded decimal of exactly {@code width} digits. */
    void digits(int value, int width) {
        ensure(width);
        for (int i = size + width - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += width;
    }

    /** Writes {@code text} as a quoted JSON string (bounds are the sanitize stage's, not the buffer's). */
    void string(CharSequence text) {
        raw('"');
        escape(text, 0, text.length());
        raw('"');
    }

    /** Escapes {@code text[from, to)} into the buffer as the content of a JSON string. */
    void escape(CharSequence text, int from, int to) {
        ensure(to - from);
        // Fast path: printable ASCII needing no escape, one byte per char, with the buffer and position in locals
        // (a field write per character would cost more than the copy itself).
        byte[] target = bytes;
        int position = size;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c >= 0x80 || !PLAIN[c]) {
                break;
            }
            target[position++] = (byte) c;
            i++;
        }
        size = position;
        if (i < to) {
            escapeRest(text, i, to);
        }
    }

    /** Printable ASCII that a JSON string holds as it is. */
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        for (char c = 0x20; c < 0x7f; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private void escapeRest(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                i = nonAscii(text, i, to, true);
            } else if (PLAIN[c]) {
                ensure(1);
                bytes[size++] = (byte) c;
            } else {
                escapeAscii(c);
            }
        }
    }

    /** Writes text as UTF-8 without JSON escaping (text already made safe for its target); lone surrogates as '?'. */
    void utf8(CharSequence text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                ensure(1);
                bytes[size++] = (byte) c;
            } else {
                i = nonAscii(text, i, length, false);
            }
        }
    }

    /**
     * Writes the non-ASCII character at {@code index} (with its low surrogate, when it starts a pair) as UTF-8 and
     * returns the index of the last char consumed. A lone surrogate, which UTF-8 cannot hold, becomes a
     * {@code \\uXXXX} escape inside a JSON string ({@code json}) and {@code '?'} elsewhere; inside a JSON string
     * U+2028/U+2029 are escaped too.
     */
    private int nonAscii(CharSequence text, int index, int to, boolean json) {
        char c = text.charAt(index);
        if (c < 0x800) {
            ensure(2);
            bytes[size++] = (byte) (0xc0 | (c >> 6));
            bytes[size++] = (byte) (0x80 | (c & 0x3f));
        } else if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && index + 1 < to && Character.isLowSurrogate(text.charAt(index + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++index));
                ensure(4);
                bytes[size++] = (byte) (0xf0 | (codePoint >> 18));
                bytes[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3f));
                bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3f));
                bytes[size++] = (byte) (0x80 | (codePoint & 0x3f));
            } else if (json) {
                unicodeEscape(c);
            } else {
                ensure(1);
                bytes[size++] = '?';
            }
        } else if (json && (c == '\u2028' || c == '\u2029')) {
            unicodeEscape(c);
        } else {
            ensure(3);
            bytes[size++] = (byte) (0xe0 | (c >> 12));
            bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
            bytes[size++] = (byte) (0x80 | (c & 0x3f));
        }
        return index;
    }

    private void escapeAscii(char c) {
        switch (c) {
            case '"' -> twoChars('\\', '"');
            case '\\' -> twoChars('\\', '\\');
            case '\n' -> twoChars('\\', 'n');
            case '\r' -> twoChars('\\', 'r');
            case '\t' -> twoChars('\\', 't');
            case '\b' -> twoChars('\\', 'b');
            case '\f' -> twoChars('\\', 'f');
            default -> unicodeEscape(c);
        }
    }

    private void twoChars(char a, char b) {
        ensure(2);
        bytes[size++] = (byte) a;
        bytes[size++] = (byte) b;
    }

    private void unicodeEscape(char c) {
        ensure(6);
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        bytes[size++] = HEX[(c >> 12) & 0xf];
        bytes[size++] = HEX[(c >> 8) & 0xf];
        bytes[size++] = HEX[(c >> 4) & 0xf];
        bytes[size++] = HEX[c & 0xf];
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    private static int digits(long value) {
        long bound = 10;
        for (int digits = 1; digits < 19; digits++) {
            if (value < bound) {
                return digits;
            }
            bound *= 10;
        }
        return 19;
    }
}
