package io.flipflop.query.videoroom;

import static io.flipflop.query.testsupport.ControllerTestClient.as;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.platform.security.AuthenticatedApp;
import io.flipflop.platform.security.AuthenticatedMember;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.app.AppViewProjection;
import io.flipflop.query.member.MemberQueries;
import io.flipflop.query.member.MemberViewProjection;
import io.flipflop.query.relationship.RelationshipQueries;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

class VideoRoomQueryControllersTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final AuthenticatedApp SPORTY = new AuthenticatedApp(100, "Sporty");
    private static final AuthenticatedApp COOKY = new AuthenticatedApp(200, "Cooky");
    private static final AuthenticatedMember ALICE = new AuthenticatedMember(100, 1, "alice", "Alice", false);
    private static final AuthenticatedMember BOB = new AuthenticatedMember(100, 3, "bob", "Bob", false);
    private static final AuthenticatedMember CAROL_OF_COOKY = new AuthenticatedMember(200, 5, "carol", "Carol", false);
    private static final Instant T = Instant.parse("2026-11-28T10:00:00.125Z");

    private VideoRoomQueries rooms;

    @BeforeEach
    void aliceOfSportyHasALivePublicRoomAndAPrivateOne() {
        MongoDatabase database = databases.fresh();
        new AppViewProjection(database).on(new AppCreated(100, 1, "Sporty", "key", "hash"), 0, T);
        new MemberViewProjection(database).on(new MemberRegistered(1, 100, "alice",
                new MemberProfile("Alice", null, null, "MEMBER", null), false, 2L), 0, T);
        VideoRoomViewProjection projection = new VideoRoomViewProjection(database);
        projection.on(room(50, "Morning run", AccessLevel.PUBLIC, "uuid-50"), 0, T);
        projection.on(new VideoRoomWentLive(50, VideoRoomState.LIVE, 2), 1, T.plusSeconds(1));
        projection.on(room(51, "Diary", AccessLevel.PRIVATE, "uuid-51"), 0, T.plusSeconds(2));
        AppQueries apps = new AppQueries(database);
        MemberQueries members = new MemberQueries(database, apps);
        rooms = new VideoRoomQueries(database, apps, members, new RelationshipQueries(database, members),
                PlaybackUrls.at("https://media.example"));
    }

    @Test
    void aRoomAnswersTheUnionOfBothViewsWithNonNullAppMemberPolicyAndChannel() {
        app(SPORTY).get().uri("/v2/apps/me/video-rooms/50").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(50)
                .jsonPath("$.uuid").isEqualTo("uuid-50")
                .jsonPath("$.videoRoomState").isEqualTo("LIVE")
                .jsonPath("$.protocol").isEqualTo("RTMP")
                .jsonPath("$.app.name").isEqualTo("Sporty")
                .jsonPath("$.member.appUserName").isEqualTo("Alice")
                .jsonPath("$.policy.hasPassword").isEqualTo(false)
                .jsonPath("$.channel.channelState").isEqualTo("OPENED")
                .jsonPath("$.streamKey.id").isEqualTo(2)
                .jsonPath("$.streamKey.streamKeyState").isEqualTo("ACTIVE_LIVE")
                .jsonPath("$.streamKey.streamKey").doesNotExist()
                .jsonPath("$.liveStartedAt").isEqualTo("2026-11-28T10:00:01.125Z")
                .jsonPath("$.customData.pace").isEqualTo("slow")
                .jsonPath("$.liveUrl").hasJsonPath()
                .jsonPath("$.playUrl").hasJsonPath()
                .jsonPath("$.cmafDashPlayUrl").hasJsonPath()
                .jsonPath("$.rtmpPlayUrl").hasJsonPath()
                .jsonPath("$.cancelledAt").hasJsonPath();
    }

    @Test
    void anotherAppsRoomAnswers404VideoRoomNotFound() {
        app(COOKY).get().uri("/v2/apps/me/video-rooms/50").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");
        app(COOKY).get().uri("/v2/apps/me/video-rooms").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
        member(CAROL_OF_COOKY).get().uri("/v2/members/me/video-rooms/51").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");
        member(CAROL_OF_COOKY).get().uri("/v2/members/me/video-rooms/uuid/uuid-51").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");
    }

    @Test
    void theAppListingFiltersAndPages() {
        app(SPORTY).get().uri("/v2/apps/me/video-rooms?keyword=RUN&videoRoomState=LIVE&type=BROADCAST_RTMP"
                        + "&accessLevel=PUBLIC&memberId=1&sortBy=LAST_MODIFIED_AT_DESC&page=0&pageSize=5").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content.length()").isEqualTo(1)
                .jsonPath("$.content[0].id").isEqualTo(50)
                .jsonPath("$.size").isEqualTo(5);
    }

    @Test
    void anUnknownFilterValueAnswers400NamingTheParameter() {
        app(SPORTY).get().uri("/v2/apps/me/video-rooms?videoRoomState=ON_AIR").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_VIDEO_ROOM_STATE");
        app(SPORTY).get().uri("/v2/apps/me/video-rooms?type=RADIO").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_VIDEO_ROOM_TYPE");
        app(SPORTY).get().uri("/v2/apps/me/video-rooms?accessLevel=SECRET").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_ACCESS_LEVEL");
    }

    @Test
    void aMemberListsOnlyItsOwnRooms() {
        member(ALICE).get().uri("/v2/members/me/video-rooms?sortBy=CREATED_AT_ASC").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalElements").isEqualTo(2)
                .jsonPath("$.content[0].id").isEqualTo(50)
                .jsonPath("$.content[1].id").isEqualTo(51);
        member(BOB).get().uri("/v2/members/me/video-rooms").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    @Test
    void anotherMemberSeesThePublicRoomButNotThePrivateOne() {
        member(BOB).get().uri("/v2/members/me/video-rooms/uuid/uuid-50").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(50).jsonPath("$.app.name").isEqualTo("Sporty");
        member(BOB).get().uri("/v2/members/me/video-rooms/51").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("VIDEO_ROOM_NOT_FOUND");
        member(ALICE).get().uri("/v2/members/me/video-rooms/51").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Diary");
    }

    private WebTestClient app(AuthenticatedApp app) {
        return as(app, new AppVideoRoomQueryController(rooms));
    }

    private WebTestClient member(AuthenticatedMember member) {
        return as(member, new MemberVideoRoomQueryController(rooms));
    }

    private static VideoRoomCreated room(long id, String title, AccessLevel level, String uuid) {
        return new VideoRoomCreated(id, VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED, 100, 1, "alice", 2L,
                VideoRoomType.BROADCAST_RTMP, new VideoRoomDetails(title, null, level, null, Map.of("pace", "slow")),
                T, uuid, CreatorType.MEMBER, 1);
    }
}
