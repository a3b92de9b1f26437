package io.flipflop.query.readmodel;

import static io.flipflop.query.testsupport.TestDatabases.documents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.app.AppCredentialsRotated;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.query.app.AppViewProjection;
import io.flipflop.query.member.MemberViewProjection;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The projections driven by Axon itself, as in production: one tracking processor for all of them (here of two
 * segments, as a split deployment may run it) feeds them events with their sequence numbers and timestamps, and a
 * reset of its token replays the whole history through every reset handler into the very same read models.
 */
class StreamingReplayTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Instant T = Instant.parse("2026-11-28T10:00:00.125Z");

    private final TestDatabases databases = new TestDatabases();
    private final MongoDatabase database = databases.fresh();
    private Configuration axon;

    @AfterEach
    void stop() {
        axon.shutdown();
        databases.close();
    }

    @Test
    void resettingTheProcessorsReplaysEveryEventIntoIdenticalReadModels() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(configuration -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine());
        configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(2).andInitialSegmentsCount(2))
                .registerEventHandler(configuration -> new AppViewProjection(database))
                .registerEventHandler(configuration -> new MemberViewProjection(database));
        new ReadModelProcessing().configureModule(configurer);
        axon = configurer.start();
        axon.eventStore().publish(List.of(
                event("App", 10, 0, new AppCreated(10, 1, "Sporty", "key-1", "hash-1"), 0),
                event("Member", 20, 0, new MemberRegistered(20, 10, "alice",
                        new MemberProfile("Alice", null, null, null, Map.of("tier", "gold")), false, 21L), 1),
                event("Member", 22, 0, new MemberRegistered(22, 10, "bob", MemberProfile.EMPTY, false, 23L), 2),
                event("App", 10, 1, new AppCredentialsRotated(10, "key-1", "key-2", "hash-2"), 3),
                event("Member", 20, 1, new MemberProfileUpdated(20, 10,
                        new MemberProfile("Alice B.", null, null, null, null)), 4),
                event("Member", 22, 1, new MemberDeleted(22, 10, "bob"), 5)));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(documents(database, "apps")).singleElement().satisfies(app -> {
                assertThat(app.getString("apiKey")).isEqualTo("key-2");
                assertThat(app.getLong("version")).isEqualTo(1);
                assertThat(app.getDate("lastModifiedAt").toInstant()).isEqualTo(T.plusSeconds(3));
            });
            assertThat(documents(database, "members"))
                    .extracting(member -> member.getString("appUserName"), member -> member.getString("state"))
                    .containsExactly(tuple("Alice B.", "ACTIVE"), tuple(null, "DELETED"));
        });
        List<Document> apps = documents(database, "apps");
        List<Document> members = documents(database, "members");

        ReadModelWrites.await(database.getCollection("members").insertOne(new Document("_id", "left over from a bug")));
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(ReadModelProcessing.PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        // Only the whole history gives these documents: the last event of each stream changes them.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(documents(database, "apps")).isEqualTo(apps);
            assertThat(documents(database, "members")).as("rebuilt from empty collections").isEqualTo(members);
        });
    }

    private static GenericDomainEventMessage<?> event(String type, long aggregateId, long sequence, Object payload,
                                                      int secondsAfterStart) {
        return new GenericDomainEventMessage<>(type, String.valueOf(aggregateId), sequence, payload, Map.of(),
                UUID.randomUUID().toString(), T.plusSeconds(secondsAfterStart));
    }
}
