package dev.observe.ee.internal.logging;

/**
 * Text for a terminal: every control character (C0, DEL, C1, U+2028/U+2029) shown as an escape ({@code \n},
 * {@code \r}, {@code \t}, {@code \x1b}, {@code \u2028}), so that logged text can neither break a line nor send
 * the terminal an escape sequence.
 */
final class ConsoleText {

    private ConsoleText() {
    }

    static void escape(String text, StringBuilder out) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isSafe(c)) {
                out.append(c);
            } else {
                appendEscaped(c, out);
            }
        }
    }

    static boolean isSafe(char c) {
        return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c <= 0x9f) && c != '\u2028' && c != '\u2029';
    }

    private static void appendEscaped(char c, StringBuilder out) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (c < 0x100) {
                    out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                } else {
                    out.append("\\u");
                    for (int shift = 12; shift >= 0; shift -= 4) {
                        out.append(Character.forDigit((c >> shift) & 0xf, 16));
                    }
                }
            }
        }
    }
}
