package io.flipflop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.ProfileField;
import io.flipflop.api.member.UpdateMemberProfile;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.videoroom.UpdateVideoRoom;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomField;
import io.flipflop.command.broadcast.MediaWorkerCommands;
import io.flipflop.platform.commandbus.GroupCommitCommandBus;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform on the embedded server (H2 file backend, as the run command uses it), against the raw
 * single-document insert rate of the same driver and server measured in the same run: commands per second
 * through the command gateway and through HTTP, on distinct aggregates and on one hot aggregate; the lag
 * from a command's events being appended to the read model showing them (p50/p99); and a fresh reader's
 * replay rate over everything stored; full broadcasts per second (create → ingest → publish → go live → publisher
 * drops → end, the ingest steps sent as the media worker sends them); and the audit's as-of replay of a room
 * with 10,000 events.
 * Run: {@code ./mvnw -B -q -DskipTests install && ./mvnw -B -q -Pbench -pl bench verify -DskipTests}
 */
public final class Benchmarks {

    private static final int MEMBERS = 500;
    private static final int COMMANDS = 3_000;
    private static final int RAW_WARM_UP = 20_000;
    private static final int CLIENTS = 4;
    private static final int LAG_SAMPLES = 300;
    private static final int BROADCASTS = 100;
    private static final int ROOM_EVENTS = 10_000;

    private BenchPlatform platform;
    private long appId;

    public static void main(String[] args) throws Exception {
        try (BenchPlatform platform = BenchPlatform.onDisk(Files.createTempDirectory("flipflop-bench"))) {
            MongoCollection<Document> raw = platform.client().getDatabase("baseline").getCollection("raw");
            double rawInsert = rawInsertRate(raw);
            RoundTrips roundTrips = new RoundTrips();
            new Benchmarks().run(platform.observe(roundTrips).start("--flipflop.rtmp.port=0"), rawInsert, raw,
                    roundTrips);
        }
        System.exit(0);
    }

    /**
     * The raw insert rate is measured before the platform starts and again right after the gateway's command
     * phases, and the ratios use their mean: a load that comes or goes during the run moves both sides.
     */
    private void run(BenchPlatform platform, double rawInsertBefore, MongoCollection<Document> raw,
                     RoundTrips roundTrips) throws Exception {
        this.platform = platform;
        this.appId = platform.appId();
        ConfigurableApplicationContext app = platform.app();
        CommandGateway commands = app.getBean(CommandGateway.class);
        MongoDatabase database = app.getBean(MongoDatabase.class);
        List<Member> members = registerMembers();
        AtomicInteger version = new AtomicInteger();

        Map<String, Long> before = roundTrips.snapshot();
        double gatewayDistinct = rate(CLIENTS, i -> rename(commands, members.get(i % MEMBERS), version));
        // the warm-up's commands are counted too
        String tripsDistinct = RoundTrips.perCommand(before, roundTrips.snapshot(), COMMANDS + COMMANDS / 10);
        GroupCommitCommandBus bus = app.getBean(GroupCommitCommandBus.class);
        long batchesBefore = bus.batches();
        long batchedBefore = bus.batchedCommands();
        double gatewayHot = rate(CLIENTS, i -> rename(commands, members.get(0), version));
        long hotBatches = bus.batches() - batchesBefore;
        long hotBatched = bus.batchedCommands() - batchedBefore;
        before = roundTrips.snapshot();
        double gatewayDistinctAlone = rate(1, i -> rename(commands, members.get(i % MEMBERS), version));
        String tripsAlone = RoundTrips.perCommand(before, roundTrips.snapshot(), COMMANDS + COMMANDS / 10);
        double gatewayHotAlone = rate(1, i -> rename(commands, members.get(0), version));
        // The read models first work off the commands' backlog, which would otherwise slow the baseline by how
        // much of it is left (the second baseline ranged from 5,755 to 17,377/s between runs before this wait).
        awaitShown(database.getCollection("members"), members.get(0), "g" + version.get());
        double rawInsertAfter = rawInsertRate(raw);
        double rawInsert = (rawInsertBefore + rawInsertAfter) / 2;
        double httpDistinct = rate(CLIENTS, i -> patch(members.get(i % MEMBERS), "h" + version.incrementAndGet()));
        double httpHot = rate(CLIENTS, i -> patch(members.get(0), "h" + version.incrementAndGet()));
        long[] lagMicros = projectionLag(database.getCollection("members"), members, version);
        double replay = replayRate(app.getBean(EventStore.class));
        double broadcasts = broadcastRate(app.getBean(MediaWorkerCommands.class));
        double asOfMillis = asOfReplayMillis(commands);

        System.out.println();
        System.out.println("| figure | value | ratio |");
        System.out.println("|---|---|---|");
        System.out.printf("| raw insertOne/s (baseline, same driver and server; mean of before / after: %.0f / %.0f) | %.0f | 1.00 |%n",
                rawInsertBefore, rawInsertAfter, rawInsert);
        rateRow("commands/s, gateway, distinct aggregates, " + CLIENTS + " callers", gatewayDistinct, rawInsert, "raw insert");
        rateRow("commands/s, gateway, one hot aggregate, " + CLIENTS + " callers", gatewayHot, gatewayDistinct, "distinct");
        System.out.printf("| commands committed together, gateway, one hot aggregate, %d callers | %.0f%% in %d batches | %.2f per batch |%n",
                CLIENTS, 100.0 * hotBatched / (COMMANDS + COMMANDS / 10), hotBatches, hotBatches == 0 ? 0 : (double) hotBatched / hotBatches);
        rateRow("commands/s, gateway, distinct aggregates, 1 caller", gatewayDistinctAlone, rawInsert, "raw insert");
        rateRow("commands/s, gateway, one hot aggregate, 1 caller", gatewayHotAlone, gatewayDistinctAlone, "distinct");
        rateRow("commands/s, HTTP, distinct aggregates, " + CLIENTS + " callers", httpDistinct, rawInsert, "raw insert");
        rateRow("commands/s, HTTP, one hot aggregate, " + CLIENTS + " callers", httpHot, httpDistinct, "distinct");
        System.out.printf("| MongoDB round trips per command, gateway, distinct, %d callers | %s | |%n", CLIENTS, tripsDistinct);
        System.out.printf("| MongoDB round trips per command, gateway, distinct, 1 caller | %s | |%n", tripsAlone);
        System.out.printf("| append → read model visible, p50 | %.1f ms | |%n", lagMicros[0] / 1000.0);
        System.out.printf("| append → read model visible, p99 | %.1f ms | |%n", lagMicros[1] / 1000.0);
        rateRow("replay events/s, fresh reader", replay, rawInsert, "raw insert");
        System.out.printf("| full broadcasts/s (9 commands each, sequential) | %.1f | |%n", broadcasts);
        System.out.printf("| audit state as of now, room with %,d events | %.0f ms | |%n", ROOM_EVENTS, asOfMillis);
    }

