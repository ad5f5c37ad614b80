package dev.observe.ee.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The typed, validated {@code observe.sampling.*} configuration of the error-keeping tail sampler
 * (docs/configuration.md, docs/tracing.md#sampling-keep-every-error).
 */
public final class SamplingSettings {

    public static final String RATIO = "observe.sampling.ratio";
    public static final String KEEP_ERRORS = "observe.sampling.keep-errors";
    public static final String KEEP_SLOWER_THAN = "observe.sampling.keep-slower-than";
    public static final String MAX_BUFFERED_SPANS = "observe.sampling.max-buffered-spans";

    static final int DEFAULT_MAX_BUFFERED_SPANS = 20_000;

    /** Keep everything, buffer nothing: what a user gets without any {@code observe.sampling.*} key. */
    public static final SamplingSettings KEEP_ALL = new SamplingSettings(1.0, true, null, DEFAULT_MAX_BUFFERED_SPANS);

    private final double ratio;
    private final boolean keepErrors;
    private final Duration keepSlowerThan;
    private final int maxBufferedSpans;

    public SamplingSettings(double ratio, boolean keepErrors, Duration keepSlowerThan, int maxBufferedSpans) {
        this.ratio = ratio;
        this.keepErrors = keepErrors;
        this.keepSlowerThan = keepSlowerThan;
        this.maxBufferedSpans = maxBufferedSpans;
    }

    /** Reads the {@code observe.sampling.*} keys; a bad value is a problem of the reader (its default used). */
    static SamplingSettings read(ConfigReader reader) {
        double ratio = reader.parsed(RATIO, SamplingSettings::parseRatio, "a number from 0 to 1, such as 0.1")
                .orElse(1.0);
        boolean keepErrors = reader.bool(KEEP_ERRORS).orElse(true);
        Duration slower = reader.parsed(KEEP_SLOWER_THAN, SamplingSettings::parseDuration,
                "a duration such as 500ms, 2s, 1m or PT0.5S (or off)").orElse(null);
        int maxBuffered = reader.integer(MAX_BUFFERED_SPANS, 100, 10_000_000).orElse(DEFAULT_MAX_BUFFERED_SPANS);
        return new SamplingSettings(ratio, keepErrors, slower != null && slower.isZero() ? null : slower,
                maxBuffered);
    }

    static Double parseRatio(String value) {
        try {
            double ratio = Double.parseDouble(value.trim());
            return ratio >= 0.0 && ratio <= 1.0 ? ratio : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}, an ISO-8601 duration, or {@code off} (zero). */
    static Duration parseDuration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.equals("off") || text.equals("none")) {
            return Duration.ZERO;
        }
        try {
            if (text.startsWith("p")) {
                Duration parsed = Duration.parse(text.toUpperCase(Locale.ROOT));
                return parsed.isNegative() ? null : parsed;
            }
            String[][] units = {{"ms", "MILLIS"}, {"s", "SECONDS"}, {"m", "MINUTES"}, {"h", "HOURS"}};
            for (String[] unit : units) {
                if (text.endsWith(unit[0])) {
                    long amount = Long.parseLong(text.substring(0, text.length() - unit[0].length()).trim());
                    return amount < 0 ? null
                            : Duration.of(amount, java.time.temporal.ChronoUnit.valueOf(unit[1]));
                }
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return null;
        }
        return null;
    }

    /** The share of traces without an error (and not slow) that is kept, decided from the trace id. */
    public double ratio() {
        return ratio;
    }

    public boolean keepErrors() {
        return keepErrors;
    }

    /** Traces whose local root took longer are kept; empty when off. */
    public Optional<Duration> keepSlowerThan() {
        return Optional.ofNullable(keepSlowerThan);
    }

    public int maxBufferedSpans() {
        return maxBufferedSpans;
    }

    /** Whether anything is ever dropped: with ratio 1 every trace is kept and nothing needs buffering. */
    public boolean samples() {
        return ratio < 1.0;
    }
}
