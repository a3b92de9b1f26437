package io.flipflop.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against Axon's Mongo token store on the embedded server: which tokens reach the store, and when. */
class IdleBatchTokenStoreTest {

    private static final String PROCESSOR = "read-models";
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final EventStoreFixture fixture = new EventStoreFixture();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T12:00:00Z"));
    private MongoTokenStore mongo;
    private IdleBatchTokenStore tokens;

    @BeforeEach
    void aClaimedSegmentAtTen() {
        mongo = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(fixture.database()).build())
                .serializer(JacksonSerializer.defaultSerializer())
                .build();
        mongo.ensureIndexes();
        tokens = new IdleBatchTokenStore(mongo, INTERVAL, now::get);
        tokens.initializeTokenSegments(PROCESSOR, 1, token(10));
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(token(10));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aBatchNoHandlerTookIsHeldBackUntilTheClaimIsExtended() {
        tokens.storeToken(token(11), PROCESSOR, 0);
        tokens.storeToken(token(12), PROCESSOR, 0);
        assertThat(stored()).isEqualTo(token(10));

        tokens.extendClaim(PROCESSOR, 0);
        assertThat(stored()).isEqualTo(token(12));
    }

    @Test
    void aBatchNoHandlerTookIsWrittenOnceTheIntervalHasPassed() {
        tokens.storeToken(token(11), PROCESSOR, 0);
        now.set(now.get().plus(INTERVAL));
        tokens.storeToken(token(12), PROCESSOR, 0);
        assertThat(stored()).isEqualTo(token(12));

        tokens.storeToken(token(13), PROCESSOR, 0);
        assertThat(stored()).isEqualTo(token(12));
    }

    @Test
    void aHandledBatchIsWrittenAtOnceAndReplacesTheHeldToken() {
        tokens.storeToken(token(11), PROCESSOR, 0);
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("handled"))
                .execute(() -> tokens.storeToken(token(12), PROCESSOR, 0));
        assertThat(stored()).isEqualTo(token(12));

        // nothing older is written later
        tokens.extendClaim(PROCESSOR, 0);
        assertThat(stored()).isEqualTo(token(12));
    }

    @Test
    void aResetIsWrittenAtOnce() {
        TrackingToken replay = ReplayToken.createReplayToken(token(10), token(0));
        tokens.storeToken(replay, PROCESSOR, 0);
        assertThat(stored()).isEqualTo(replay);
    }

    @Test
    void theFirstTokenAfterAReplayIsWrittenAtOnce() {
        TrackingToken replay = ReplayToken.createReplayToken(token(12), token(10));
        tokens.storeToken(replay, PROCESSOR, 0);
        tokens.storeToken(token(13), PROCESSOR, 0);
        assertThat(stored()).isEqualTo(token(13));
    }

    @Test
    void releasingOrFetchingWritesTheHeldTokenFirst() {
        tokens.storeToken(token(11), PROCESSOR, 0);
        tokens.releaseClaim(PROCESSOR, 0);
        assertThat(stored()).isEqualTo(token(11));

        tokens.storeToken(token(12), PROCESSOR, 0);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(token(12));
    }

    /** What the store itself holds (the same node's claim, so reading it is allowed). */
    private TrackingToken stored() {
        return mongo.fetchToken(PROCESSOR, 0);
    }

    private static TrackingToken token(long index) {
        return new GlobalSequenceTrackingToken(index);
    }
}
