package dev.observe.ee.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0f8fad5b-d9cb-469f-a165-70867728950e", "01ARZ3NDEKTSV4RRFFQ69G5FAV",
            "1-67891233-abcdef012345678912345678", "a.b_c-d:e", "Z"})
    void acceptsWellFormedIds(String id) {
        assertTrue(RequestIds.isWellFormed(id));
        assertEquals(id, RequestIds.acceptOrGenerate(id));
    }

    @Test
    void acceptsExactlyMaxLength() {
        assertTrue(RequestIds.isWellFormed("a".repeat(RequestIds.MAX_LENGTH)));
        assertFalse(RequestIds.isWellFormed("a".repeat(RequestIds.MAX_LENGTH + 1)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "$(reboot)", "a;b", "a|b", "a&b", "`id`", "a\"b", "a'b", "<script>",
            "a\nb", "a\r\nX-Injected: 1", "a\tb", "caf\u00e9", "\u00c3\u00a9", "a\u0000b", "id,other", "a/b", "Root=1-abc",
            "a\u2028b", "\ud83d\ude00"})
    void replacesMalformedIds(String id) {
        assertFalse(RequestIds.isWellFormed(id));
        String replacement = RequestIds.acceptOrGenerate(id);
        assertNotEquals(id, replacement);
        assertEquals(replacement, UUID.fromString(replacement).toString());
    }

    @Test
    void generatedIdsAreWellFormedAndDistinct() {
        String first = RequestIds.generate();
        assertTrue(RequestIds.isWellFormed(first));
        assertNotEquals(first, RequestIds.generate());
    }

    @Test
    void generatedIdsAreVersionFourUuids() {
        for (int i = 0; i < 1000; i++) {
            java.util.UUID id = java.util.UUID.fromString(RequestIds.generate());
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
        }
    }
}
