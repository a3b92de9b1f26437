package io.flipflop.platform.eventstore;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static io.flipflop.platform.eventstore.EventDocuments.ID;
import static io.flipflop.platform.eventstore.EventDocuments.KEY;
import static io.flipflop.platform.eventstore.EventDocuments.SEQUENCE;
import static io.flipflop.platform.eventstore.EventDocuments.key;
import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertStrictPositive;
import static org.axonframework.common.BuilderUtils.assertThat;

/**
 * Axon's event storage on MongoDB in which every hot query is an equality or {@code $in} on a unique key, because
 * the embedded mongo-java-server uses nothing else (a secondary index or a range scans the collection).
 * <ul>
 *   <li>Append: one {@code insertMany} of documents keyed by global index; the unique {@code k}
 *       ("aggregate/sequence") makes exactly one of two concurrent appends win.</li>
 *   <li>Aggregate load: {@code k $in} the next batch of sequence numbers.</li>
 *   <li>Tracking: {@code _id $in} the next window of global indexes plus the token's gaps.</li>
 * </ul>
 * See docs/EVENT-STORE.md for the reasoning and the measurements.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    /** An append whose global indexes turn out to be used already is tried on fresh blocks this many times in all. */
    private static final int MAX_APPEND_ATTEMPTS = 3;

    public static final String EVENTS_COLLECTION = "domain_events";
    public static final String SNAPSHOTS_COLLECTION = "snapshot_events";
    public static final String COUNTERS_COLLECTION = "counters";
    public static final String GLOBAL_INDEX_COUNTER = "domain-events-global-index";

    /** Global indexes start at 1, so a reader that has seen nothing stands at 0. */
    private static final GapAwareTrackingToken START = GapAwareTrackingToken.newInstance(0, Set.of());
    /** Indexes below the head that a head token still waits for, covering blocks other nodes hold. */
    private static final int HEAD_WINDOW = 1000;
    /** A load's first window for an aggregate this node does not know, and past the newest event it knows. */
    private static final int FIRST_LOAD_WINDOW = 32;
    private static final int LOAD_MARGIN = 8;
    /** Sequence numbers probed per round trip when looking for an aggregate's last one. */
    private static final int PROBES = 64;
    private static final int TOKEN_AT_PROBE = 32;
    /** How far past the newest event it knows of a caught-up reader looks: events of other nodes land there. */
    static final int LOOK_AHEAD = 16;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final GlobalIndexAllocator allocator;
    private final RecentAggregateIndexes recentIndexes;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final Clock clock;
    /**
     * The highest global index this node has written or read. A reader caught up with it reads a window of only
     * {@link #LOOK_AHEAD} indexes past it, not {@code batchSize}: every index of an {@code _id $in} is a B-tree
     * lookup on the server, found or not, and most of a caught-up reader's window is empty.
     */
    private final AtomicLong highestSeen = new AtomicLong();
    private final long caughtUpFetchIntervalNanos;
    /**
     * When the last fetch of this thread's reader came back short of a batch ({@link System#nanoTime()}); absent
     * after a full batch. A reader is a thread: Axon's event producer or a processor's own stream fetches on one.
     */
    private final ThreadLocal<Long> caughtUpAt = new ThreadLocal<>();

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS_COLLECTION);
        this.snapshots = builder.database.getCollection(SNAPSHOTS_COLLECTION);
        this.allocator = new GlobalIndexAllocator(builder.database.getCollection(COUNTERS_COLLECTION),
                GLOBAL_INDEX_COUNTER, builder.maxIndexBlock, builder.indexLease, builder.clock);
        this.recentIndexes = new RecentAggregateIndexes(builder.recentAggregates);
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.clock = builder.clock;
        this.caughtUpFetchIntervalNanos = builder.caughtUpFetchInterval.toNanos();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the unique aggregate key index; safe to call on every start. */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(KEY), new IndexOptions().unique(true).name("aggregate_sequence"));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> messages = eventMessages.stream()
                .<DomainEventMessage<?>>map(EventUtils::asDomainEventMessage).toList();
        long floor = orderingFloor(messages);
        for (int attempt = 1; !tryAppend(messages, serializer, allocator.allocate(messages.size(), floor)); attempt++) {
            if (attempt == MAX_APPEND_ATTEMPTS) {
                throw new EventStoreException("The global indexes reserved for this append were already used, "
                        + attempt + " times: the counter '" + GLOBAL_INDEX_COUNTER + "' is behind the events");
            }
            floor = Long.MAX_VALUE; // a fresh block
        }
    }

    /**
     * Writes the events at the allocation's indexes; false, with nothing of them left (tombstones in their place),
     * when one of those indexes was already used, so the append needs new ones. That happens when the counter's
     * {@code $inc} handed a block out twice (seen once on the embedded server under heavy load, see EVENT-STORE.md),
     * or when the counter was restored behind the events.
     */
    private boolean tryAppend(List<DomainEventMessage<?>> messages, Serializer serializer,
                              GlobalIndexAllocator.Allocation allocation) {
        GlobalIndexAllocator.Range abandoned = allocation.abandoned();
        List<Document> documents = new ArrayList<>(abandoned.size() + messages.size());
        for (long index = abandoned.from(); index <= abandoned.to(); index++) {
            documents.add(EventDocuments.tombstone(index, abandoned.reservedAt()));
        }
        Map<String, Document> newestInBatch = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            DomainEventMessage<?> message = messages.get(i);
            Document document = EventDocuments.event(message, allocation.first() + i, allocation.reservedAt(),
                    serializer, previousHash(message, newestInBatch));
            documents.add(document);
            newestInBatch.put(message.getAggregateIdentifier(), document);
        }
        try {
            events.insertMany(documents);
        } catch (MongoBulkWriteException e) {
            BulkWriteError error = e.getWriteErrors().get(0);
            int failed = error.getIndex() - abandoned.size();
            if (failed < 0) {
                if (error.getCode() != DuplicateKeyResolver.DUPLICATE_KEY) {
                    throw new EventStoreException("Could not write tombstones at abandoned global indexes", e);
                }
                // an abandoned index was already used; the ordered insert wrote none of the events after it
                voidAppend(allocation, 0, messages.size());
                return false;
            }
            voidAppend(allocation, failed, messages.size());
            DomainEventMessage<?> loser = messages.get(failed);
            if (error.getCode() == DuplicateKeyResolver.DUPLICATE_KEY && !takenByAnotherEvent(loser)) {
                return false; // the global index was taken, not the aggregate's sequence
            }
            handlePersistenceException(e, loser);
        } catch (MongoException e) {
            // The outcome is unknown; indexes not written become gaps that readers drop after the gap timeout.
            handlePersistenceException(e, messages.get(0));
        }
        highestSeen.accumulateAndGet(allocation.first() + messages.size() - 1, Math::max);
        for (int i = 0; i < messages.size(); i++) {
            DomainEventMessage<?> message = messages.get(i);
            if (message.getType() != null) {
                recentIndexes.record(message.getAggregateIdentifier(), allocation.first() + i,
                        message.getSequenceNumber(), EventDocuments.hash(documents.get(abandoned.size() + i)));
            }
        }
        return true;
    }

    /**
     * The hash of the event at sequence n-1 of the same aggregate, without a scan: the previous event of this batch,
     * else the newest event this node loaded or appended, else one {@code k} lookup. Null for a first event, and
     * when the predecessor does not exist (the verifier then reports the chain broken there).
     */
    private String previousHash(DomainEventMessage<?> message, Map<String, Document> newestInBatch) {
        long previous = message.getSequenceNumber() - 1;
        if (previous < 0) {
            return null;
        }
        String aggregate = message.getAggregateIdentifier();
        Document inBatch = newestInBatch.get(aggregate);
        if (inBatch != null && inBatch.getLong(SEQUENCE) == previous) {
            return EventDocuments.hash(inBatch);
        }
        String known = recentIndexes.hashAt(aggregate, previous);
        if (known != null) {
            return known;
        }
        Document stored = events.find(eq(KEY, key(aggregate, previous))).first();
        return stored == null ? null : EventDocuments.hash(stored);
    }

    /**
     * The index every event of this append must exceed: the newest known index of each aggregate that already has
     * events. An aggregate this node knows nothing about asks for a fresh block, which exceeds all indexes so far.
     */
    private long orderingFloor(List<DomainEventMessage<?>> messages) {
        long floor = 0;
        Set<String> seen = new HashSet<>();
        for (DomainEventMessage<?> message : messages) {
            if (message.getType() == null || !seen.add(message.getAggregateIdentifier())
                    || message.getSequenceNumber() == 0) {
                continue;
            }
            Long known = recentIndexes.lastIndexOf(message.getAggregateIdentifier());
            if (known == null) {
                return Long.MAX_VALUE;
            }
            floor = Math.max(floor, known);
        }
        return floor;
    }

    /**
     * Without transactions a batch that lost on one aggregate may already have written the events before it. They
     * are replaced, with the indexes never written, by tombstones: aggregate loads no longer see them and readers
     * skip the whole block at once.
     */
    private void voidAppend(GlobalIndexAllocator.Allocation allocation, int written, int count) {
        if (written > 0) {
            List<Long> writtenIndexes = new ArrayList<>(written);
            for (int i = 0; i < written; i++) {
                writtenIndexes.add(allocation.first() + i);
            }
            events.deleteMany(in(ID, writtenIndexes));
        }
        List<Document> tombstones = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tombstones.add(EventDocuments.tombstone(allocation.first() + i, allocation.reservedAt()));
        }
        try {
            events.insertMany(tombstones, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // An index a reader already tombstoned as a dead gap (or one never written) is passed by readers as is.
            if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DuplicateKeyResolver.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private boolean takenByAnotherEvent(DomainEventMessage<?> event) {
        return events.find(eq(KEY, key(event.getAggregateIdentifier(), event.getSequenceNumber()))).first() != null;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        try {
            // Replaces only an older snapshot; against a newer one the upsert collides on _id and changes nothing.
            snapshots.replaceOne(and(eq(ID, snapshot.getAggregateIdentifier()),
                            lt(SEQUENCE, snapshot.getSequenceNumber())),
                    EventDocuments.snapshot(snapshot, serializer), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getCode() != DuplicateKeyResolver.DUPLICATE_KEY) {
                throw new EventStoreException("Could not store snapshot of " + snapshot.getAggregateIdentifier(), e);
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq(ID, aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(EventDocuments.toEntry(snapshot));
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        // The event before the batch is fetched too: its global index is the floor for this aggregate's next
        // append, also when the aggregate came from a snapshot and no event follows it.
        long from = Math.max(0, firstSequenceNumber - 1);
        long end = firstSequenceNumber + batchSize;
        long firstWindowEnd = Math.min(end, firstSequenceNumber + firstWindow(aggregateIdentifier, firstSequenceNumber));
        List<Document> found = findByKey(aggregateIdentifier, from, firstWindowEnd);
        if (firstWindowEnd < end && found.stream().filter(document -> document.getLong(SEQUENCE) >= firstSequenceNumber)
                .count() == firstWindowEnd - firstSequenceNumber) {
            // every event of the first window exists: the aggregate may go on beyond it
            found.addAll(findByKey(aggregateIdentifier, firstWindowEnd, end));
        }
        found.sort(Comparator.comparingLong(document -> document.getLong(SEQUENCE)));
        List<DomainEventData<?>> batch = new ArrayList<>(found.size());
        long expected = firstSequenceNumber;
        for (Document document : found) {
            long sequence = document.getLong(SEQUENCE);
            if (sequence >= firstSequenceNumber) {
                if (sequence != expected) {
                    break;
                }
                batch.add(EventDocuments.toEntry(document));
                expected++;
            }
            recentIndexes.record(aggregateIdentifier, EventDocuments.globalIndex(document), sequence,
                    EventDocuments.hash(document));
        }
        return batch;
    }

    /**
     * How many sequence numbers a load asks for first: up to the newest event this node knows of the aggregate and
     * {@link #LOAD_MARGIN} more (events other nodes may have appended since), or {@link #FIRST_LOAD_WINDOW} for an
     * aggregate it does not know. Every key of a {@code k $in} is a B-tree lookup, found or not, and a load asked
     * for a whole batch (100) for an aggregate of 10 events; a window found full is followed by the rest of it.
     */
    private long firstWindow(String aggregateIdentifier, long firstSequenceNumber) {
        Long newest = recentIndexes.lastSequenceOf(aggregateIdentifier);
        return newest == null || newest < firstSequenceNumber - 1 ? FIRST_LOAD_WINDOW
                : newest - firstSequenceNumber + 1 + LOAD_MARGIN;
    }

    /** The aggregate's events with sequence numbers from {@code from} up to, not including, {@code to}. */
    private List<Document> findByKey(String aggregateIdentifier, long from, long to) {
        List<String> keys = new ArrayList<>((int) (to - from));
        for (long sequence = from; sequence < to; sequence++) {
            keys.add(key(aggregateIdentifier, sequence));
        }
        return events.find(in(KEY, keys)).into(new ArrayList<>());
    }

    /**
     * Sequence numbers of an aggregate are contiguous from 0, so "does sequence n exist" is monotone: a search with
     * {@value #PROBES} probes per {@code k $in} round trip finds the last one in a few lookups.
     */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long known = -1;
        long missing = Long.MAX_VALUE;
        List<Long> probes = new ArrayList<>();
        for (long sequence = 0; sequence < (1L << 62); sequence = sequence * 2 + 1) {
            probes.add(sequence);
        }
        while (!probes.isEmpty()) {
            Set<Long> existing = existingSequences(aggregateIdentifier, probes);
            for (long probe : probes) {
                if (existing.contains(probe)) {
                    known = Math.max(known, probe);
                } else if (probe > known) {
                    missing = Math.min(missing, probe);
                }
            }
            probes = between(known, missing);
        }
        return known < 0 ? Optional.empty() : Optional.of(known);
    }

    /**
     * The first sequence number of an aggregate whose event is stamped at or after {@code instant} (the last
     * sequence + 1 when none is), so a reader can start a long stream near a moment instead of at 0. A search by
     * timestamp with {@value #PROBES} probes per {@code k $in} round trip; it assumes one aggregate's timestamps
     * follow its sequence numbers, which holds up to the clock skew between the nodes that appended them.
     */
    public long firstSequenceAt(String aggregateIdentifier, Instant instant) {
        long low = 0;
        long high = lastSequenceNumberFor(aggregateIdentifier).map(last -> last + 1).orElse(0L);
        while (low < high) {
            long step = Math.max(1, (high - low) / PROBES);
            List<String> keys = new ArrayList<>(PROBES + 1);
            for (long sequence = low; sequence < high; sequence += step) {
                keys.add(key(aggregateIdentifier, sequence));
            }
            long firstAtOrAfter = high;
            long lastBefore = low - 1;
            for (Document probe : events.find(in(KEY, keys)).projection(new Document(SEQUENCE, 1)
                    .append(EventDocuments.TIMESTAMP, 1))) {
                long sequence = probe.getLong(SEQUENCE);
                if (EventDocuments.timestamp(probe).isBefore(instant)) {
                    lastBefore = Math.max(lastBefore, sequence);
                } else {
                    firstAtOrAfter = Math.min(firstAtOrAfter, sequence);
                }
            }
            if (step == 1) {
                return firstAtOrAfter;
            }
            if (lastBefore < low && firstAtOrAfter == high) {
                return low; // the probes found no events (a stream with holes): start early rather than loop
            }
            low = lastBefore + 1;
            high = firstAtOrAfter;
        }
        return low;
    }

    /**
     * Recomputes the hash chain of an aggregate from its stored documents, in {@code k $in} batches from sequence 0:
     * an event is broken when its stored hash is not the hash of its canonical form (it was changed), or its
     * {@code previousHash} is not the hash of the event before it, or an event before it is missing (seen when a
     * later one lies in the same batch). Stops at the first broken event. Snapshots are not part of the chain.
     */
    public HashChain.Verification verifyChain(String aggregateIdentifier) {
        String expectedPrevious = null;
        long sequence = 0;
        while (true) {
            List<String> keys = new ArrayList<>(batchSize());
            for (long next = sequence; next < sequence + batchSize(); next++) {
                keys.add(key(aggregateIdentifier, next));
            }
            List<Document> found = events.find(in(KEY, keys)).into(new ArrayList<>());
            found.sort(Comparator.comparingLong(document -> document.getLong(SEQUENCE)));
            for (Document document : found) {
                String hash = HashChain.hash(document);
                if (document.getLong(SEQUENCE) != sequence || !hash.equals(EventDocuments.hash(document))
                        || !Objects.equals(expectedPrevious, document.getString(EventDocuments.PREVIOUS_HASH))) {
                    return HashChain.Verification.brokenAt(sequence);
                }
                expectedPrevious = hash;
                sequence++;
            }
            if (found.size() < batchSize()) {
                return HashChain.Verification.intact(sequence);
            }
        }
    }

    private Set<Long> existingSequences(String aggregateIdentifier, List<Long> sequences) {
        List<String> keys = sequences.stream().map(sequence -> key(aggregateIdentifier, sequence)).toList();
        Set<Long> existing = new HashSet<>();
        events.find(in(KEY, keys)).projection(new Document(SEQUENCE, 1))
                .forEach(document -> existing.add(document.getLong(SEQUENCE)));
        return existing;
    }

    private static List<Long> between(long low, long high) {
        long width = high - low - 1;
        if (width <= 0) {
            return List.of();
        }
        long step = Math.max(1, width / PROBES);
        List<Long> probes = new ArrayList<>(PROBES + 1);
        for (long sequence = low + step; sequence < high; sequence += step) {
            probes.add(sequence);
        }
        return probes;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Unsupported token format: " + lastToken);
        }
        GapAwareTrackingToken start = lastToken == null ? START : (GapAwareTrackingToken) lastToken;
        pauseIfCaughtUp();
        // One lookup serves the next window, the gaps (have they been filled?) and the index after each gap
        // (how old is it? a gap older than the timeout is dropped, so tokens stay small).
        Set<Long> indexes = new HashSet<>();
        for (long gap : start.getGaps()) {
            indexes.add(gap);
            indexes.add(gap + 1);
        }
        long windowStart = start.getIndex() + 1;
        int window = firstWindow(start.getIndex(), batchSize);
        addWindow(indexes, windowStart, window);
        Set<Long> unseen = new HashSet<>();
        NavigableMap<Long, Document> found = read(indexes, unseen);
        if (!found.isEmpty()) {
            // a window found full to its end suggests more beyond it: the next read takes a whole batch
            long seen = found.lastKey() == windowStart + window - 1 ? found.lastKey() + batchSize : found.lastKey();
            highestSeen.accumulateAndGet(seen, Math::max);
        }

        List<TrackedEventData<?>> batch = new ArrayList<>();
        GapAwareTrackingToken token = collect(withoutDeadGaps(start, found), found, batch);
        long handedOut = -1;
        // A window without events is not the end of the stream while indexes above it are handed out: it may be
        // tombstones, or a block its writer died holding. Move on, so neither stalls the reader. The indexes of
        // this node's own block that it has not handed out yet hold nothing, so a caught-up reader stops there.
        while (batch.isEmpty()) {
            windowStart += window;
            window = batchSize;
            if (handedOut < 0) {
                handedOut = allocator.highestHandedOut();
            }
            if (windowStart > handedOut) {
                break;
            }
            Set<Long> next = new HashSet<>();
            addWindow(next, windowStart, window);
            token = collect(token, read(next, unseen), batch);
        }
        if (caughtUpFetchIntervalNanos > 0) {
            if (batch.size() < batchSize) {
                caughtUpAt.set(System.nanoTime());
            } else {
                caughtUpAt.remove();
            }
        }
        return batch;
    }

    /**
     * A reader whose last fetch caught up fetches again no sooner than the interval after it. Every commit in this
     * JVM wakes the readers at once, so without the pause a caught-up reader fetches once per append, and every
     * processor handles and stores its token for the one or two events each append brings: on one hot aggregate
     * with 4 callers, 0.35 event reads, 0.11 counter reads and 0.11 token writes per command, against 0.21, 0.01 and
     * 0.02 on distinct aggregates, where the readers lag and fetch whole batches (the benchmark on the eighth
     * session's code).
     */
    private void pauseIfCaughtUp() {
        Long caughtUp = caughtUpAt.get();
        if (caughtUp != null) {
            long wait = caughtUp + caughtUpFetchIntervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /**
     * Reads the documents at these indexes, then reads again those still missing below the highest one found.
     * A multi-document read is no snapshot: it may see an event but miss one its writer saw before appending
     * (the previous event of the same aggregate). Whatever was written before a document we saw is visible by the
     * time the first read returns, so one more read of the missing indexes finds it, and each aggregate's events
     * come out in order. {@code unseen} carries the missing indexes of earlier windows of the same fetch.
     */
    private NavigableMap<Long, Document> read(Set<Long> indexes, Set<Long> unseen) {
        NavigableMap<Long, Document> found = findByIndex(indexes);
        unseen.addAll(indexes);
        unseen.removeAll(found.keySet());
        if (!found.isEmpty()) {
            long highest = found.lastKey();
            List<Long> below = unseen.stream().filter(index -> index < highest).toList();
            if (!below.isEmpty()) {
                found.putAll(findByIndex(below));
                unseen.removeAll(found.keySet());
            }
        }
        return found;
    }

    /**
     * A reader far behind what this node has seen (a replay, catching up) reads whole batches; one close to it reads
     * up to {@link #LOOK_AHEAD} past it. The window only bounds how far one read looks: what lies beyond is read by
     * the next fetch, or by this one when the window comes back empty.
     */
    private int firstWindow(long index, int batchSize) {
        long behind = highestSeen.get() - index;
        return (int) Math.min(batchSize, Math.max(0, behind) + LOOK_AHEAD);
    }

    private static void addWindow(Set<Long> indexes, long from, int size) {
        for (long index = from; index < from + size; index++) {
            indexes.add(index);
        }
    }

    private NavigableMap<Long, Document> findByIndex(Collection<Long> indexes) {
        NavigableMap<Long, Document> found = new TreeMap<>();
        events.find(in(ID, indexes)).forEach(document -> found.put(EventDocuments.globalIndex(document), document));
        return found;
    }

    /** Adds the events above the token (or filling its gaps) to the batch, each with its token; skips tombstones. */
    private GapAwareTrackingToken collect(GapAwareTrackingToken token, NavigableMap<Long, Document> found,
                                          List<TrackedEventData<?>> batch) {
        for (Map.Entry<Long, Document> entry : found.entrySet()) {
            long index = entry.getKey();
            if (index <= token.getIndex() && !token.getGaps().contains(index)) {
                continue;
            }
            token = token.advanceTo(index, maxGapOffset);
            if (!EventDocuments.isTombstone(entry.getValue())) {
                batch.add(new TrackedDomainEventData<>(token, EventDocuments.toEntry(entry.getValue())));
            }
        }
        return token;
    }

    /**
     * A gap is dead when the index after it holds a document reserved longer ago than the gap timeout (indexes are
     * used within a short lease of their reservation, so the gap's writer had that long), or when the index after it
     * is a dead gap itself. Walking the gaps downwards settles a whole dead block in one pass.
     */
    private GapAwareTrackingToken withoutDeadGaps(GapAwareTrackingToken token, Map<Long, Document> found) {
        SortedSet<Long> gaps = token.getGaps();
        if (gaps.isEmpty()) {
            return token;
        }
        long cutoff = clock.millis() - gapTimeout.toMillis();
        Set<Long> dead = new HashSet<>();
        for (long gap : new TreeSet<>(gaps).descendingSet()) {
            if (found.containsKey(gap)) {
                continue;
            }
            Document after = found.get(gap + 1);
            if ((after != null && EventDocuments.reservedAt(after) < cutoff) || dead.contains(gap + 1)) {
                dead.add(gap);
            }
        }
        if (dead.isEmpty()) {
            return token;
        }
        List<Long> alive = gaps.stream().filter(gap -> !dead.contains(gap)).toList();
        return GapAwareTrackingToken.newInstance(token.getIndex(), alive);
    }

    @Override
    public TrackingToken createTailToken() {
        return START;
    }

    /**
     * Stands at the newest event among the last {@value #HEAD_WINDOW} reserved indexes, with a gap for each index
     * below it not written yet (blocks other nodes still draw from); everything above it is read anyway.
     */
    @Override
    public TrackingToken createHeadToken() {
        long head = allocator.head();
        Set<Long> window = new HashSet<>();
        long from = Math.max(1, head - HEAD_WINDOW + 1);
        addWindow(window, from, (int) (head - from + 1));
        NavigableMap<Long, Document> found = findByIndex(window);
        if (found.isEmpty()) {
            return GapAwareTrackingToken.newInstance(from - 1, Set.of());
        }
        long newest = found.lastKey();
        List<Long> gaps = LongStream.range(from, newest).filter(index -> !found.containsKey(index)).boxed().toList();
        return GapAwareTrackingToken.newInstance(newest, gaps);
    }

    /**
     * A binary search over global indexes by event timestamp, {@value #TOKEN_AT_PROBE} indexes per probe. Timestamps
     * follow the global order only roughly (concurrent writers), so events within an append's latency of the
     * instant may fall on either side; where a probe finds no event the search moves earlier, never later.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long low = 1;
        long high = allocator.head() + 1;
        while (low < high) {
            long middle = low + (high - low) / 2;
            Set<Long> probe = new HashSet<>();
            addWindow(probe, middle, (int) Math.min(TOKEN_AT_PROBE, high - middle));
            Optional<Document> event = findByIndex(probe).values().stream()
                    .filter(document -> !EventDocuments.isTombstone(document)).findFirst();
            if (event.isPresent() && EventDocuments.timestamp(event.get()).isBefore(dateTime)) {
                low = EventDocuments.globalIndex(event.get()) + 1;
            } else {
                high = middle;
            }
        }
        return GapAwareTrackingToken.newInstance(low - 1, Set.of());
    }

    /**
     * Builds a {@link MongoEventStorageEngine}. Defaults: batch size 100, gap timeout 60 s, max gap offset 10,000,
     * index blocks of up to 128 leased for 1 s, the last indexes of 10,000 aggregates remembered, no pause between a
     * caught-up reader's fetches, and the duplicate key resolver for MongoDB. The database is required.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private int maxIndexBlock = 128;
        private Duration indexLease = Duration.ofSeconds(1);
        private int recentAggregates = 10_000;
        private Clock clock = Clock.systemUTC();
        private Duration caughtUpFetchInterval = Duration.ZERO;

        public Builder() {
            persistenceExceptionResolver(new DuplicateKeyResolver());
        }

        public Builder database(MongoDatabase database) {
            assertNonNull(database, "The MongoDatabase may not be null");
            this.database = database;
            return this;
        }

        /** How long a reader waits for a missing global index before it counts the gap as dead. */
        public Builder gapTimeout(Duration gapTimeout) {
            assertNonNull(gapTimeout, "The gap timeout may not be null");
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            assertStrictPositive(maxGapOffset, "The max gap offset must be positive");
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** The largest block of global indexes reserved at once; 1 reserves per append. */
        public Builder maxIndexBlock(int maxIndexBlock) {
            assertStrictPositive(maxIndexBlock, "The max index block must be positive");
            this.maxIndexBlock = maxIndexBlock;
            return this;
        }

        /** How long a reserved block may be drawn from; must be well below the gap timeout. */
        public Builder indexLease(Duration indexLease) {
            assertNonNull(indexLease, "The index lease may not be null");
            this.indexLease = indexLease;
            return this;
        }

        public Builder recentAggregates(int recentAggregates) {
            assertStrictPositive(recentAggregates, "The number of recent aggregates must be positive");
            this.recentAggregates = recentAggregates;
            return this;
        }

        /**
         * The least time between a fetch of a tracking reader that caught up (found less than a batch) and its next
         * fetch; zero fetches at once.
         */
        public Builder caughtUpFetchInterval(Duration caughtUpFetchInterval) {
            assertNonNull(caughtUpFetchInterval, "The caught-up fetch interval may not be null");
            assertThat(caughtUpFetchInterval, interval -> !interval.isNegative(),
                    "The caught-up fetch interval may not be negative");
            this.caughtUpFetchInterval = caughtUpFetchInterval;
            return this;
        }

        public Builder clock(Clock clock) {
            assertNonNull(clock, "The clock may not be null");
            this.clock = clock;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder snapshotFilter(org.axonframework.eventsourcing.snapshotting.SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
            if (indexLease.compareTo(gapTimeout) >= 0) {
                throw new AxonConfigurationException("The index lease must be shorter than the gap timeout");
            }
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }
    }
}
