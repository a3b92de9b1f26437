package io.flipflop.query.streamkey;

import static io.flipflop.query.testsupport.ReadModelChecks.assertAppliedTwiceLeavesIdenticalDocuments;
import static io.flipflop.query.testsupport.ReadModelChecks.assertReplayAfterResetRebuildsIdenticalDocuments;
import static io.flipflop.query.testsupport.TestDatabases.documents;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.member.MemberDeleted;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberProfileUpdated;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.paging.PageResponse;
import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopReason;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyAppRef;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyReissued;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyView;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomRef;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.member.MemberQueries;
import io.flipflop.query.paging.Paging;
import io.flipflop.query.relationship.RelationshipQueries;
import io.flipflop.query.testsupport.TestDatabases;
import io.flipflop.query.videoroom.VideoRoomQueries;
import io.flipflop.query.videoroom.VideoRoomViewProjection;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StreamKeyViewProjectionTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final long APP_ID = 100;
    private static final AppRef APP = new AppRef(APP_ID, "ACTIVE", "Sporty");
    private static final long ALICE = 1;
    private static final long KEY = 2;
    private static final long ROOM = 50;
    private static final Instant T = Instant.parse("2026-11-28T10:00:00.125Z");
    private static final String INGEST_URL = "rtmp://media.example/live";

    private static final MemberRegistered ALICE_REGISTERED = new MemberRegistered(ALICE, APP_ID, "alice",
            new MemberProfile("Alice", "https://img/alice.png", null, "MEMBER", null), false, KEY);
    private static final StreamKeyCreated KEY_CREATED = new StreamKeyCreated(KEY, APP_ID, ALICE, "sk-1");

    private MongoDatabase database;
    private StreamKeyViewProjection projection;
    private StreamKeyQueries queries;

    @BeforeEach
    void freshReadModel() {
        database = databases.fresh();
        projection = new StreamKeyViewProjection(database);
        AppQueries apps = new AppQueries(database);
        MemberQueries members = new MemberQueries(database, apps);
        VideoRoomQueries rooms = new VideoRoomQueries(database, apps, members,
                new RelationshipQueries(database, members), PlaybackUrls.at("https://media.example"));
        queries = new StreamKeyQueries(database, apps, rooms, INGEST_URL,
                PlaybackUrls.at("https://media.example", INGEST_URL));
    }

    @Test
    void createdKeyIsAnInactiveKeyOfItsMemberWithItsString() {
        projection.on(ALICE_REGISTERED, 0);
        projection.on(KEY_CREATED, 0, T);

        assertThat(queries.ofApp(APP, KEY).block()).isEqualTo(new StreamKeyView(KEY, "ACTIVE",
                StreamKeyState.INACTIVE, false, new StreamKeyAppRef(APP_ID, "ACTIVE", "Sporty", OutputMode.CMAF),
                new MemberRef(ALICE, "ACTIVE", "alice", "Alice", "https://img/alice.png", "MEMBER"), null,
                INGEST_URL, "sk-1", null, null, null, null, null, null, null, null, null, T, T));
    }

    @Test
    void theKeyFollowsABroadcastThroughDropAndResumeToItsEnd() {
        projection.on(ALICE_REGISTERED, 0);
        projection.on(KEY_CREATED, 0, T);
        VideoRoomViewProjection rooms = new VideoRoomViewProjection(database);
        rooms.on(new VideoRoomCreated(ROOM, VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED, APP_ID, ALICE, "alice",
                KEY, VideoRoomType.BROADCAST_RTMP, new VideoRoomDetails("Morning run", null, AccessLevel.PUBLIC,
                        null, null), T, "uuid-1", CreatorType.MEMBER, ALICE), 0, T);

        projection.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.RTMP_CMAF, null), 1, at(1));
        assertState(StreamKeyState.ACTIVE_PREP, OutputMode.RTMP_CMAF, null);
        projection.on(new CmafPublishStarted(KEY, StreamKeyState.ACTIVE, "w1", null), 2, at(2));
        assertState(StreamKeyState.ACTIVE, OutputMode.RTMP_CMAF, null);
        assertThat(queries.ofApp(APP, KEY).block().playUrl()).as("a preview has no room to play at").isNull();

        projection.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM), 3, at(3));
        rooms.on(new VideoRoomWentLive(ROOM, VideoRoomState.LIVE, KEY), 1, at(3));
        assertState(StreamKeyState.ACTIVE_LIVE, OutputMode.RTMP_CMAF,
                new VideoRoomRef(ROOM, "ACTIVE", VideoRoomState.LIVE, VideoRoomType.BROADCAST_RTMP, "Morning run"));
        StreamKeyView live = queries.ofApp(APP, KEY).block();
        assertThat(live.playUrl()).isEqualTo("https://media.example/live/" + ROOM + "/index.m3u8");
        assertThat(live.liveUrl()).isEqualTo(live.playUrl());
        assertThat(live.cmafDashPlayUrl()).isEqualTo("https://media.example/live/" + ROOM + "/manifest.mpd");
        assertThat(live.httpFlvPlayUrl()).as("mode RTMP_CMAF").isEqualTo("https://media.example/live/" + ROOM + ".flv");
        assertThat(live.rtmpPlayUrl()).as("mode RTMP_CMAF, on the ingest URL").isEqualTo(INGEST_URL + "/" + ROOM);

        projection.on(new CmafPublishStopped(KEY, StreamKeyState.INACTIVE_LIVE, "w1",
                IngestStopReason.PUBLISHER_DISCONNECTED, ROOM), 4, at(4));
        assertThat(queries.ofApp(APP, KEY).block().mode()).as("no ingest, no mode").isNull();
        assertThat(queries.ofApp(APP, KEY).block().playUrl()).isNull();
        projection.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_LIVE_PREP, "w2", OutputMode.CMAF, ROOM), 5, at(5));
        projection.on(new IngestStopped(KEY, StreamKeyState.INACTIVE_LIVE, "w2", IngestStopReason.LEASE_EXPIRED,
                ROOM), 6, at(6));
        projection.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_LIVE_PREP, "w3", OutputMode.CMAF, ROOM), 7, at(7));
        projection.on(new CmafPublishStarted(KEY, StreamKeyState.ACTIVE_LIVE, "w3", ROOM), 8, at(8));
        assertThat(queries.ofApp(APP, KEY).block().streamKeyState()).isEqualTo(StreamKeyState.ACTIVE_LIVE);
        projection.on(new CmafPublishStopped(KEY, StreamKeyState.INACTIVE_LIVE, "w3",
                IngestStopReason.PUBLISHER_DISCONNECTED, ROOM), 9, at(9));

        projection.on(new StreamKeyBroadcastEnded(KEY, StreamKeyState.INACTIVE, ROOM), 10, at(10));
        StreamKeyView ended = queries.ofApp(APP, KEY).block();
        assertThat(ended.streamKeyState()).isEqualTo(StreamKeyState.INACTIVE);
        assertThat(ended.videoRoom()).as("unlinked at the end").isNull();
        assertThat(ended.lastModifiedAt()).isEqualTo(at(10));
        assertThat(ended.createdAt()).isEqualTo(T);
    }

    @Test
    void forceTerminationReplacesTheKeyStringAndMarksTheKeyUntilTheNextIngest() {
        projection.on(ALICE_REGISTERED, 0);
        projection.on(KEY_CREATED, 0, T);
        projection.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF, null), 1, at(1));
        projection.on(new CmafPublishStarted(KEY, StreamKeyState.ACTIVE, "w1", null), 2, at(2));
        projection.on(new StreamKeyWentLive(KEY, StreamKeyState.ACTIVE_LIVE, ROOM), 3, at(3));

        projection.on(new StreamKeyForciblyTerminated(KEY, StreamKeyState.INACTIVE, StreamKeyState.ACTIVE_LIVE, "w1",
                ROOM, "sk-1", "sk-2"), 4, at(4));

        StreamKeyView terminated = queries.ofApp(APP, KEY).block();
        assertThat(terminated.streamKeyState()).isEqualTo(StreamKeyState.INACTIVE);
        assertThat(terminated.forciblyTerminated()).isTrue();
        assertThat(terminated.streamKey()).isEqualTo("sk-2");
        assertThat(terminated.mode()).isNull();
        assertThat(terminated.videoRoom()).isNull();

        projection.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF, null), 5, at(5));
        assertThat(queries.ofApp(APP, KEY).block().forciblyTerminated()).isFalse();
    }

    @Test
    void reissueReplacesTheKeyStringOnly() {
        projection.on(ALICE_REGISTERED, 0);
        projection.on(KEY_CREATED, 0, T);

        projection.on(new StreamKeyReissued(KEY, StreamKeyState.INACTIVE, "sk-1", "sk-9"), 1, at(1));

        StreamKeyView reissued = queries.ofApp(APP, KEY).block();
        assertThat(reissued.streamKey()).isEqualTo("sk-9");
        assertThat(reissued.streamKeyState()).isEqualTo(StreamKeyState.INACTIVE);
        assertThat(reissued.lastModifiedAt()).isEqualTo(at(1));
    }

    @Test
    void theOwnersProfileChangesShowInItsKey() {
        projection.on(ALICE_REGISTERED, 0);
        projection.on(KEY_CREATED, 0, T);

        projection.on(new MemberProfileUpdated(ALICE, APP_ID, new MemberProfile("Alice B.", null, null, null, null)),
                1);

        assertThat(queries.ofApp(APP, KEY).block().member())
                .isEqualTo(new MemberRef(ALICE, "ACTIVE", "alice", "Alice B.", null, null));
    }

    /** Another node, or this one after a restart, has not seen the registration and finds the member's key stored. */
    @Test
    void aProjectionThatDidNotSeeTheRegistrationShowsTheOwnersProfileChange() {
        projection.on(ALICE_REGISTERED, 0);
        projection.on(KEY_CREATED, 0, T);

        new StreamKeyViewProjection(database).on(
                new MemberProfileUpdated(ALICE, APP_ID, new MemberProfile("Alice B.", null, null, null, null)), 1);

        assertThat(queries.ofApp(APP, KEY).block().member().appUserName()).isEqualTo("Alice B.");
    }

    @Test
    void aDeletedMembersKeyIsGoneFromEveryRead() {
        projection.on(ALICE_REGISTERED, 0);
        projection.on(KEY_CREATED, 0, T);

        projection.on(new MemberDeleted(ALICE, APP_ID, "alice"), 1);

        assertThat(queries.ofApp(APP, KEY).blockOptional()).isEmpty();
        assertThat(queries.self(APP_ID, ALICE).blockOptional()).isEmpty();
        assertThat(list(null, null, null, null).content()).isEmpty();
    }

    @Test
    void aGuestHasNoKey() {
        projection.on(new MemberRegistered(9, APP_ID, "guest-9", MemberProfile.EMPTY, true, null), 0);

        assertThat(queries.self(APP_ID, 9).blockOptional()).isEmpty();
        assertThat(documents(database, "stream_keys")).isEmpty();
    }

    @Test
    void theMembersEventsMayArriveBeforeOrAfterTheKeysWithTheSameResult() {
        applyHistory();
        List<Document> memberFirst = documents(database, "stream_keys");

        projection.reset();
        projection.on(KEY_CREATED, 0, T);
        projection.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF, null), 1, at(1));
        projection.on(ALICE_REGISTERED, 0);
        projection.on(new MemberProfileUpdated(ALICE, APP_ID, MemberProfile.EMPTY), 1);
        applyBob();

        assertThat(documents(database, "stream_keys")).isEqualTo(memberFirst);
    }

    @Test
    void theSameEventAppliedTwiceLeavesAnIdenticalDocument() {
        assertAppliedTwiceLeavesIdenticalDocuments(database, this::applyHistory, "stream_keys");
    }

    @Test
    void replayFromZeroAfterResetRebuildsIdenticalDocuments() {
        assertReplayAfterResetRebuildsIdenticalDocuments(database, projection::reset, this::applyHistory,
                "stream_keys", "stream_key_members");
    }

    @Test
    void anotherAppSeesNoneOfTheKeys() {
        applyHistory();
        AppRef other = new AppRef(200, "ACTIVE", "Cooky");

        assertThat(queries.ofApp(other, KEY).blockOptional()).isEmpty();
        assertThat(queries.ofMember(other, ALICE).blockOptional()).isEmpty();
        assertThat(queries.self(200, ALICE).blockOptional()).isEmpty();
        assertThat(queries.list(other, null, null, null, null, StreamKeySort.CREATED_AT_DESC, Paging.of(0, 10))
                .block().content()).extracting(StreamKeyView::id).as("only its own key").containsExactly(6L);
        assertThat(list(null, null, null, null).content()).extracting(StreamKeyView::id)
                .as("the app's own keys, not the other app's key 6").containsExactly(KEY, 4L);
    }

    @Test
    void theListingFiltersByMemberAppUserIdNameAndRoom() {
        applyHistory();
        projection.on(new StreamKeyWentLive(4, StreamKeyState.ACTIVE_LIVE, ROOM), 1, at(20));

        assertThat(list(ALICE, null, null, null).content()).extracting(StreamKeyView::id).containsExactly(KEY);
        assertThat(list(null, "bob", null, null).content()).extracting(StreamKeyView::id).containsExactly(4L);
        assertThat(list(null, null, "BO", null).content()).extracting(StreamKeyView::id).containsExactly(4L);
        assertThat(list(null, null, null, ROOM).content()).extracting(StreamKeyView::id).containsExactly(4L);
        assertThat(list(null, "nobody", null, null).content()).isEmpty();
    }

    @Test
    void theListingSortsAndPages() {
        applyHistory();

        assertThat(queries.list(APP, null, null, null, null, StreamKeySort.CREATED_AT_ASC, Paging.of(0, 1)).block())
                .satisfies(page -> {
                    assertThat(page.content()).extracting(StreamKeyView::id).containsExactly(KEY);
                    assertThat(page.totalElements()).isEqualTo(2);
                    assertThat(page.totalPages()).isEqualTo(2);
                });
        assertThat(queries.list(APP, null, null, null, null, StreamKeySort.CREATED_AT_ASC, Paging.of(1, 1)).block()
                .content()).extracting(StreamKeyView::id).containsExactly(4L);
        assertThat(queries.list(APP, null, null, null, null, StreamKeySort.LAST_MODIFIED_AT_DESC, Paging.of(0, 10))
                .block().content()).extracting(StreamKeyView::id).containsExactly(KEY, 4L);
    }

    private void applyHistory() {
        projection.on(ALICE_REGISTERED, 0);
        projection.on(new MemberProfileUpdated(ALICE, APP_ID, MemberProfile.EMPTY), 1);
        projection.on(KEY_CREATED, 0, T);
        projection.on(new IngestStarted(KEY, StreamKeyState.ACTIVE_PREP, "w1", OutputMode.CMAF, null), 1, at(1));
        applyBob();
    }

    /** Bob's key is created after Alice's but modified before; Cooky's member has a key of another app. */
    private void applyBob() {
        projection.on(new MemberRegistered(3, APP_ID, "bob", new MemberProfile("Bobby", null, null, null, null),
                false, 4L), 0);
        projection.on(new StreamKeyCreated(4, APP_ID, 3, "sk-bob"), 0, T.plusMillis(1));
        projection.on(new MemberRegistered(5, 200, "carol", MemberProfile.EMPTY, false, 6L), 0);
        projection.on(new StreamKeyCreated(6, 200, 5, "sk-carol"), 0, T);
    }

    private PageResponse<StreamKeyView> list(Long memberId, String appUserId, String appUserName, Long videoRoomId) {
        return queries.list(APP, memberId, appUserId, appUserName, videoRoomId, StreamKeySort.CREATED_AT_ASC,
                Paging.of(0, 10)).block();
    }

    private void assertState(StreamKeyState state, OutputMode mode, VideoRoomRef room) {
        StreamKeyView key = queries.ofApp(APP, KEY).block();
        assertThat(key.streamKeyState()).isEqualTo(state);
        assertThat(key.mode()).isEqualTo(mode);
        assertThat(key.videoRoom()).isEqualTo(room);
    }

    private static Instant at(int seconds) {
        return T.plusSeconds(seconds);
    }
}
