package io.flipflop.api.usage;

/**
 * Usage a media worker measured. Not events of an aggregate: the worker publishes them on the event bus as
 * plain event messages, compact summaries (never one per HTTP request), so they land in the event store and the
 * usage projection can replay them like any other event.
 */
public sealed interface UsageEvent permits PlaybackUsageReported, StorageMeasured {
    long appId();

    String workerId();
}
