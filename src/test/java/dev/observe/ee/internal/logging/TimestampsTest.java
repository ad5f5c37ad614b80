package dev.observe.ee.internal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void formatsWithMicrosecondsInUtc() {
        assertEquals("2024-01-15T14:32:01.123456Z", iso(Instant.parse("2024-01-15T14:32:01.123456789Z")));
        assertEquals("1970-01-01T00:00:00.000000Z", iso(Instant.EPOCH));
        assertEquals("2000-02-29T23:59:59.999999Z", iso(Instant.parse("2000-02-29T23:59:59.999999999Z")));
        assertEquals("1969-12-31T23:59:59.500000Z", iso(Instant.parse("1969-12-31T23:59:59.5Z")));
    }

    @Property(tries = 5000)
    void agreesWithJavaTime(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(second, nanos);
        assertEquals(MICROS.format(instant), iso(instant));
    }

    private static String iso(Instant instant) {
        JsonBuffer buffer = new JsonBuffer(8);
        Timestamps.writeIso(buffer, instant.getEpochSecond(), instant.getNano());
        return buffer.toString();
    }
}
