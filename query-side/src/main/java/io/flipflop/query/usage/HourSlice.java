package io.flipflop.query.usage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The part of a time span that falls into one hour. */
record HourSlice(Instant hour, long millis) {

    /** [{@code from}, {@code to}) cut at hour boundaries; nothing when {@code to} is not after {@code from}. */
    static List<HourSlice> of(Instant from, Instant to) {
        List<HourSlice> slices = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            Instant hour = start.truncatedTo(ChronoUnit.HOURS);
            Instant end = hour.plus(1, ChronoUnit.HOURS);
            Instant sliceEnd = end.isBefore(to) ? end : to;
            slices.add(new HourSlice(hour, sliceEnd.toEpochMilli() - start.toEpochMilli()));
            start = sliceEnd;
        }
        return slices;
    }
}
