package dev.observe.ee.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class JsonBufferTest {

    /** Every string, however broken its UTF-16, becomes a JSON string in valid UTF-8 that decodes back to it. */
    @Property(tries = 3000)
    void anyStringRoundTrips(@ForAll("hostileStrings") String text) throws CharacterCodingException {
        JsonBuffer buffer = new JsonBuffer(16);
        buffer.raw('[');
        buffer.string(text);
        buffer.raw(']');

        String decoded = strictUtf8(buffer);
        assertFalse(decoded.contains("\n") || decoded.contains("\r") || decoded.contains("\u2028")
                || decoded.contains("\u2029"), "one line, also for JavaScript");
        try (JsonReader reader = Json.createReader(new StringReader(decoded))) {
            JsonArray array = reader.readArray();
            assertEquals(text, array.getString(0));
        }
    }

    @Provide
    Arbitrary<String> hostileStrings() {
        Arbitrary<Character> anyChar = Arbitraries.chars().all();
        Arbitrary<Character> tricky = Arbitraries.of('\n', '\r', '\t', '"', '\\', '\u0000', '\u001b', '\u007f',
                '\u2028', '\u2029', '\ud800', '\udbff', '\udc00', '\udfff', '\ufffe', 'é', '漢');
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, anyChar), net.jqwik.api.Tuple.of(1, tricky))
                .list().ofMaxSize(64)
                .map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
    }

    @Test
    void escapesControlCharactersQuotesAndLineSeparators() {
        JsonBuffer buffer = new JsonBuffer(4);
        buffer.string("a\"b\\c\nd\re\tf\u0001g\u007fh\u2028i\u2029");
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u007fh\\u2028i\\u2029\"", buffer.toString());
    }

    @Test
    void writesLoneSurrogatesAsEscapesAndPairsAsUtf8() throws CharacterCodingException {
        JsonBuffer buffer = new JsonBuffer(4);
        buffer.string("\ud83d\ude00|\ud800|\udc00");
        assertEquals("\"\ud83d\ude00|\\ud800|\\udc00\"", strictUtf8(buffer));
    }

    @Test
    void writesNumbersAsJsonNumbers() {
        JsonBuffer buffer = new JsonBuffer(4);
        for (long value : new long[] {0, 7, -7, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            buffer.reset();
            buffer.number(value);
            assertEquals(Long.toString(value), buffer.toString());
        }
        buffer.reset();
        buffer.number(99.99);
        assertEquals("99.99", buffer.toString());
        buffer.reset();
        buffer.number(3.0);
        assertEquals("3.0", buffer.toString());
    }

    @Test
    void nanAndInfinityBecomeStrings() {
        JsonBuffer buffer = new JsonBuffer(4);
        buffer.raw('[');
        buffer.number(Double.NaN);
        buffer.raw(',');
        buffer.number(Double.POSITIVE_INFINITY);
        buffer.raw(',');
        buffer.number(Double.NEGATIVE_INFINITY);
        buffer.raw(']');
        assertEquals("[\"NaN\",\"Infinity\",\"-Infinity\"]", buffer.toString());
    }

    @Test
    void growsFromTinyCapacity() {
        JsonBuffer buffer = new JsonBuffer(1);
        String text = "x".repeat(10_000) + "漢".repeat(1000);
        buffer.string(text);
        assertTrue(buffer.size() > 13_000);
        assertEquals("\"" + text + "\"", buffer.toString());
    }

    private static String strictUtf8(JsonBuffer buffer) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(buffer.array(), 0, buffer.size()))
                .toString();
    }
}
