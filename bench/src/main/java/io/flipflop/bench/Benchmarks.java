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
import io.flipflop.platform.eventstore.EventStoreSettings;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The whole platform on the embedded server (H2 file backend, as the run command uses it), against the raw
 * single-document insert rate of the same driver and server measured in the same run: commands per second
 * through the command gateway and through HTTP, on distinct aggregates and on one hot aggregate, measured with the
 * baseline in interleaved rounds after warm-up rounds of the same paths ({@link Rounds}); the lag
 * from a command's events being appended to the read model showing them (p50/p99); and a fresh reader's
 * replay rate over everything stored; full broadcasts per second (create → ingest → publish → go live → publisher
 * drops → end, the ingest steps sent as the media worker sends them); and the audit's as-of replay of a room
 * with 10,000 events.
 * Run: {@code ./mvnw -B -q -Pbench -pl bench -am clean verify -DskipTests}
 */
public final class Benchmarks {

    private static final int MEMBERS = 500;
    /** Operations of each path in each round. */
    private static final int COMMANDS = 3_000;
    /**
     * The baseline's inserts a round, so that its round lasts about as long as a round of gateway commands (0.4–0.7 s):
     * 3,000 took 0.1–0.2 s, and its rounds spread over 15,721–37,667/s within one run (eighth session).
     */
    private static final int RAW_INSERTS = 12_000;
    /**
     * Warm-up rounds of every path: at least 6, then more until the JIT compiler spends at most 3% of a round
     * compiling in two rounds in a row, at most 30. In the sixth it still took 37–73% (summed over its threads) of the
     * round's time, and the figures were of code half compiled; it reached 3% or less after 10–15 rounds (ninth
     * session). One quiet round was not enough: the compiler then took a core for half a second in a measured round
     * again, which ran at half the others' rate (tenth session).
     */
    private static final Rounds.WarmUp WARM_UP = new Rounds.WarmUp(6, 30, 0.03, 2);
    /** Five, not three: one odd round of three decided a median (eighth session). */
    private static final int MEASURED_ROUNDS = 5;
    private static final int CLIENTS = 4;
    /**
     * Between polls for a round's last command: polling without a pause took 8–11 finds per command of the round
     * from the read models' and the server's share of the two cores.
     */
    private static final long SETTLE_POLL_PAUSE_MILLIS = 1;
    private static final String RAW = "raw insertOne/s, same driver and server, 1 caller";
    private static final String GATEWAY_DISTINCT = "commands/s, gateway, distinct aggregates, " + CLIENTS + " callers";
    private static final String GATEWAY_HOT = "commands/s, gateway, one hot aggregate, " + CLIENTS + " callers";
    private static final String GATEWAY_DISTINCT_ALONE = "commands/s, gateway, distinct aggregates, 1 caller";
    private static final String GATEWAY_HOT_ALONE = "commands/s, gateway, one hot aggregate, 1 caller";
    private static final String HTTP_DISTINCT = "commands/s, HTTP, distinct aggregates, " + CLIENTS + " callers";
    private static final String HTTP_HOT = "commands/s, HTTP, one hot aggregate, " + CLIENTS + " callers";
    private static final int LAG_SAMPLES = 300;
    private static final int BROADCASTS = 100;
    private static final int ROOM_EVENTS = 10_000;

