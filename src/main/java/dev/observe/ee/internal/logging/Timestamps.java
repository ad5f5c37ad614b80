package dev.observe.ee.internal.logging;

/**
 * Writes instants as ISO-8601 UTC text with microseconds, {@code 2024-01-15T14:32:01.123456Z}, straight into a
 * buffer: no {@code DateTimeFormatter}, no intermediate strings, no cache that only pays off when many records
 * share a second.
 */
final class Timestamps {

    private static final long SECONDS_PER_DAY = 86_400;

    private Timestamps() {
    }

    static void writeIso(JsonBuffer out, long epochSecond, int nanos) {
        long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            // Outside what four digits hold: let the JDK format it; such records are never real log events.
            out.ascii(java.time.Instant.ofEpochSecond(epochSecond, nanos).toString());
            return;
        }
        out.digits((int) year, 4);
        out.raw('-');
        out.digits(month, 2);
        out.raw('-');
        out.digits(day, 2);
        out.raw('T');
        out.digits(secondOfDay / 3600, 2);
        out.raw(':');
        out.digits(secondOfDay / 60 % 60, 2);
        out.raw(':');
        out.digits(secondOfDay % 60, 2);
        out.raw('.');
        out.digits(nanos / 1000, 6);
        out.raw('Z');
    }
}
