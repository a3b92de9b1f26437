package io.flipflop.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flipflop.platform.eventstore.MongoEventStorageEngine;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.springframework.util.FileSystemUtils;

/**
 * The event storage engine against the raw insert rate of the same driver and embedded server, on the memory
 * and on the H2 file backend: appends (distinct aggregates, one hot aggregate, and with one counter round trip
 * per append), aggregate loads and a fresh reader's replay at 10,000 and 100,000 stored events.
 * Run: {@code ./mvnw -B -q -Pbench -pl bench -am clean verify -DskipTests -Dexec.mainClass=io.flipflop.bench.EventStoreBenchmark}
 */
public final class EventStoreBenchmark {

    private static final int APPENDS = 5_000;
    private static final int EVENTS_PER_AGGREGATE = 10;
    private static final int LOADS = 2_000;
    private static final int SMALL_STORE = 10_000;
    private static final int LARGE_STORE = 100_000;
    /** Each figure is the median of this many rounds, after a warm-up round, to damp JIT and neighbours' noise. */
    private static final int ROUNDS = 5;
    private static final String RAW = "raw insertOne";
    private static final String DISTINCT = "append, distinct aggregates";
    private static final String HOT = "append, one hot aggregate";
    private static final String PER_APPEND = "append, one counter round trip per append";
    private static final String LOAD_SMALL = "aggregate loads @10,000 events";
    private static final String LOAD_LARGE = "aggregate loads @100,000 events";
    private static final String REPLAY_SMALL = "replays of 100,000 events, store of 10,000";
    private static final String REPLAY_LARGE = "replays of 100,000 events, store of 100,000";

    record Measured(String backend, double rawInsert, double appendDistinct, double appendHot,
                    double appendPerAppendReservation, double load10k, double load100k, double replay10k,
                    double replay100k) {
    }

    record Happened(String thing, long step, String note) {
    }

