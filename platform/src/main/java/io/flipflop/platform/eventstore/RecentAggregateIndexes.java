package io.flipflop.platform.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The global index of the newest event this node has seen per aggregate (loaded or appended), for the most
 * recently used aggregates. An append must land above it, so each aggregate's events keep their order in the
 * global stream even when command nodes hand out indexes from blocks they reserved earlier.
 */
final class RecentAggregateIndexes {

    private final Map<String, Long> indexes;

    RecentAggregateIndexes(int capacity) {
        this.indexes = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void record(String aggregateIdentifier, long globalIndex) {
        indexes.merge(aggregateIdentifier, globalIndex, Math::max);
    }

    /** The index the aggregate's next event must exceed, or null when this node does not know it. */
    synchronized Long lastIndexOf(String aggregateIdentifier) {
        return indexes.get(aggregateIdentifier);
    }
}