    /** A table row: a rate and its ratio to a baseline measured in the same run. */
    private static void rateRow(String figure, double rate, double baseline, String baselineName) {
        System.out.printf("| %s | %.0f | %.2f × %s |%n", figure, rate, rate / baseline, baselineName);
    }

    /**
     * One member broadcasting again and again. The end is accepted as soon as the worker's stop returns: the key
     * is then INACTIVE_LIVE, and the end moves the room itself if the coupling process has not yet.
     */
    private double broadcastRate(MediaWorkerCommands worker) throws Exception {
        platform.post("/v2/apps/me/members", "{\"appUserId\":\"caster\"}");
        long keyId = platform.awaitJson("/v2/apps/me/members/caster/stream-key").get("id").asLong();
        long start = System.nanoTime();
        for (int i = 0; i < BROADCASTS; i++) {
            long roomId = createRoom("caster").get("id").asLong();
            worker.startIngest(keyId, "bench-worker", OutputMode.CMAF).block();
            worker.startCmafPublish(keyId, "bench-worker").block();
            platform.post("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/live", "");
            worker.stopCmafPublish(keyId, "bench-worker", IngestStopReason.PUBLISHER_DISCONNECTED).block();
            platform.post("/v2/apps/me/video-rooms/" + roomId + "/rtmp-broadcast/state/ended", "");
        }
        return BROADCASTS / ((System.nanoTime() - start) / 1e9);
    }