    private final Serializer serializer = JacksonSerializer.defaultSerializer();

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        EventStoreBenchmark benchmark = new EventStoreBenchmark();
        List<Measured> results = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory()) {
            results.add(benchmark.run("memory", server));
        }
        Path dataDir = Files.createTempDirectory("flipflop-bench");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir)) {
            results.add(benchmark.run("h2-file", server));
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
        System.out.println();
        System.out.println("| backend | raw insertOne/s | append distinct/s | append hot/s | append, 1 reservation per append/s"
                + " | load ms @10k | load ms @100k | replay ev/s @10k | replay ev/s @100k"
                + " | append/raw | hot/distinct | load 10k/100k | replay 100k/10k |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Measured m : results) {
            System.out.printf("| %s | %.0f | %.0f | %.0f | %.0f | %.3f | %.3f | %.0f | %.0f | %.2f | %.2f | %.2f | %.2f |%n",
                    m.backend(), m.rawInsert(), m.appendDistinct(), m.appendHot(), m.appendPerAppendReservation(),
                    m.load10k(), m.load100k(), m.replay10k(), m.replay100k(),
                    m.appendDistinct() / m.rawInsert(), m.appendHot() / m.appendDistinct(),
                    m.load10k() / m.load100k(), m.replay100k() / m.replay10k());
        }
    }

    private Measured run(String backend, EmbeddedMongoServer server) throws Exception {
        System.out.println("== " + backend);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase appends = client.getDatabase("bench-appends");
            MongoEventStorageEngine engine = engine(appends, 128);
            MongoCollection<Document> raw = appends.getCollection("raw");
            MongoEventStorageEngine perAppend = engine(appends, 1);
            Rounds.Rates rates = Rounds.measure(List.of(
                    new Rounds.Path(RAW, 1, i -> raw.insertOne(rawDocument(i))),
                    new Rounds.Path(DISTINCT, 1, i -> engine.appendEvents(event("distinct-" + i, 0))),
                    new Rounds.Path(HOT, 1, i -> engine.appendEvents(event("hot", i))),
                    new Rounds.Path(PER_APPEND, 1, i -> perAppend.appendEvents(event("per-append-" + i, 0)))),
                    1, ROUNDS, APPENDS);

            // Two stores side by side, so their loads and replays are measured in interleaved rounds: measured one
            // after the other, the quotient moved with the machine's load between them (0.57–0.97 in four runs).
            MongoEventStorageEngine small = engine(client.getDatabase("bench-store-10k"), 128);
            MongoEventStorageEngine large = engine(client.getDatabase("bench-store-100k"), 128);
            fill(small, SMALL_STORE);
            fill(large, LARGE_STORE);
            Rounds.Rates loads = Rounds.measure(List.of(
                    new Rounds.Path(LOAD_SMALL, 1, i -> load(small, SMALL_STORE, i)),
                    new Rounds.Path(LOAD_LARGE, 1, i -> load(large, LARGE_STORE, i))),
                    1, ROUNDS, LOADS);
            // A round replays 100,000 events from each store: the small one ten times.
            Rounds.Rates replays = Rounds.measure(List.of(
                    new Rounds.Path(REPLAY_SMALL, 1, i -> replay(small, SMALL_STORE, LARGE_STORE / SMALL_STORE)),
                    new Rounds.Path(REPLAY_LARGE, 1, i -> replay(large, LARGE_STORE, 1))),
                    1, ROUNDS, 1);
            return new Measured(backend, rates.of(RAW), rates.of(DISTINCT), rates.of(HOT), rates.of(PER_APPEND),
                    1000 / loads.of(LOAD_SMALL), 1000 / loads.of(LOAD_LARGE),
                    replays.of(REPLAY_SMALL) * LARGE_STORE, replays.of(REPLAY_LARGE) * LARGE_STORE);
        }
    }

    private MongoEventStorageEngine engine(MongoDatabase database, int maxIndexBlock) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer).maxIndexBlock(maxIndexBlock).build();
        engine.ensureIndexes();
        return engine;
    }

    private static DomainEventMessage<Happened> event(String thing, long step) {
        return new GenericDomainEventMessage<>("Thing", thing, step,
                new Happened(thing, step, "a payload of about the size of FlipFlop's events"));
    }

    /** A document shaped like a stored event, so the baseline writes as many bytes. */
    private Document rawDocument(int i) {
        DomainEventMessage<Happened> event = event("raw-" + i, 0);
        return new Document("_id", UUID.randomUUID().toString()).append("aggregateIdentifier", "raw-" + i)
                .append("sequenceNumber", 0L).append("type", "Thing").append("eventIdentifier", event.getIdentifier())
                .append("timestamp", event.getTimestamp().toString())
                .append("payloadType", Happened.class.getName()).append("payloadRevision", null)
                .append("payload", serializer.serialize(event.getPayload(), String.class).getData())
                .append("metaData", "{}");
    }

    /** Stored events on aggregates of {@value #EVENTS_PER_AGGREGATE}, appended one aggregate's events at a time. */
    private static void fill(MongoEventStorageEngine engine, int stored) {
        long start = System.nanoTime();
        for (int aggregate = 0; aggregate < stored / EVENTS_PER_AGGREGATE; aggregate++) {
            List<DomainEventMessage<?>> events = new ArrayList<>(EVENTS_PER_AGGREGATE);
            for (int step = 0; step < EVENTS_PER_AGGREGATE; step++) {
                events.add(event("stored-" + aggregate, step));
            }
            engine.appendEvents(events);
        }
        System.out.printf("  filled a store with %,d events in %.1f s%n", stored, (System.nanoTime() - start) / 1e9);
    }

    /** Loads one aggregate (all its events), spread over the store by a multiplicative hash of the load's number. */
    private static void load(MongoEventStorageEngine engine, int stored, int load) {
        int aggregate = (int) Math.floorMod(load * 2_654_435_761L, (long) (stored / EVENTS_PER_AGGREGATE));
        long events = engine.readEvents("stored-" + aggregate).asStream().count();
        if (events != EVENTS_PER_AGGREGATE) {
            throw new IllegalStateException("loaded " + events + " events of stored-" + aggregate);
        }
    }

    /** A fresh reader reading the whole store from the tail, payloads deserialized, {@code times} times. */
    private static void replay(MongoEventStorageEngine engine, int stored, int times) {
        for (int i = 0; i < times; i++) {
            long events = engine.readEvents(null, false).peek(TrackedEventMessage::getPayload).count();
            if (events != stored) {
                throw new IllegalStateException("replayed " + events + " of " + stored + " events");
            }
        }
    }
}
