package io.flipflop.query.usage;

import static io.flipflop.query.testsupport.ReadModelChecks.assertAppliedTwiceLeavesIdenticalDocuments;
import static io.flipflop.query.testsupport.ReadModelChecks.assertReplayAfterResetRebuildsIdenticalDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.usage.PlaybackUsageReported;
import io.flipflop.api.usage.RoomPlayback;
import io.flipflop.api.usage.StorageMeasured;
import io.flipflop.api.usage.UsageBucket;
import io.flipflop.api.usage.UsageReport;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.security.AuthenticatedApp;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.app.AppViewProjection;
import io.flipflop.query.testsupport.ControllerTestClient;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

class UsageProjectionTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final long APP = 100;
    private static final long OTHER_APP = 200;
    private static final long OWNER = 7;
    private static final long KEY = 2;
    private static final long ROOM = 50;
    private static final Instant TEN = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant ELEVEN = TEN.plusSeconds(3600);
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final UsageRange TODAY_BY_HOUR = UsageRange.parse("2026-11-28T00:00:00Z", "2026-11-29T00:00:00Z",
            "hour", NOW);

    private MongoDatabase database;
    private UsageProjection projection;
    private UsageQueries queries;

    @BeforeEach
    void freshReadModel() {
        database = databases.fresh();
        projection = new UsageProjection(database);
        queries = new UsageQueries(database);
        projection.on(new StreamKeyCreated(KEY, APP, OWNER, "sk-1"));
        projection.on(new VideoRoomCreated(ROOM, VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED, APP, OWNER, "alice",
                KEY, VideoRoomType.BROADCAST_RTMP, new VideoRoomDetails("Run", null, AccessLevel.PUBLIC, null, null),
                TEN, "uuid-1", CreatorType.MEMBER, OWNER));
    }

    @Test
    void ingestIsCountedForTheKeyAndTheAppAndItsLivePartForTheRoomSplitAtHours() {
        previewThenLiveAcrossEleven();

        assertThat(ingest(queries.report(APP, null, null, TODAY_BY_HOUR, NOW).block())).containsExactly(30.0, 30.0);
        assertThat(ingest(queries.report(APP, null, KEY, TODAY_BY_HOUR, NOW).block())).containsExactly(30.0, 30.0);
        assertThat(ingest(queries.report(APP, ROOM, null, TODAY_BY_HOUR, NOW).block())).containsExactly(20.0, 30.0);
        UsageReport byDay = queries.report(APP, null, null, UsageRange.parse("2026-11-28T00:00:00Z",
                "2026-11-29T00:00:00Z", "day", NOW), NOW).block();
        assertThat(byDay.buckets()).extracting(UsageBucket::start).containsExactly(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(byDay.totals().ingestSeconds()).isEqualTo(60.0);
    }

    @Test
    void anIngestStillRunningCountsUpToNow() {
        projection.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF, null), 1,
                NOW.minusSeconds(45), "m1");

        UsageReport report = queries.report(APP, null, KEY, TODAY_BY_HOUR, NOW).block();

        assertThat(report.totals().ingestSeconds()).isEqualTo(45.0);
        assertThat(queries.report(APP, null, KEY, UsageRange.parse(null, NOW.minusSeconds(15).toString(), "hour",
                NOW), NOW).block().totals().ingestSeconds()).isEqualTo(30.0);
    }

    @Test
    void playbackReportsAddUpPerAppAndRoomWithTheHighestPeak() {
        projection.on(playback(TEN, 3, new RoomPlayback(ROOM, 4000, 1000, 2), new RoomPlayback(51, 2000, 500, 1)),
                "m1");
        projection.on(playback(TEN.plusSeconds(5), 1, new RoomPlayback(ROOM, 2000, 700, 1)), "m2");

        UsageReport app = queries.report(APP, null, null, TODAY_BY_HOUR, NOW).block();
        assertThat(app.buckets()).singleElement().satisfies(hour -> {
            assertThat(hour.deliveredViewerSeconds()).isEqualTo(8.0);
            assertThat(hour.deliveredBytes()).isEqualTo(2200);
            assertThat(hour.peakConcurrentViewers()).isEqualTo(3);
        });
        UsageReport room = queries.report(APP, ROOM, null, TODAY_BY_HOUR, NOW).block();
        assertThat(room.totals().deliveredViewerSeconds()).isEqualTo(6.0);
        assertThat(room.totals().peakConcurrentViewers()).isEqualTo(2);
    }

    @Test
    void storageIsEachVolumesNewestMeasurementSummedAndADayEndsWithItsLastHour() {
        projection.on(new StorageMeasured(APP, "w1", "volume-a", 1000, TEN.plusSeconds(60)));
        projection.on(new StorageMeasured(APP, "w1", "volume-a", 3000, TEN.plusSeconds(600)));
        projection.on(new StorageMeasured(APP, "w1", "volume-a", 2000, TEN.plusSeconds(300)));
        projection.on(new StorageMeasured(APP, "w2", "volume-b", 500, TEN.plusSeconds(30)));
        projection.on(new StorageMeasured(APP, "w1", "volume-a", 4000, ELEVEN.plusSeconds(60)));

        UsageReport byHour = queries.report(APP, null, null, TODAY_BY_HOUR, NOW).block();
        assertThat(byHour.buckets()).extracting(UsageBucket::storageBytes).containsExactly(3500L, 4000L);
        assertThat(byHour.totals().storageBytes()).isEqualTo(4000);
        UsageReport byDay = queries.report(APP, null, null, UsageRange.parse(null, null, null, NOW), NOW).block();
        assertThat(byDay.buckets()).extracting(UsageBucket::storageBytes).containsExactly(4000L);
    }

    @Test
    void applyingEveryEventTwiceChangesNothing() {
        assertAppliedTwiceLeavesIdenticalDocuments(database, this::everything, UsageDocuments.HOURS,
                UsageDocuments.STREAM_KEYS, UsageDocuments.ROOMS);
    }

    @Test
    void aReplayAfterAResetRebuildsTheSameDocuments() {
        assertReplayAfterResetRebuildsIdenticalDocuments(database, projection::reset, () -> {
            projection.on(new StreamKeyCreated(KEY, APP, OWNER, "sk-1"));
            everything();
        }, UsageDocuments.HOURS, UsageDocuments.STREAM_KEYS);
    }

    @Test
    void anAppSeesOnlyItsOwnFiguresAndAnotherAppsRoomOrKeyIsNotFound() {
        everything();
        WebTestClient other = ControllerTestClient.as(new AuthenticatedApp(OTHER_APP, "Other"), controller());

        other.get().uri("/v2/apps/me/usage").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.appId").isEqualTo(OTHER_APP).jsonPath("$.buckets").isEmpty()
                .jsonPath("$.totals.ingestSeconds").isEqualTo(0.0);
        other.get().uri("/v2/apps/me/usage?videoRoomId=" + ROOM).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");
        other.get().uri("/v2/apps/me/usage?streamKeyId=" + KEY).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("STREAM_KEY_NOT_FOUND");
        ControllerTestClient.as(new AuthenticatedApp(APP, "Mine"), controller()).get().uri("/v2/apps/me/usage")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.totals.ingestSeconds").isEqualTo(60.0)
                .jsonPath("$.granularity").isEqualTo("day");
    }

    @Test
    void theConsoleReadsOnlyTheUsersOwnApps() {
        new AppViewProjection(database).on(new AppCreated(APP, 1, "Mine", "key", "hash"), 0, TEN);
        everything();

        ControllerTestClient.as(new ConsoleUser(1, "me@example.com"), controller()).get()
                .uri("/console/v1/apps/{id}/usage?granularity=hour", APP).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.buckets.length()").isEqualTo(2)
                .jsonPath("$.buckets[0].start").isEqualTo("2026-11-28T10:00:00Z");
        ControllerTestClient.as(new ConsoleUser(2, "them@example.com"), controller()).get()
                .uri("/console/v1/apps/{id}/usage", APP).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("APP_NOT_FOUND");
    }

    @Test
    void badParametersAreRefusedWithStableCodes() {
        WebTestClient app = ControllerTestClient.as(new AuthenticatedApp(APP, "Mine"), controller());

        expectBadRequest(app, "/v2/apps/me/usage?granularity=week", "INVALID_GRANULARITY");
        expectBadRequest(app, "/v2/apps/me/usage?from=yesterday", "INVALID_USAGE_RANGE");
        expectBadRequest(app, "/v2/apps/me/usage?from=2026-11-28T00:00:00Z&to=2026-11-27T00:00:00Z",
                "INVALID_USAGE_RANGE");
        expectBadRequest(app, "/v2/apps/me/usage?from=2024-01-01T00:00:00Z", "INVALID_USAGE_RANGE");
        expectBadRequest(app, "/v2/apps/me/usage?videoRoomId=1&streamKeyId=2", "INVALID_USAGE_SCOPE");
    }

    private void everything() {
        previewThenLiveAcrossEleven();
        projection.on(playback(TEN, 1, new RoomPlayback(ROOM, 4000, 1000, 1)), "p1");
        projection.on(new StorageMeasured(APP, "w1", "volume-a", 1000, TEN.plusSeconds(60)));
    }

    /** Preview from 10:59:30, live for room 50 from 10:59:40, publisher gone at 11:00:30. */
    private void previewThenLiveAcrossEleven() {
        projection.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF, null), 1,
                ELEVEN.minusSeconds(30), "m1");
        projection.on(new CmafPublishStarted(KEY, StreamKeyState.ACTIVE, "w1", null), 2, ELEVEN.minusSeconds(28),
                "m2");
        projection.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM), 3, ELEVEN.minusSeconds(20), "m3");
        projection.on(new CmafPublishStopped(KEY, StreamKeyState.INACTIVE_LIVE, "w1",
                IngestStopReason.PUBLISHER_DISCONNECTED, ROOM), 4, ELEVEN.plusSeconds(30), "m4");
    }

    private static PlaybackUsageReported playback(Instant start, int peak, RoomPlayback... rooms) {
        return new PlaybackUsageReported(APP, "w1", start, start.plusSeconds(5), peak, List.of(rooms));
    }

    private static List<Double> ingest(UsageReport report) {
        return report.buckets().stream().map(UsageBucket::ingestSeconds).toList();
    }

    private UsageQueryController controller() {
        return new UsageQueryController(queries, new AppQueries(database), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void expectBadRequest(WebTestClient client, String uri, String errorCode) {
        client.get().uri(uri).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo(errorCode);
    }
}
