package io.flipflop.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flipflop.platform.eventstore.MongoEventStorageEngine;
import io.flipflop.platform.mongo.EmbeddedMongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

/**
 * The event storage engine against the raw insert rate of the same driver and embedded server, on the memory
 * and on the H2 file backend: appends (distinct aggregates, one hot aggregate, and with one counter round trip
 * per append), aggregate loads and a fresh reader's replay at 10,000 and 100,000 stored events.
 * Run: {@code ./mvnw -B -o -Pbench -pl bench verify -DskipTests -Dexec.mainClass=io.flipflop.bench.EventStoreBenchmark}
 */
public final class EventStoreBenchmark {

    private static final int APPENDS = 5_000;
    private static final int EVENTS_PER_AGGREGATE = 10;
    private static final int LOADS = 2_000;
    private static final int REPLAYED = 100_000;
    /** Each figure is the median of this many rounds, after a warm-up round, to damp JIT and neighbours' noise. */
    private static final int ROUNDS = 3;

    record Measured(String backend, double rawInsert, double appendDistinct, double appendHot,
                    double appendPerAppendReservation, double load10k, double load100k, double replay10k,
                    double replay100k) {
    }

    record Happened(String thing, long step, String note) {
    }

    private final Serializer serializer = JacksonSerializer.defaultSerializer();

    public static void main(String[] args) throws IOException {
        System.setProperty("axoniq.update-checker.disabled", "true");
        EventStoreBenchmark benchmark = new EventStoreBenchmark();
        List<Measured> results = new ArrayList<>();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory()) {
            results.add(benchmark.run("memory", server));
        }
        Path dataDir = Files.createTempDirectory("flipflop-bench");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk(dataDir)) {
            results.add(benchmark.run("h2-file", server));
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

    private Measured run(String backend, EmbeddedMongoServer server) {
        System.out.println("== " + backend);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase appends = client.getDatabase("bench-appends");
            MongoEventStorageEngine engine = engine(appends, 128);
            MongoCollection<Document> raw = appends.getCollection("raw");
            MongoEventStorageEngine perAppend = engine(appends, 1);
            // Interleaved rounds, so a busy neighbour on a shared machine slows every path alike.
            Map<String, IntConsumer> paths = new LinkedHashMap<>();
            paths.put("raw insertOne", i -> raw.insertOne(rawDocument(i)));
            paths.put("append, distinct aggregates", i -> engine.appendEvents(event("distinct-" + i, 0)));
            paths.put("append, one hot aggregate", i -> engine.appendEvents(event("hot", i)));
            paths.put("append, one counter round trip per append",
                    i -> perAppend.appendEvents(event("per-append-" + i, 0)));
            Map<String, Double> rates = rates(paths);
            double rawInsert = rates.get("raw insertOne");
            double distinct = rates.get("append, distinct aggregates");
            double hot = rates.get("append, one hot aggregate");
            double perAppendReservation = rates.get("append, one counter round trip per append");

            MongoDatabase store = client.getDatabase("bench-store");
            MongoEventStorageEngine growing = engine(store, 128);
            fill(growing, 0, 10_000);
            double load10k = loadMillis(growing, 10_000);
            double replay10k = replay(growing, 10_000);
            fill(growing, 10_000, 100_000);
            double load100k = loadMillis(growing, 100_000);
            double replay100k = replay(growing, 100_000);
            return new Measured(backend, rawInsert, distinct, hot, perAppendReservation, load10k, load100k,
                    replay10k, replay100k);
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
    private static void fill(MongoEventStorageEngine engine, int from, int to) {
        long start = System.nanoTime();
        for (int aggregate = from / EVENTS_PER_AGGREGATE; aggregate < to / EVENTS_PER_AGGREGATE; aggregate++) {
            List<DomainEventMessage<?>> events = new ArrayList<>(EVENTS_PER_AGGREGATE);
            for (int step = 0; step < EVENTS_PER_AGGREGATE; step++) {
                events.add(event("stored-" + aggregate, step));
            }
            engine.appendEvents(events);
        }
        System.out.printf("  filled to %,d events in %.1f s%n", to, (System.nanoTime() - start) / 1e9);
    }

    /** Mean time to load one random aggregate (all its events) from a store of {@code stored} events. */
    private static double loadMillis(MongoEventStorageEngine engine, int stored) {
        Random random = new Random(42);
        int aggregates = stored / EVENTS_PER_AGGREGATE;
        double millis = median(() -> {
            long start = System.nanoTime();
            long events = 0;
            for (int i = 0; i < LOADS; i++) {
                events += engine.readEvents("stored-" + random.nextInt(aggregates)).asStream().count();
            }
            if (events != (long) LOADS * EVENTS_PER_AGGREGATE) {
                throw new IllegalStateException("loaded " + events + " events");
            }
            return (System.nanoTime() - start) / 1e6 / LOADS;
        });
        System.out.printf("  aggregate load @%,d: %.3f ms%n", stored, millis);
        return millis;
    }

    /**
     * Events per second for a fresh reader reading the whole store from the tail, payloads deserialized. A small
     * store is replayed several times per round, so every round reads {@value #REPLAYED} events.
     */
    private static double replay(MongoEventStorageEngine engine, int stored) {
        int replays = Math.max(1, REPLAYED / stored);
        double rate = median(() -> {
            long start = System.nanoTime();
            long events = 0;
            for (int i = 0; i < replays; i++) {
                events += engine.readEvents(null, false).peek(TrackedEventMessage::getPayload).count();
            }
            if (events != (long) stored * replays) {
                throw new IllegalStateException("replayed " + events + " of " + stored * replays + " events");
            }
            return events / ((System.nanoTime() - start) / 1e9);
        });
        System.out.printf("  replay @%,d: %.0f events/s%n", stored, rate);
        return rate;
    }

    /** Operations per second of each path: the median of interleaved rounds after a warm-up round. */
    private static Map<String, Double> rates(Map<String, IntConsumer> paths) {
        Map<String, double[]> rounds = new LinkedHashMap<>();
        int next = 0;
        for (int round = 0; round <= ROUNDS; round++) {
            for (Map.Entry<String, IntConsumer> path : paths.entrySet()) {
                long start = System.nanoTime();
                for (int i = 0; i < APPENDS; i++) {
                    path.getValue().accept(next + i);
                }
                double rate = APPENDS / ((System.nanoTime() - start) / 1e9);
                if (round > 0) {
                    rounds.computeIfAbsent(path.getKey(), key -> new double[ROUNDS])[round - 1] = rate;
                }
            }
            next += APPENDS;
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        rounds.forEach((path, rates) -> {
            Arrays.sort(rates);
            medians.put(path, rates[ROUNDS / 2]);
            System.out.printf("  %s: %.0f/s%n", path, rates[ROUNDS / 2]);
        });
        return medians;
    }

    private static double median(DoubleSupplier round) {
        round.getAsDouble();
        double[] results = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            results[i] = round.getAsDouble();
        }
        Arrays.sort(results);
        return results[ROUNDS / 2];
    }
}
