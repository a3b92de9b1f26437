package io.flipflop.query.usage;

import io.flipflop.platform.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The period and granularity a usage report is asked for: {@code from} (default: 30 days before {@code to}),
 * {@code to} (default: now), ISO-8601 instants; {@code granularity} {@code day} (default) or {@code hour}. A
 * report covers every whole hour the period touches, and at most {@value #MAX_DAYS} days.
 */
record UsageRange(Instant from, Instant to, Granularity granularity) {

    static final int MAX_DAYS = 366;
    static final String INVALID_RANGE = "INVALID_USAGE_RANGE";
    static final String INVALID_GRANULARITY = "INVALID_GRANULARITY";

    enum Granularity { DAY, HOUR }

    static UsageRange parse(String from, String to, String granularity, Instant now) {
        Instant end = instant("to", to, now);
        Instant start = instant("from", from, end.minus(Duration.ofDays(30)));
        if (!start.isBefore(end)) {
            throw ApiException.badRequest(INVALID_RANGE, "from must be before to");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw ApiException.badRequest(INVALID_RANGE, "A usage report covers at most " + MAX_DAYS + " days");
        }
        return new UsageRange(start, end, granularity(granularity));
    }

    String granularityName() {
        return granularity.name().toLowerCase(Locale.ROOT);
    }

    private static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(INVALID_RANGE, name + " must be an ISO-8601 instant such as "
                    + "2026-11-28T00:00:00Z, was " + value);
        }
    }

    private static Granularity granularity(String value) {
        if (value == null || value.isBlank()) {
            return Granularity.DAY;
        }
        return switch (value) {
            case "day" -> Granularity.DAY;
            case "hour" -> Granularity.HOUR;
            default -> throw ApiException.badRequest(INVALID_GRANULARITY, "granularity must be day or hour, was "
                    + value);
        };
    }
}
