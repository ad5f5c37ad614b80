package dev.observe.ee.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 §5: a plain JUL record's message in a line is exactly what JUL's own {@link Formatter#formatMessage}
 * makes of it, for every pattern and parameter list of a corpus — quotes, repeats, sub-formats, bad patterns,
 * missing and null parameters, the no-brace fast path, resource bundles — compared through a real line.
 */
class PositionalMessageTest {

    private static final Formatter JUL = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    private static Locale previous;

    @BeforeAll
    static void fixLocale() {
        // MessageFormat's number and date sub-formats use the default locale, JUL's and ours alike.
        previous = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(previous);
    }

    static final List<String> PATTERNS = List.of(
            "", "plain text", "no placeholder but { brace", "{", "}", "{}", "{0}", "{1}", "{0}{0}{0}", "a {0} b {1} c",
            "{1} before {0}", "{2}", "{9}", "{10}", "{0,number}", "{1,number,#.##}", "{0,number,integer}",
            "{0,number,percent}", "{0,date}", "{0,date,yyyy}", "{0,time,short}", "{0,choice,0#none|1#one|1<many}",
            "'{0}'", "''{0}''", "it's {0}", "it''s {0}", "'quoted", "{0", "{0,", "{0,unknown}", "{x}", "{ 0}",
            "{-1}", "{0,number,#.#.#}", "a {b} then {0}", "first { then {1}", "{a}{b}{c} {0}", "{\u0661}",
            "\u0661{0}", "unterminated '{0}", "{0}{1}{2}{3}{4}{5}", "trailing {", "{{0}}", "{0}}", "x{0,number}y",
            "\n{0}\r\n", "{0} \u2028 {1}");

    static final List<Object[]> PARAMETERS = parameters();

    private static List<Object[]> parameters() {
        List<Object[]> all = new ArrayList<>();
        all.add(null);
        all.add(new Object[0]);
        all.add(new Object[] {null});
        all.add(new Object[] {"one"});
        all.add(new Object[] {42});
        all.add(new Object[] {3.14159, "two"});
        all.add(new Object[] {"a", null, 7L});
        all.add(new Object[] {new Date(0), 1});
        all.add(new Object[] {List.of(1, 2), Level.INFO, 'c', true});
        all.add(new Object[] {new Object() {
            @Override
            public String toString() {
                return null;
            }
        }});
        all.add(new Object[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        return all;
    }

    @Test
    void everyPatternWithEveryParameterListFormatsAsJulDoes() {
        LineEncoder encoder = new LineEncoder(TestLines.json(), TraceContext.NONE);
        int compared = 0;
        for (String pattern : PATTERNS) {
            for (Object[] parameters : PARAMETERS) {
                LogRecord record = new LogRecord(Level.INFO, pattern);
                record.setParameters(parameters);
                String expected = JUL.formatMessage(record);
                assertEquals(expected, PositionalMessage.format(record),
                        () -> "pattern " + pattern + " with " + java.util.Arrays.toString(parameters));
                assertEquals(expected, TestLines.parse(encoder.format(record)).getString("event"),
                        () -> "the line of " + pattern + " with " + java.util.Arrays.toString(parameters));
                compared++;
            }
        }
        assertEquals(PATTERNS.size() * PARAMETERS.size(), compared);
    }

    @Test
    void resourceBundlesAreAppliedAsJulDoes() {
        ResourceBundle bundle = new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {{"greeting", "hello {0}"}, {"plain", "no parameters"}};
            }
        };
        for (String key : List.of("greeting", "plain", "missing {0}")) {
            for (Object[] parameters : PARAMETERS) {
                LogRecord record = new LogRecord(Level.INFO, key);
                record.setResourceBundle(bundle);
                record.setParameters(parameters);
                assertEquals(JUL.formatMessage(record), PositionalMessage.format(record), key);
            }
        }
    }

    @Test
    void aNullMessageIsAnEmptyEventWhereJulReturnsNull() {
        LogRecord record = new LogRecord(Level.INFO, null);
        record.setParameters(new Object[] {1});
        // JUL returns null here; a line needs text, and the event field has always been "" for a null message.
        assertEquals(null, JUL.formatMessage(record));
        assertEquals("", TestLines.json(TestLines.json(), record).getString("event"));
    }
}
