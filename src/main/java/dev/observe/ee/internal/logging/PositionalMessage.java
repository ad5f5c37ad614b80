package dev.observe.ee.internal.logging;

import java.text.MessageFormat;
import java.util.Date;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;

/**
 * A plain JUL record's message as JUL's own {@link java.util.logging.Formatter#formatMessage} makes it (structlog's
 * PositionalArgumentsFormatter): the resource bundle's text for the message key, then {@link MessageFormat} when
 * there are parameters and some {@code {} is followed by an ASCII digit — every pattern gives the same text
 * (PositionalMessageTest compares the two over a corpus).
 *
 * <p>Where JUL would let a parameter's failure through, this gives a placeholder instead: each parameter that
 * {@code MessageFormat} would turn into text with {@code toString()} is handed to it wrapped, so its
 * {@code toString()} is called at most once, through {@link SafeText}, and a failure shows where the parameter
 * goes. Numbers, dates and strings go as they are, so sub-formats such as {@code {0,number}} see the same values as
 * in JUL.
 */
final class PositionalMessage {

    private PositionalMessage() {
    }

    /** JUL's text for the record's message: null where the message is null, as in JUL. */
    static String format(LogRecord record) {
        String format = record.getMessage();
        ResourceBundle catalog = record.getResourceBundle();
        if (catalog != null && format != null) {
            try {
                format = catalog.getString(format);
            } catch (MissingResourceException | ClassCastException e) {
                // JUL keeps the key as the pattern (and would throw on a non-String resource; we keep it too).
            }
        }
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0 || format == null || !hasArgument(format)) {
            return format;
        }
        Object[] safe = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            safe[i] = parameter == null || parameter instanceof Number || parameter instanceof Date
                    || parameter instanceof String ? parameter : new Text(parameter);
        }
        try {
            return MessageFormat.format(format, safe);
        } catch (Exception e) {
            // A bad pattern, or a parameter a sub-format cannot take: the pattern, as JUL gives it.
            return format;
        } catch (Throwable e) {
            // An Error from a Number's or Date's own methods, which JUL would throw.
            return format + " [formatting the parameters failed: " + e.getClass().getName() + "]";
        }
    }

    /** JUL's test: some '{' before the last character followed by an ASCII digit. */
    private static boolean hasArgument(String format) {
        int index = -1;
        int fence = format.length() - 1;
        while ((index = format.indexOf('{', index + 1)) > -1) {
            if (index >= fence) {
                return false;
            }
            char digit = format.charAt(index + 1);
            if (digit >= '0' && digit <= '9') {
                return true;
            }
        }
        return false;
    }

    /** A parameter that MessageFormat turns into text: its toString(), once, safely. */
    private static final class Text {
        private final Object value;
        private String text;

        Text(Object value) {
            this.value = value;
        }

        @Override
        public String toString() {
            if (text == null) {
                text = SafeText.of(value);
            }
            return text;
        }
    }
}
