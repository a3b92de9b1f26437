package io.flipflop.platform.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * Hands out global indexes from blocks reserved on a counter document ({@code findOneAndUpdate $inc}).
 * <p>
 * A block is only used for a short lease: indexes are always handed out within {@code lease} of their block's
 * reservation, so a reader may call a gap dead once the document after it was reserved longer ago than the gap
 * timeout (which must exceed lease + append latency + clock skew). The block size adapts: it doubles while blocks
 * are used up within their lease and halves when a lease expires, so a busy writer pays one counter round trip
 * per many appends and an idle one leaves few indexes behind. Indexes left in a block that is given up are
 * returned as {@link Allocation#abandoned()} so the caller writes tombstones there.
 */
final class GlobalIndexAllocator {

    private static final String VALUE = "value";

    private final MongoCollection<Document> counters;
    private final String counterId;
    private final int maxBlock;
    private final long leaseMillis;
    private final Clock clock;

    private long next = 1;
    private long last;
    private long reservedAt = Long.MIN_VALUE / 2;
    private int blockSize = 1;

    GlobalIndexAllocator(MongoCollection<Document> counters, String counterId, int maxBlock, Duration lease,
                         Clock clock) {
        this.counters = counters;
        this.counterId = counterId;
        this.maxBlock = maxBlock;
        this.leaseMillis = lease.toMillis();
        this.clock = clock;
    }

    /**
     * @param count how many consecutive indexes the append needs
     * @param floor every index handed out must exceed this one (the newest known event of the aggregates
     *              written); {@link Long#MAX_VALUE} forces a fresh block, which exceeds every index reserved so far
     */
    synchronized Allocation allocate(int count, long floor) {
        long now = clock.millis();
        boolean leased = now - reservedAt < leaseMillis;
        if (leased && next > floor && last - next + 1 >= count) {
            long first = next;
            next += count;
            return new Allocation(first, reservedAt, Range.EMPTY);
        }
        Range abandoned = new Range(next, last, reservedAt);
        if (!leased) {
            blockSize = Math.max(1, blockSize / 2);
        } else if (abandoned.isEmpty()) {
            blockSize = Math.min(maxBlock, blockSize * 2);
        }
        int size = Math.max(count, blockSize);
        // The time is taken before the reservation, so the lease can only end early, never late.
        reservedAt = now;
        last = reserve(size);
        next = last - size + 1;
        long first = next;
        next += count;
        return new Allocation(first, reservedAt, abandoned);
    }

    /** The highest index reserved by any writer; events may still be on their way to those below it. */
    long head() {
        Document counter = counters.find(eq("_id", counterId)).first();
        return counter == null ? 0 : counter.getLong(VALUE);
    }

    /**
     * The highest index that may hold an event: the counter's head, but while this node holds the newest block, its
     * indexes not handed out yet are nobody's (measured: a caught-up reader otherwise read them, 100 lookups, at
     * every poll that found nothing new).
     */
    long highestHandedOut() {
        long head = head(); // read outside the lock: allocations need not wait for this round trip
        synchronized (this) {
            return head == last ? next - 1 : head;
        }
    }

    private long reserve(int size) {
        Document counter = counters.findOneAndUpdate(eq("_id", counterId), Updates.inc(VALUE, (long) size),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.getLong(VALUE);
    }

    /** Indexes {@code first … first+count-1} for one append, all reserved at {@code reservedAt}. */
    record Allocation(long first, long reservedAt, Range abandoned) {
    }

    /** Indexes {@code from … to} (empty when {@code to < from}) of a block reserved at {@code reservedAt}. */
    record Range(long from, long to, long reservedAt) {

        static final Range EMPTY = new Range(1, 0, 0);

        boolean isEmpty() {
            return to < from;
        }

        int size() {
            return isEmpty() ? 0 : (int) (to - from + 1);
        }
    }
}
