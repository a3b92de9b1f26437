package io.flipflop.platform.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The newest event this node has seen per aggregate (loaded or appended), for the most recently used aggregates:
 * <ul>
 *   <li>its global index: an append must land above it, so each aggregate's events keep their order in the global
 *       stream even when command nodes hand out indexes from blocks they reserved earlier;</li>
 *   <li>its sequence number and hash: the next event's {@code previousHash} without a lookup, and how far a load
 *       need look.</li>
 * </ul>
 */
final class RecentAggregateIndexes {

    private record Newest(long globalIndex, long sequence, String hash) {
    }

    private final Map<String, Newest> newest;

    RecentAggregateIndexes(int capacity) {
        this.newest = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Newest> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void record(String aggregateIdentifier, long globalIndex, long sequence, String hash) {
        newest.merge(aggregateIdentifier, new Newest(globalIndex, sequence, hash), (known, seen) -> new Newest(
                Math.max(known.globalIndex(), seen.globalIndex()),
                Math.max(known.sequence(), seen.sequence()),
                seen.sequence() >= known.sequence() ? seen.hash() : known.hash()));
    }

    /** The index the aggregate's next event must exceed, or null when this node does not know it. */
    synchronized Long lastIndexOf(String aggregateIdentifier) {
        Newest known = newest.get(aggregateIdentifier);
        return known == null ? null : known.globalIndex();
    }

    /** The sequence number of the aggregate's newest event known here, or null when this node does not know it. */
    synchronized Long lastSequenceOf(String aggregateIdentifier) {
        Newest known = newest.get(aggregateIdentifier);
        return known == null ? null : known.sequence();
    }

    /** The hash of the aggregate's event at {@code sequence}, or null unless that is the newest one known here. */
    synchronized String hashAt(String aggregateIdentifier, long sequence) {
        Newest known = newest.get(aggregateIdentifier);
        return known != null && known.sequence() == sequence ? known.hash() : null;
    }
}
