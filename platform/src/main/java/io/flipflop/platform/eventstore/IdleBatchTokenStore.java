package io.flipflop.platform.eventstore;

import java.time.InstantSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * A token store that writes the tokens of batches no handler took part in at most once per {@code interval} per
 * segment, and every other token at once.
 * <p>
 * Axon's tracking processor stores its token after every batch, even when none of its handlers wanted any of the
 * batch's events; then it stores it outside a unit of work, while a batch that was handled stores its token in
 * the batch's unit of work. With events arriving one command at a time, each processor paid a token write per
 * event it does not handle: measured, most of the token writes per command, each a round trip as costly as the
 * event's own append. Losing such a token (a crash before it is written) only makes the processor read those
 * events again after a restart and skip them again: no handler ever sees an event twice because of it.
 * <p>
 * Only a move forward is held back ({@link TrackingToken#covers} the last written token); a first token, a reset
 * (a replay token behind the stored position) or a token written in a unit of work goes to the store at once and
 * replaces whatever was held. A held token is written when the segment's claim is extended (the processor does so
 * whenever it waits a second without events), released or fetched, so it is never older than about a second.
 * Writes of one segment are serialized here, so a held token can never overwrite a newer one.
 */
public final class IdleBatchTokenStore implements TokenStore {

    private final TokenStore store;
    private final Duration interval;
    private final InstantSource clock;
    private final Map<SegmentKey, Slot> slots = new ConcurrentHashMap<>();

    public IdleBatchTokenStore(TokenStore store, Duration interval, InstantSource clock) {
        this.store = store;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        Slot slot = slot(processorName, segment);
        synchronized (slot) {
            boolean idleMoveForward = !CurrentUnitOfWork.isStarted() && movesForward(token, slot.written);
            if (idleMoveForward && clock.instant().isBefore(slot.writtenAt.plus(interval))) {
                slot.held = token;
                return;
            }
            write(slot, token, processorName, segment);
        }
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        Slot slot = slot(processorName, segment);
        synchronized (slot) {
            // writing the held token extends the claim too
            if (slot.held != null) {
                write(slot, slot.held, processorName, segment);
            } else {
                store.extendClaim(processorName, segment);
            }
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        Slot slot = slot(processorName, segment);
        synchronized (slot) {
            flush(slot, processorName, segment);
            store.releaseClaim(processorName, segment);
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return fetch(processorName, segment, () -> store.fetchToken(processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return fetch(processorName, segment.getSegmentId(), () -> store.fetchToken(processorName, segment));
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        Slot slot = slot(processorName, segment);
        synchronized (slot) {
            store.deleteToken(processorName, segment);
            slot.written = null;
            slot.held = null;
        }
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return store.retrieveStorageIdentifier();
    }

    /**
     * Tokens of different kinds cannot be compared ({@code covers} throws): the first token after a replay ends,
     * or after one starts, is written at once.
     */
    private static boolean movesForward(TrackingToken token, TrackingToken written) {
        return token != null && written != null && token.getClass() == written.getClass() && token.covers(written);
    }

    /** A fetch claims the segment and tells what the store holds, once whatever this node held back is written. */
    private TrackingToken fetch(String processorName, int segment, Supplier<TrackingToken> fetch) {
        Slot slot = slot(processorName, segment);
        synchronized (slot) {
            flush(slot, processorName, segment);
            TrackingToken token = fetch.get();
            slot.written = token;
            slot.writtenAt = clock.instant();
            return token;
        }
    }

    private void flush(Slot slot, String processorName, int segment) {
        if (slot.held != null) {
            write(slot, slot.held, processorName, segment);
        }
    }

    private void write(Slot slot, TrackingToken token, String processorName, int segment) {
        store.storeToken(token, processorName, segment);
        slot.written = token;
        slot.writtenAt = clock.instant();
        slot.held = null;
    }

    private Slot slot(String processorName, int segment) {
        return slots.computeIfAbsent(new SegmentKey(processorName, segment), key -> new Slot());
    }

    private record SegmentKey(String processorName, int segment) {
    }

    /** What this node last wrote for a segment, and the newer token it holds back, if any. */
    private static final class Slot {
        TrackingToken written;
        Instant writtenAt = Instant.MIN;
        TrackingToken held;
    }
}
