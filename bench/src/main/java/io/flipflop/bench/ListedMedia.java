package io.flipflop.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one live HLS media playlist has listed so far, followed across its sliding window: the duration of
 * every complete segment ever seen (by media sequence number) and the parts listed after the newest one.
 * Both servers start a stream's media at 0, so the sum is how much of the publisher's media is playable.
 */
final class ListedMedia {

    private final Map<Long, Double> segments = new ConcurrentHashMap<>();
    private volatile double newestPartEnd;
    private volatile long[] nextPart;

    /** Reads one version of the playlist. */
    void read(String playlist) {
        long sequence = 0;
        double parts = 0;
        int partCount = 0;
        for (String line : playlist.split("\n")) {
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("#EXT-X-PART:")) {
                parts += attribute(line, "DURATION");
                partCount++;
            } else if (line.startsWith("#EXTINF:")) {
                double duration = Double.parseDouble(line.substring(8, line.indexOf(',')));
                segments.put(sequence++, duration);
                parts = 0;
                partCount = 0;
            }
        }
        newestPartEnd = completeSeconds() + parts;
        nextPart = new long[] {sequence, partCount};
    }

    /** The part after the newest listed one, as a blocking reload asks for it: {msn, part index}. */
    long[] nextPart() {
        return nextPart;
    }

    /** Seconds of media in complete segments, from the stream's start. */
    double completeSeconds() {
        return segments.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Seconds of media listed, parts of the open segment included: the end of the newest part. */
    double newestPartEnd() {
        return newestPartEnd;
    }

    private static double attribute(String line, String name) {
        int at = line.indexOf(name + "=") + name.length() + 1;
        int end = line.indexOf(',', at);
        return Double.parseDouble(line.substring(at, end < 0 ? line.length() : end));
    }
}
