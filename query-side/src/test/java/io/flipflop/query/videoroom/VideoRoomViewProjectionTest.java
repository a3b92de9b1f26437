package io.flipflop.query.videoroom;

import static io.flipflop.query.testsupport.ReadModelChecks.assertAppliedTwiceLeavesIdenticalDocuments;
import static io.flipflop.query.testsupport.ReadModelChecks.assertReplayAfterResetRebuildsIdenticalDocuments;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.ChannelRef;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.MemberAllowedOnVideoRoom;
import io.flipflop.api.videoroom.MemberDisallowedOnVideoRoom;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.StreamKeyRef;
import io.flipflop.api.videoroom.VideoRoomArchiveFailed;
import io.flipflop.api.videoroom.VideoRoomArchiveStarted;
import io.flipflop.api.videoroom.VideoRoomArchived;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomCancelled;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDeleted;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.api.videoroom.VideoRoomIngestLost;
import io.flipflop.api.videoroom.VideoRoomIngestResumed;
import io.flipflop.api.videoroom.VideoRoomPolicy;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomStats;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomUpdated;
import io.flipflop.api.videoroom.VideoRoomView;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.access.Viewer;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.member.MemberQueries;
import io.flipflop.query.member.MemberViewProjection;
import io.flipflop.query.paging.Paging;
import io.flipflop.query.relationship.RelationshipQueries;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VideoRoomViewProjectionTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final long APP_ID = 100;
    private static final AppRef APP = new AppRef(APP_ID, "ACTIVE", "Sporty");
    private static final long ALICE = 1;
    private static final long KEY = 2;
    private static final long ROOM = 50;
    private static final Instant T = Instant.parse("2026-11-28T10:00:00.125Z");
    private static final Instant SCHEDULED_AT = Instant.parse("2026-12-01T18:00:00Z");
    private static final VideoRoomDetails DETAILS = new VideoRoomDetails("Morning run", "5 km", AccessLevel.PUBLIC,
            "RUN", Map.of("pace", "slow"));
    private static final VideoRoomCreated CREATED = created(ROOM, APP_ID, ALICE, "alice", DETAILS, "uuid-50");

    private MongoDatabase database;
    private VideoRoomViewProjection projection;
    private VideoRoomQueries queries;

    @BeforeEach
    void freshReadModel() {
        database = databases.fresh();
        projection = new VideoRoomViewProjection(database);
        new MemberViewProjection(database).on(new MemberRegistered(ALICE, APP_ID, "alice",
                new MemberProfile("Alice", null, null, "MEMBER", null), false, KEY), 0, T);
        AppQueries apps = new AppQueries(database);
        MemberQueries members = new MemberQueries(database, apps);
        queries = new VideoRoomQueries(database, apps, members, new RelationshipQueries(database, members),
                PlaybackUrls.at("https://media.example"));
    }

    @Test
    void createdRoomIsScheduledWithEveryFieldOfTheView() {
        projection.on(CREATED, 0, T);

        assertThat(queries.ofApp(APP, ROOM).block()).isEqualTo(new VideoRoomView(ROOM, "ACTIVE", "uuid-50",
                VideoRoomType.BROADCAST_RTMP, "RTMP", VideoRoomState.SCHEDULED, false, VodState.NOT_ARCHIVED, null,
                "UNDEFINED", AccessLevel.PUBLIC, APP, new MemberRef(ALICE, "ACTIVE", "alice", "Alice", null, "MEMBER"),
                new ChannelRef(ROOM, "ACTIVE", "OPENED", "Morning run"), CreatorType.MEMBER, ALICE, "Morning run",
                "5 km", "RUN", Map.of("pace", "slow"), new VideoRoomPolicy(false, false, false), SCHEDULED_AT, null,
                0, null, null, null, null, null, null, null, null, null, null, null, new VideoRoomStats(0), T, T));
    }

    @Test
    void aBroadcastGoesLiveDropsResumesEndsAndIsArchived() {
        projection.on(CREATED, 0, T);

        projection.on(new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY), 1, at(1));
        VideoRoomView live = room();
        assertThat(live.videoRoomState()).isEqualTo(VideoRoomState.LIVE);
        assertThat(live.liveStartedAt()).isEqualTo(at(1));
        assertThat(live.streamKey()).isEqualTo(new StreamKeyRef(KEY, "ACTIVE", StreamKeyState.ACTIVE_LIVE));
        assertThat(live.playUrl()).isEqualTo("https://media.example/live/50/index.m3u8");
        assertThat(live.liveUrl()).isEqualTo(live.playUrl());
        assertThat(live.cmafHlsPlayUrl()).isEqualTo(live.playUrl());
        assertThat(live.cmafDashPlayUrl()).isEqualTo("https://media.example/live/50/manifest.mpd");
        assertThat(live.httpFlvPlayUrl()).as("no ingest with mode RTMP known").isNull();
        assertThat(live.rtmpPlayUrl()).isNull();

        projection.on(new VideoRoomIngestLost(ROOM, VideoRoomState.LIVE_INACTIVE, KEY), 2, at(2));
        assertThat(room().streamKey()).isEqualTo(new StreamKeyRef(KEY, "ACTIVE", StreamKeyState.INACTIVE_LIVE));
        assertThat(room().playUrl()).as("cleared while the publisher is away").isNull();
        assertThat(room().liveUrl()).isNull();
        projection.on(new VideoRoomIngestResumed(ROOM, VideoRoomState.LIVE, KEY), 3, at(3));
        assertThat(room().videoRoomState()).isEqualTo(VideoRoomState.LIVE);
        projection.on(new VideoRoomIngestLost(ROOM, VideoRoomState.LIVE_INACTIVE, KEY), 4, at(4));

        projection.on(new VideoRoomBroadcastEnded(ROOM, VideoRoomState.ENDED, KEY), 5, at(5));
        VideoRoomView ended = room();
        assertThat(ended.videoRoomState()).isEqualTo(VideoRoomState.ENDED);
        assertThat(ended.liveEndedAt()).isEqualTo(at(5));
        assertThat(ended.streamKey()).as("unlinked at the end").isNull();
        assertThat(ended.forciblyTerminated()).isFalse();

        projection.on(new VideoRoomArchiveStarted(ROOM, VideoRoomState.ENDED, VodState.ARCHIVING), 6, at(6));
        assertThat(room().vodState()).isEqualTo(VodState.ARCHIVING);
        projection.on(new VideoRoomArchived(ROOM, VideoRoomState.ARCHIVED, VodState.ARCHIVED,
                "/vod/50/index.m3u8"), 7, at(7));
        VideoRoomView archived = room();
        assertThat(archived.videoRoomState()).isEqualTo(VideoRoomState.ARCHIVED);
        assertThat(archived.vodState()).isEqualTo(VodState.ARCHIVED);
        assertThat(archived.vodUrl()).as("the recorded path, made absolute")
                .isEqualTo("https://media.example/vod/50/index.m3u8");
        assertThat(archived.playUrl()).isNull();
        assertThat(archived.vodArchivedAt()).isEqualTo(at(7));
        assertThat(archived.liveStartedAt()).isEqualTo(at(1));
        assertThat(archived.lastModifiedAt()).isEqualTo(at(7));
    }

    @Test
    void aFailedArchiveLeavesTheRoomEnded() {
        projection.on(CREATED, 0, T);
        projection.on(new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY), 1, at(1));
        projection.on(new VideoRoomIngestLost(ROOM, VideoRoomState.LIVE_INACTIVE, KEY), 2, at(2));
        projection.on(new VideoRoomBroadcastEnded(ROOM, VideoRoomState.ENDED, KEY), 3, at(3));
        projection.on(new VideoRoomArchiveStarted(ROOM, VideoRoomState.ENDED, VodState.ARCHIVING), 4, at(4));

        projection.on(new VideoRoomArchiveFailed(ROOM, VideoRoomState.ENDED, VodState.FAILED_ARCHIVING, "disk"), 5,
                at(5));

        assertThat(room().videoRoomState()).isEqualTo(VideoRoomState.ENDED);
        assertThat(room().vodState()).isEqualTo(VodState.FAILED_ARCHIVING);
        assertThat(room().vodUrl()).isNull();
    }

    @Test
    void aForcedEndEndsTheRoomMarkedAndUnlinked() {
        projection.on(CREATED, 0, T);
        projection.on(new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY), 1, at(1));

        projection.on(new VideoRoomForciblyTerminated(ROOM, VideoRoomState.ENDED, KEY), 2, at(2));

        VideoRoomView terminated = room();
        assertThat(terminated.videoRoomState()).isEqualTo(VideoRoomState.ENDED);
        assertThat(terminated.forciblyTerminated()).isTrue();
        assertThat(terminated.liveEndedAt()).isEqualTo(at(2));
        assertThat(terminated.streamKey()).isNull();
        assertThat(terminated.vodState()).isEqualTo(VodState.NOT_ARCHIVED);
    }

    @Test
    void aCancelledRoomKeepsWhenItWasCancelled() {
        projection.on(CREATED, 0, T);

        projection.on(new VideoRoomCancelled(ROOM, VideoRoomState.CANCELLED), 1, at(1));

        assertThat(room().videoRoomState()).isEqualTo(VideoRoomState.CANCELLED);
        assertThat(room().cancelledAt()).isEqualTo(at(1));
    }

    @Test
    void anUpdateReplacesAllDetails() {
        projection.on(CREATED, 0, T);

        projection.on(new VideoRoomUpdated(ROOM, VideoRoomState.SCHEDULED, new VideoRoomDetails("Evening run", null,
                AccessLevel.PRIVATE, null, null)), 1, at(1));

        VideoRoomView updated = room();
        assertThat(updated.title()).isEqualTo("Evening run");
        assertThat(updated.channel().name()).isEqualTo("Evening run");
        assertThat(updated.description()).isNull();
        assertThat(updated.accessLevel()).isEqualTo(AccessLevel.PRIVATE);
        assertThat(updated.customData()).isNull();
        assertThat(updated.lastModifiedAt()).isEqualTo(at(1));
    }

    @Test
    void theAllowlistIsStoredAsMemberIdsAndCountedInTheStats() {
        projection.on(CREATED, 0, T);

        projection.on(new MemberAllowedOnVideoRoom(ROOM, VideoRoomState.SCHEDULED, APP_ID, 3, "bob"), 1, at(1));
        projection.on(new MemberAllowedOnVideoRoom(ROOM, VideoRoomState.SCHEDULED, APP_ID, 5, "carol"), 2, at(2));
        assertThat(allowlist()).containsExactly(3L, 5L);
        assertThat(room().stats()).isEqualTo(new VideoRoomStats(2));
        assertThat(room().lastModifiedAt()).isEqualTo(at(2));
        assertThat(room().videoRoomState()).isEqualTo(VideoRoomState.SCHEDULED);

        projection.on(new MemberDisallowedOnVideoRoom(ROOM, VideoRoomState.SCHEDULED, APP_ID, 3, "bob"), 3, at(3));
        assertThat(allowlist()).containsExactly(5L);
        assertThat(room().stats()).isEqualTo(new VideoRoomStats(1));

        projection.on(new MemberAllowedOnVideoRoom(ROOM, VideoRoomState.SCHEDULED, APP_ID, 3, "bob"), 1, at(1));
        assertThat(allowlist()).as("a late redelivery changes nothing").containsExactly(5L);
    }

    @Test
    void aDeletedRoomIsGoneFromEveryRead() {
        projection.on(CREATED, 0, T);

        projection.on(new VideoRoomDeleted(ROOM, VideoRoomState.SCHEDULED, APP_ID), 1, at(1));

        assertThat(queries.ofApp(APP, ROOM).blockOptional()).isEmpty();
        assertThat(queries.forMemberByUuid(alice(), "uuid-50").blockOptional()).isEmpty();
        assertThat(queries.forMember(alice(), ROOM).blockOptional()).isEmpty();
        assertThat(queries.nested(APP_ID, ROOM).blockOptional()).isEmpty();
        assertThat(list(VideoRoomFilter.of(null, null, null, null, null)).content()).isEmpty();
    }

    @Test
    void aRoomOfADeletedOwnerStillNestsItsOwner() {
        projection.on(CREATED, 0, T);

        new MemberViewProjection(database).on(new MemberDeleted(ALICE, APP_ID, "alice"), 1, at(1));

        assertThat(room().member()).isEqualTo(new MemberRef(ALICE, "DELETED", "alice", null, null, null));
    }

    @Test
    void theSameEventAppliedTwiceLeavesAnIdenticalDocument() {
        assertAppliedTwiceLeavesIdenticalDocuments(database, this::applyHistory, "video_rooms", "video_room_uuids");
    }

    @Test
    void replayFromZeroAfterResetRebuildsIdenticalDocuments() {
        assertReplayAfterResetRebuildsIdenticalDocuments(database, projection::reset, this::applyHistory,
                "video_rooms", "video_room_uuids");
    }

    @Test
    void anotherAppSeesNoneOfTheRooms() {
        applyHistory();
        AppRef cooky = new AppRef(200, "ACTIVE", "Cooky");

        assertThat(queries.ofApp(cooky, ROOM).blockOptional()).isEmpty();
        assertThat(queries.nested(200, ROOM).blockOptional()).isEmpty();
        assertThat(queries.list(cooky, VideoRoomFilter.of(null, null, null, null, null),
                VideoRoomSort.CREATED_AT_ASC, Paging.of(0, 10)).block().content())
                .extracting(VideoRoomView::id).as("only its own room").containsExactly(70L);
        assertThat(list(VideoRoomFilter.of(null, null, null, null, null)).content()).extracting(VideoRoomView::id)
                .containsExactly(ROOM, 60L);
    }

    @Test
    void theListingFiltersByOwnerTitleStateTypeAndAccessLevel() {
        applyHistory();

        assertThat(ids(VideoRoomFilter.of(3L, null, null, null, null))).containsExactly(60L);
        assertThat(ids(VideoRoomFilter.of(null, "MORNING", null, null, null))).containsExactly(ROOM);
        assertThat(ids(VideoRoomFilter.of(null, null, "LIVE", null, null))).containsExactly(ROOM);
        assertThat(ids(VideoRoomFilter.of(null, null, null, "VIDEO_SURVEILLANCE", null))).containsExactly(60L);
        assertThat(ids(VideoRoomFilter.of(null, null, null, null, "PRIVATE"))).containsExactly(60L);
        assertThat(ids(VideoRoomFilter.of(null, "run", "SCHEDULED", null, null))).isEmpty();
    }

    @Test
    void theListingSortsAndPages() {
        applyHistory();
        VideoRoomFilter all = VideoRoomFilter.of(null, null, null, null, null);

        PageResponse<VideoRoomView> first = queries.list(APP, all, VideoRoomSort.CREATED_AT_DESC, Paging.of(0, 1))
                .block();
        assertThat(first.content()).extracting(VideoRoomView::id).containsExactly(60L);
        assertThat(first.totalElements()).isEqualTo(2);
        assertThat(first.last()).isFalse();
        assertThat(queries.list(APP, all, VideoRoomSort.CREATED_AT_DESC, Paging.of(1, 1)).block().content())
                .extracting(VideoRoomView::id).containsExactly(ROOM);
        assertThat(queries.list(APP, all, VideoRoomSort.LAST_MODIFIED_AT_DESC, Paging.of(0, 10)).block().content())
                .extracting(VideoRoomView::id).as("the live room changed last").containsExactly(ROOM, 60L);
    }

    @Test
    void aMembersOwnListingHoldsOnlyItsRooms() {
        applyHistory();

        assertThat(queries.ownedBy(APP_ID, ALICE, VideoRoomFilter.of(null, null, null, null, null),
                VideoRoomSort.CREATED_AT_ASC, Paging.of(0, 10)).block().content())
                .extracting(VideoRoomView::id).containsExactly(ROOM);
        assertThat(queries.ownedBy(APP_ID, ALICE, VideoRoomFilter.of(null, null, "SCHEDULED", null, null),
                VideoRoomSort.CREATED_AT_ASC, Paging.of(0, 10)).block().content()).isEmpty();
    }

    @Test
    void aRoomIsFoundByItsUuid() {
        applyHistory();

        assertThat(queries.forMemberByUuid(alice(), "uuid-50").block().id()).isEqualTo(ROOM);
        assertThat(queries.forMemberByUuid(alice(), "no-such-uuid").blockOptional()).isEmpty();
    }

    /**
     * Alice's live public room 50; Bob's private surveillance room 60, created later; Carol's room 70 of another
     * app.
     */
    private void applyHistory() {
        projection.on(CREATED, 0, T);
        projection.on(new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY), 1, at(10));
        projection.on(new VideoRoomCreated(60, VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED, APP_ID, 3, "bob", 4L,
                VideoRoomType.SURVEILLANCE, new VideoRoomDetails("Backyard", null, AccessLevel.PRIVATE, null, null),
                null, "uuid-60", CreatorType.APP, APP_ID), 0, at(1));
        projection.on(new MemberAllowedOnVideoRoom(60, VideoRoomState.SCHEDULED, APP_ID, ALICE, "alice"), 1, at(2));
        projection.on(new MemberAllowedOnVideoRoom(60, VideoRoomState.SCHEDULED, APP_ID, 7, "dave"), 2, at(3));
        projection.on(new MemberDisallowedOnVideoRoom(60, VideoRoomState.SCHEDULED, APP_ID, ALICE, "alice"), 3,
                at(4));
        projection.on(created(70, 200, 5, "carol", DETAILS, "uuid-70"), 0, T);
    }

    private List<Long> ids(VideoRoomFilter filter) {
        return list(filter).content().stream().map(VideoRoomView::id).toList();
    }

    private PageResponse<VideoRoomView> list(VideoRoomFilter filter) {
        return queries.list(APP, filter, VideoRoomSort.CREATED_AT_ASC, Paging.of(0, 10)).block();
    }

    private List<Object> allowlist() {
        return Mono.from(database.getCollection("video_rooms").find(new Document("_id", ROOM)).first()).block()
                .getList("allowlist", Object.class);
    }

    private VideoRoomView room() {
        return queries.ofApp(APP, ROOM).block();
    }

    private static Viewer.Member alice() {
        return new Viewer.Member(APP_ID, ALICE, false);
    }

    private static VideoRoomCreated created(long room, long app, long member, String appUserId,
                                            VideoRoomDetails details, String uuid) {
        return new VideoRoomCreated(room, VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED, app, member, appUserId,
                member + 1, VideoRoomType.BROADCAST_RTMP, details, SCHEDULED_AT, uuid, CreatorType.MEMBER, member);
    }

    private static Instant at(int seconds) {
        return T.plusSeconds(seconds);
    }
}
