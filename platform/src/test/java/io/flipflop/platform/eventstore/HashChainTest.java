package io.flipflop.platform.eventstore;

import com.mongodb.client.model.Updates;
import io.flipflop.platform.eventstore.EventStoreFixture.Happened;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.mongodb.client.model.Filters.eq;
import static io.flipflop.platform.eventstore.EventStoreFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

class HashChainTest {

    private final EventStoreFixture fixture = new EventStoreFixture();

    @AfterEach
    void stopServer() {
        fixture.close();
    }

    @Test
    void eachEventCarriesItsPredecessorsHashAcrossBatchesAppendsAndNodes() {
        MongoEventStorageEngine engine = fixture.engine(builder -> builder.batchSize(4));
        engine.appendEvents(event("a", 0), event("a", 1), event("b", 0), event("a", 2));
        engine.appendEvents(event("a", 3));
        fixture.engine().appendEvents(event("a", 4));

        List<Document> stored = documentsOf("a");
        assertThat(stored.get(0).containsKey(EventDocuments.PREVIOUS_HASH)).isFalse();
        for (int sequence = 1; sequence < stored.size(); sequence++) {
            assertThat(stored.get(sequence).getString(EventDocuments.PREVIOUS_HASH))
                    .isEqualTo(stored.get(sequence - 1).getString(EventDocuments.HASH));
        }
        assertThat(engine.verifyChain("a")).isEqualTo(new HashChain.Verification(true, 5, null));
        assertThat(engine.verifyChain("b")).isEqualTo(new HashChain.Verification(true, 1, null));
    }

    @Test
    void nodesTakingTurnsOnOneAggregateKeepItsChain() {
        MongoEventStorageEngine first = fixture.engine();
        MongoEventStorageEngine second = fixture.engine();
        for (long step = 0; step < 6; step++) {
            (step % 2 == 0 ? first : second).appendEvents(event("a", step));
        }

        assertThat(first.verifyChain("a")).isEqualTo(new HashChain.Verification(true, 6, null));
    }

    @Test
    void loadedAndTrackedEventsCarryThePredecessorsHashInTheirMetaData() {
        MongoEventStorageEngine engine = fixture.engine();
        engine.appendEvents(event("a", 0), event("a", 1));
        List<Document> stored = documentsOf("a");

        List<? extends DomainEventMessage<?>> loaded = engine.readEvents("a").asStream().toList();
        List<TrackedEventMessage<?>> tracked = MongoEventStorageEngineTest.readAll(engine, null);

        assertThat(loaded.get(0).getMetaData()).doesNotContainKey(HashChain.PREVIOUS_HASH);
        assertThat(loaded.get(1).getMetaData().get(HashChain.PREVIOUS_HASH))
                .isEqualTo(stored.get(0).getString(EventDocuments.HASH));
        assertThat(tracked.get(1).getMetaData().get(HashChain.PREVIOUS_HASH))
                .isEqualTo(stored.get(0).getString(EventDocuments.HASH));
    }

    @Test
    void theChainContinuesAfterAnAggregateIsRestoredFromASnapshot() {
        MongoEventStorageEngine writer = fixture.engine();
        for (long step = 0; step < 6; step++) {
            writer.appendEvents(event("a", step));
        }
        writer.storeSnapshot(new GenericDomainEventMessage<>("Thing", "a", 5, new Happened("a", 5)));
        MongoEventStorageEngine restarted = fixture.engine();
        restarted.readSnapshot("a");
        restarted.readEvents("a", 6).asStream().count();
        fixture.takeFindFilters();

        restarted.appendEvents(event("a", 6));

        assertThat(fixture.takeFindFilters()).as("the predecessor's hash came with the load").isEmpty();
        assertThat(restarted.verifyChain("a")).isEqualTo(new HashChain.Verification(true, 7, null));
    }

    @Test
    void aPayloadChangedInTheDatabaseBreaksTheChainAtThatEvent() {
        MongoEventStorageEngine engine = fixture.engine();
        for (long step = 0; step < 5; step++) {
            engine.appendEvents(event("a", step));
        }

        fixture.database().getCollection(MongoEventStorageEngine.EVENTS_COLLECTION).updateOne(eq("k", "a/2"),
                Updates.set(EventDocuments.PAYLOAD, "{\"thing\":\"a\",\"step\":99}"));

        assertThat(engine.verifyChain("a")).isEqualTo(new HashChain.Verification(false, 3, 2L));
    }

    @Test
    void aTamperedEventWhoseHashWasRecomputedBreaksTheChainAtItsSuccessor() {
        MongoEventStorageEngine engine = fixture.engine();
        for (long step = 0; step < 5; step++) {
            engine.appendEvents(event("a", step));
        }
        Document tampered = documentsOf("a").get(2).append(EventDocuments.PAYLOAD, "{\"thing\":\"a\",\"step\":99}");
        tampered.put(EventDocuments.HASH, HashChain.hash(tampered));
        fixture.database().getCollection(MongoEventStorageEngine.EVENTS_COLLECTION)
                .replaceOne(eq("k", "a/2"), tampered);

        assertThat(engine.verifyChain("a")).isEqualTo(new HashChain.Verification(false, 4, 3L));
    }

    @Test
    void aDeletedEventBreaksTheChainWhereItIsMissing() {
        MongoEventStorageEngine engine = fixture.engine();
        for (long step = 0; step < 5; step++) {
            engine.appendEvents(event("a", step));
        }

        fixture.database().getCollection(MongoEventStorageEngine.EVENTS_COLLECTION).deleteOne(eq("k", "a/1"));

        assertThat(engine.verifyChain("a").firstBrokenSequence()).isEqualTo(1L);
    }

    private List<Document> documentsOf(String aggregate) {
        return fixture.database().getCollection(MongoEventStorageEngine.EVENTS_COLLECTION)
                .find(eq(EventDocuments.AGGREGATE, aggregate)).sort(new Document(EventDocuments.SEQUENCE, 1))
                .into(new ArrayList<>());
    }
}
