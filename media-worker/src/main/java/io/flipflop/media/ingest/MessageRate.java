package io.flipflop.media.ingest;

import java.util.function.LongSupplier;

/**
 * A token bucket over a connection's messages: {@code perSecond} on average, bursts of up to two seconds' worth
 * (a publisher catching up after a network hiccup). A real publisher sends about 80 messages a second (30 video
 * frames, 47 AAC frames); a flood of tiny messages burns CPU without carrying media and ends the connection.
 */
final class MessageRate {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    MessageRate(int perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = 2.0 * perSecond;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    static MessageRate perSecond(int perSecond) {
        return new MessageRate(perSecond, System::nanoTime);
    }

    void admit() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
        last = now;
        if (tokens < 1) {
            throw new RtmpProtocolException("More than " + (int) perSecond + " messages per second");
        }
        tokens--;
    }
}