    private BenchPlatform platform;
    private long appId;

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("flipflop-bench");
        try (BenchPlatform platform = BenchPlatform.onDisk(dataDir)) {
            RoundTrips roundTrips = new RoundTrips();
            new Benchmarks().run(platform.observe(roundTrips).start("--flipflop.rtmp.port=0"), roundTrips);
        } finally {
            FileSystemUtils.deleteRecursively(dataDir); // half a gigabyte a run
        }
        System.exit(0);
    }

    private void run(BenchPlatform platform, RoundTrips roundTrips) throws Exception {
        this.platform = platform;
        this.appId = platform.appId();
        ConfigurableApplicationContext app = platform.app();
        CommandGateway commands = app.getBean(CommandGateway.class);
        MongoDatabase database = app.getBean(MongoDatabase.class);
        MongoCollection<Document> raw = platform.client().getDatabase("baseline").getCollection("raw");
        MongoCollection<Document> readModel = database.getCollection("members");
        GroupCommitCommandBus bus = app.getBean(GroupCommitCommandBus.class);
        List<Member> members = registerMembers();
        Member hot = members.get(0);
        AtomicInteger version = new AtomicInteger();
        staggerSnapshots(commands, members, version, app.getBean(EventStoreSettings.class).cachedSnapshotThreshold());

        // Settled: a last command on the hot member is shown by the members read model, so (one segment, read in
        // order) every read model has processed every command before it.
        Runnable settle = () -> {
            rename(commands, hot, version);
            awaitShown(readModel, hot, "g" + version.get(), SETTLE_POLL_PAUSE_MILLIS);
        };
        settle.run();
        List<Rounds.Path> paths = List.of(
                new Rounds.Path(RAW, 1, i -> raw.insertOne(
                        new Document("i", i).append("payload", "{\"appUserName\":\"n" + i + "\"}")), null, RAW_INSERTS),
                new Rounds.Path(GATEWAY_DISTINCT, CLIENTS, i -> rename(commands, members.get(i % MEMBERS), version), settle),
                new Rounds.Path(GATEWAY_HOT, CLIENTS, i -> rename(commands, hot, version), settle),
                new Rounds.Path(GATEWAY_DISTINCT_ALONE, 1, i -> rename(commands, members.get(i % MEMBERS), version), settle),
                new Rounds.Path(GATEWAY_HOT_ALONE, 1, i -> rename(commands, hot, version), settle),
                new Rounds.Path(HTTP_DISTINCT, CLIENTS, i -> patch(members.get(i % MEMBERS), "h" + version.incrementAndGet()), settle),
                new Rounds.Path(HTTP_HOT, CLIENTS, i -> patch(hot, "h" + version.incrementAndGet()), settle));
        Map<String, Map<String, Long>> trips = new HashMap<>();
        long[] hotBatches = new long[2];
        Rounds.Rates rates = Rounds.measure(paths, WARM_UP, MEASURED_ROUNDS, COMMANDS, (path, measured, round) -> {
            Map<String, Long> tripsBefore = roundTrips.snapshot();
            long batchesBefore = bus.batches();
            long batchedBefore = bus.batchedCommands();
            round.run();
            if (measured) {
                roundTrips.snapshot().forEach((trip, count) -> trips.computeIfAbsent(path.name(), name -> new HashMap<>())
                        .merge(trip, count - tripsBefore.getOrDefault(trip, 0L), Long::sum));
                if (path.name().equals(GATEWAY_HOT)) {
                    hotBatches[0] += bus.batches() - batchesBefore;
                    hotBatches[1] += bus.batchedCommands() - batchedBefore;
                }
            }
        });
        long[] lagMicros = projectionLag(readModel, members, version);
        double replay = replayRate(app.getBean(EventStore.class));
        double broadcasts = broadcastRate(app.getBean(MediaWorkerCommands.class));
        double asOfMillis = asOfReplayMillis(commands);

        double rawInsert = rates.of(RAW);
        int measuredCommands = COMMANDS * MEASURED_ROUNDS;
        System.out.println();
        System.out.println("| figure | value | ratio |");
        System.out.println("|---|---|---|");
        System.out.printf("| %s (the baseline) | %.0f (%.0f µs CPU each) | 1.00 |%n", RAW, rawInsert, rates.cpuMicrosOf(RAW));
        for (List<String> pair : List.of(List.of(GATEWAY_DISTINCT, GATEWAY_HOT),
                List.of(GATEWAY_DISTINCT_ALONE, GATEWAY_HOT_ALONE), List.of(HTTP_DISTINCT, HTTP_HOT))) {
            String distinct = pair.get(0);
            String hotOne = pair.get(1);
            rateRow(distinct, rates.of(distinct), rawInsert, "raw insert");
            rateRow(hotOne, rates.of(hotOne), rates.of(distinct), "distinct");
            settledRow(distinct, rates, rawInsert, "raw insert");
            settledRow(hotOne, rates, rates.settledOf(distinct), "distinct");
        }
        System.out.printf("| commands committed together, gateway, one hot aggregate, %d callers | %.0f%% in %d batches | %.2f per batch |%n",
                CLIENTS, 100.0 * hotBatches[1] / measuredCommands, hotBatches[0],
                hotBatches[0] == 0 ? 0 : (double) hotBatches[1] / hotBatches[0]);
        for (String path : List.of(GATEWAY_DISTINCT, GATEWAY_HOT, GATEWAY_DISTINCT_ALONE)) {
            System.out.printf("| MongoDB round trips per command until the read models show it, %s | %s | |%n",
                    path.replace("commands/s, ", ""), RoundTrips.perCommand(Map.of(), trips.get(path), measuredCommands));
        }
        System.out.printf("| JIT compilation while the rounds were measured | %d ms | |%n", rates.compilationMillisWhileMeasured());
        System.out.printf("| append → read model visible, p50 | %.1f ms | |%n", lagMicros[0] / 1000.0);
        System.out.printf("| append → read model visible, p99 | %.1f ms | |%n", lagMicros[1] / 1000.0);
        rateRow("replay events/s, fresh reader", replay, rawInsert, "raw insert");
        System.out.printf("| full broadcasts/s (9 commands each, sequential) | %.1f | |%n", broadcasts);
        System.out.printf("| audit state as of now, room with %,d events | %.0f ms | |%n", ROOM_EVENTS, asOfMillis);
    }

    /** A table row: a path's settled rate, the JVM's CPU time per command until then, and its ratio to a baseline. */
    private static void settledRow(String path, Rounds.Rates rates, double baseline, String baselineName) {
        System.out.printf("| %s, until the read models show them | %.0f (%.0f µs CPU each) | %.2f × %s |%n", path,
                rates.settledOf(path), rates.cpuMicrosOf(path), rates.settledOf(path) / baseline, baselineName);
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
     * Renames member i another i % threshold times, so that the members reach their snapshot thresholds (every 500
     * events by default, {@code cached-snapshot-threshold}) in different rounds. The distinct paths rename the members
     * in turn, so without this all 500 reached it in the same round (every 17th or so at the threshold of 100): that
     * round took 700–1,000 snapshots on top of its commands, and every path in it ran at a third to a half of its rate
     * (tenth session). Snapshots still cost what they cost, spread over the rounds as they are over time when members
     * are renamed at random.
     */
    private static void staggerSnapshots(CommandGateway commands, List<Member> members, AtomicInteger version,
                                         int threshold) {
        for (int i = 0; i < members.size(); i++) {
            for (int extra = 0; extra < i % threshold; extra++) {
                rename(commands, members.get(i), version);
            }
        }
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
     * Polls the members read model by {@code _id} until it shows the member under this name, with a pause between
     * polls, or none (0) where the poll's resolution matters more than its cost.
     */
    private void awaitShown(MongoCollection<Document> readModel, Member member, String name, long pauseMillis) {
        Document key = new Document("_id", appId + ":" + member.appUserId());
        while (true) {
            Document shown = readModel.find(key).first();
            if (shown != null && name.equals(shown.getString("appUserName"))) {
                return;
            }
            if (pauseMillis == 0) {
                Thread.onSpinWait();
            } else {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
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
            awaitShown(readModel, member, name, 0);
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
