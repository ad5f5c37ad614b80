package dev.observe.ee.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class UnknownKeysTest {

    @Test
    void aTypoIsReportedWithTheClosestKey() {
        assertEquals(List.of("observe-ee: unknown configuration key 'observe.log.fromat' is ignored; did you mean "
                + "'observe.log.format'?"), MapConfig.of("observe.log.fromat", "json").read(UnknownKeys::warnings));
        assertEquals("observe.sampling.ratio", UnknownKeys.closest("observe.sampling.rate"));
    }

    @Test
    void knownKeysCategoriesProfilesAndOtherPrefixesAreNotReported() {
        assertEquals(List.of(), MapConfig.of("observe.log.format", "json",
                "observe.log.category.\"com.acme\".level", "DEBUG", "%prod.observe.sampling.ratio", "0.1",
                "otel.service.name", "orders", "observe.service.version", "1.2.3").read(UnknownKeys::warnings));
    }
}
