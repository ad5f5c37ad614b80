package dev.observe.ee.it.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An event, carrying back what its observer saw (span ids, request id), for the test to report. */
public class OrderPlaced {
    final Map<String, String> seen = new ConcurrentHashMap<>();
}