    /** The audit replays a room's stream from the event store (not from snapshots or read models). */
    private double asOfReplayMillis(CommandGateway commands) throws Exception {
        platform.post("/v2/apps/me/members", "{\"appUserId\":\"talker\"}");
        long roomId = createRoom("talker").get("id").asLong();
        for (int i = 1; i < ROOM_EVENTS; i++) {
            commands.sendAndWait(new UpdateVideoRoom(roomId, appId, null,
                    new VideoRoomDetails("title " + i, null, null, null, null), Set.of(VideoRoomField.TITLE)));
        }
        double[] millis = new double[3];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> state = platform.send("GET", "/v2/apps/me/audit/video-rooms/" + roomId + "/state?at="
                    + java.time.Instant.now(), null);
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (state.statusCode() != 200 || !state.body().contains("title " + (ROOM_EVENTS - 1))) {
                throw new IllegalStateException("as-of state answered " + state.statusCode() + ": " + state.body());
            }
        }
        Arrays.sort(millis);
        return millis[1];
    }

    private JsonNode createRoom(String appUserId) throws Exception {
        return platform.post("/v2/apps/me/video-rooms", "{\"appUserId\":\"" + appUserId
                + "\",\"type\":\"BROADCAST_RTMP\",\"scheduledAt\":\"2030-01-01T00:00:00Z\"}");
    }

    /**
     * The baseline: what the same driver and server do for one small document per round trip, after a warm-up long
     * enough for the JIT (after 2,000 inserts the first measurement came out at half the second: 3,300–5,700
     * against 7,400–10,800/s in the same runs).
     */
    private static double rawInsertRate(MongoCollection<Document> raw) {
        for (int i = 0; i < RAW_WARM_UP; i++) {
            raw.insertOne(new Document("i", i).append("payload", "warm-up"));
        }
        long start = System.nanoTime();
        for (int i = 0; i < COMMANDS; i++) {
            raw.insertOne(new Document("i", i).append("payload", "{\"appUserName\":\"n" + i + "\"}"));
        }
        return COMMANDS / ((System.nanoTime() - start) / 1e9);
    }

    private List<Member> registerMembers() throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            JsonNode member = platform.post("/v2/apps/me/members", "{\"appUserId\":\"bench" + i + "\"}");
            members.add(new Member(member.get("id").asLong(), "bench" + i));
        }
        return members;
    }

    private static void rename(CommandGateway commands, Member member, AtomicInteger version) {
        commands.sendAndWait(new UpdateMemberProfile(member.id(),
                new MemberProfile("g" + version.incrementAndGet(), null, null, null, null),
                Set.of(ProfileField.APP_USER_NAME)));
    }

    private void patch(Member member, String name) {
        try {
            HttpResponse<String> response = platform.send("PATCH", "/v2/apps/me/members/" + member.appUserId(),
                    "{\"appUserName\":\"" + name + "\"}");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PATCH answered " + response.statusCode() + ": " + response.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Commands per second from concurrent callers, after a warm-up of a tenth of the run. Commands on one
     * aggregate are serialized by its lock, so with several callers a hot aggregate shows the lock's cost; with
     * one caller, hot and distinct compare the per-command work alone.
     */
    private static double rate(int callers, IntConsumer command) throws Exception {
        for (int i = 0; i < COMMANDS / 10; i++) {
            command.accept(i);
        }
        ExecutorService clients = Executors.newFixedThreadPool(callers);
        try {
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < COMMANDS; i = next.getAndIncrement()) {
                        command.accept(i);
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return COMMANDS / ((System.nanoTime() - start) / 1e9);
        } finally {
            clients.shutdown();
        }
    }

    /** Polls the members read model by {@code _id} until it shows the member under this name. */
    private void awaitShown(MongoCollection<Document> readModel, Member member, String name) {
        Document key = new Document("_id", appId + ":" + member.appUserId());
        while (true) {
            Document shown = readModel.find(key).first();
            if (shown != null && name.equals(shown.getString("appUserName"))) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /**
     * From the moment a PATCH answers (its events are appended) to the moment the members read model shows the
     * new name, polled by {@code _id}; the poll itself costs about 0.2 ms, which bounds the resolution.
     */
    private long[] projectionLag(MongoCollection<Document> readModel, List<Member> members, AtomicInteger version) {
        long[] lags = new long[LAG_SAMPLES];
        for (int i = 0; i < LAG_SAMPLES; i++) {
            Member member = members.get(i % MEMBERS);
            String name = "lag" + version.incrementAndGet();
            patch(member, name);
            long appended = System.nanoTime();
            awaitShown(readModel, member, name);
            lags[i] = (System.nanoTime() - appended) / 1_000;
        }
        Arrays.sort(lags);
        return new long[] {lags[LAG_SAMPLES / 2], lags[(int) Math.ceil(LAG_SAMPLES * 0.99) - 1]};
    }

    /** A fresh reader from the tail of the store, deserializing every payload as a processor would. */
    private static double replayRate(EventStore store) throws Exception {
        long start = System.nanoTime();
        long events = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            while (stream.hasNextAvailable(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                stream.nextAvailable().getPayload();
                events++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9 - 0.2; // the final empty wait is not replay
        System.out.printf("  replayed %,d events%n", events);
        return events / seconds;
    }

    private record Member(long id, String appUserId) {
    }
}
