package io.flipflop.platform.eventstore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the event store ({@code flipflop.event-store.*}); the defaults suit both deployments.
 *
 * @param batchSize         events per aggregate load or tracking read round trip
 * @param gapTimeout        how long a reader waits for a missing global index before dropping the gap
 * @param maxIndexBlock     most global indexes a node reserves at once (1: one counter round trip per append)
 * @param indexLease        how long a reserved block may be drawn from; far below the gap timeout
 * @param fetchDelay        how often a reader polls when idle; other nodes' events show up this late at worst
 * @param snapshotThreshold events after which an aggregate using the "snapshotTrigger" bean is snapshotted
 * @param cachedSnapshotThreshold events after which an aggregate using the "cachedSnapshotTrigger" bean is
 *                          snapshotted: one kept in the "aggregateCache", so loaded from its events only when it is not
 *                          in the cache (at start, or evicted), which needs snapshots less often
 * @param aggregateCacheSize most aggregates the "aggregateCache" bean keeps loaded
 * @param processorSegments segments a tracking processor's token is split into when first created
 * @param caughtUpFetchInterval the least time between a caught-up reader's fetches, so it takes several appends'
 *                          events at once instead of fetching once per append; a read model shows an event this much
 *                          later at worst
 */
@ConfigurationProperties("flipflop.event-store")
public record EventStoreSettings(Integer batchSize, Duration gapTimeout, Integer maxIndexBlock, Duration indexLease,
                                 Duration fetchDelay, Integer snapshotThreshold, Integer cachedSnapshotThreshold,
                                 Integer aggregateCacheSize, Integer processorSegments,
                                 Duration caughtUpFetchInterval) {

    public EventStoreSettings {
        batchSize = batchSize == null ? 100 : batchSize;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        maxIndexBlock = maxIndexBlock == null ? 128 : maxIndexBlock;
        indexLease = indexLease == null ? Duration.ofSeconds(1) : indexLease;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(100) : fetchDelay;
        snapshotThreshold = snapshotThreshold == null ? 100 : snapshotThreshold;
        cachedSnapshotThreshold = cachedSnapshotThreshold == null ? 500 : cachedSnapshotThreshold;
        aggregateCacheSize = aggregateCacheSize == null ? 10_000 : aggregateCacheSize;
        processorSegments = processorSegments == null ? 1 : processorSegments;
        caughtUpFetchInterval = caughtUpFetchInterval == null ? Duration.ofMillis(5) : caughtUpFetchInterval;
    }
}
