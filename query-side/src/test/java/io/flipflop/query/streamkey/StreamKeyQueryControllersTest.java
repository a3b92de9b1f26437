package io.flipflop.query.streamkey;

import static io.flipflop.query.testsupport.ControllerTestClient.as;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.platform.playback.PlaybackUrls;
import io.flipflop.platform.security.AuthenticatedApp;
import io.flipflop.platform.security.AuthenticatedMember;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.app.AppViewProjection;
import io.flipflop.query.member.MemberQueries;
import io.flipflop.query.member.MemberViewProjection;
import io.flipflop.query.relationship.RelationshipQueries;
import io.flipflop.query.testsupport.TestDatabases;
import io.flipflop.query.videoroom.VideoRoomQueries;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

class StreamKeyQueryControllersTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final AuthenticatedApp SPORTY = new AuthenticatedApp(100, "Sporty");
    private static final AuthenticatedApp COOKY = new AuthenticatedApp(200, "Cooky");
    private static final AuthenticatedMember ALICE = new AuthenticatedMember(100, 1, "alice", "Alice", false);
    private static final Instant T = Instant.parse("2026-11-28T10:00:00.125Z");

    private StreamKeyQueries keys;
    private MemberQueries members;

    @BeforeEach
    void aliceOfSportyHasAKey() {
        MongoDatabase database = databases.fresh();
        new AppViewProjection(database).on(new AppCreated(100, 1, "Sporty", "key", "hash"), 0, T);
        new AppViewProjection(database).on(new AppCreated(200, 1, "Cooky", "key2", "hash2"), 0, T);
        MemberRegistered alice = new MemberRegistered(1, 100, "alice",
                new MemberProfile("Alice", null, null, null, null), false, 2L);
        new MemberViewProjection(database).on(alice, 0, T);
        new MemberViewProjection(database).on(new MemberRegistered(9, 100, "guest-9", MemberProfile.EMPTY, true,
                null), 0, T);
        StreamKeyViewProjection projection = new StreamKeyViewProjection(database);
        projection.on(alice, 0);
        projection.on(new StreamKeyCreated(2, 100, 1, "sk-alice"), 0, T);
        AppQueries apps = new AppQueries(database);
        members = new MemberQueries(database, apps);
        keys = new StreamKeyQueries(database, apps, new VideoRoomQueries(database, apps, members,
                new RelationshipQueries(database, members), PlaybackUrls.at("https://media.example")),
                "rtmp://media.example/live", PlaybackUrls.at("https://media.example"));
    }

    @Test
    void aMembersKeyAnswersBothFieldSetsWithItsString() {
        app(SPORTY).get().uri("/v2/apps/me/members/alice/stream-key").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(2)
                .jsonPath("$.state").isEqualTo("ACTIVE")
                .jsonPath("$.streamKeyState").isEqualTo("INACTIVE")
                .jsonPath("$.forciblyTerminated").isEqualTo(false)
                .jsonPath("$.streamKey").isEqualTo("sk-alice")
                .jsonPath("$.ingestUrl").isEqualTo("rtmp://media.example/live")
                .jsonPath("$.app.name").isEqualTo("Sporty")
                .jsonPath("$.app.defaultRtmpOutputMode").isEqualTo("CMAF")
                .jsonPath("$.member.appUserId").isEqualTo("alice")
                .jsonPath("$.member.appUserName").isEqualTo("Alice")
                .jsonPath("$.videoRoom").isEmpty()
                .jsonPath("$.liveUrl").hasJsonPath()
                .jsonPath("$.playUrl").hasJsonPath()
                .jsonPath("$.cmafHlsPlayUrl").hasJsonPath()
                .jsonPath("$.httpFlvPlayUrl").hasJsonPath()
                .jsonPath("$.createdAt").isEqualTo("2026-11-28T10:00:00.125Z");
    }

    @Test
    void anUnknownMemberAnswers404MemberNotFoundAndAGuest404StreamKeyNotFound() {
        app(SPORTY).get().uri("/v2/apps/me/members/nobody/stream-key").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
        app(SPORTY).get().uri("/v2/apps/me/members/guest-9/stream-key").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("STREAM_KEY_NOT_FOUND");
    }

    @Test
    void theListingAnswersAPageOfTheAppsKeys() {
        app(SPORTY).get().uri("/v2/apps/me/stream-keys?appUserName=ali&sortBy=CREATED_AT_ASC&page=0&pageSize=10")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[0].id").isEqualTo(2)
                .jsonPath("$.totalElements").isEqualTo(1)
                .jsonPath("$.number").isEqualTo(0);
    }

    @Test
    void anUnknownSortByAnswers400InvalidSortBy() {
        app(SPORTY).get().uri("/v2/apps/me/stream-keys?sortBy=NAME").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_SORT_BY");
    }

    @Test
    void aKeyIsFoundByItsId() {
        app(SPORTY).get().uri("/v2/apps/me/stream-keys/2").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.streamKey").isEqualTo("sk-alice");
    }

    @Test
    void anotherAppAnswers404ForEveryKeyRead() {
        app(COOKY).get().uri("/v2/apps/me/stream-keys/2").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("STREAM_KEY_NOT_FOUND");
        app(COOKY).get().uri("/v2/apps/me/members/alice/stream-key").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
        app(COOKY).get().uri("/v2/apps/me/stream-keys").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
        as(new AuthenticatedMember(200, 1, "alice", "Alice", false), new MemberStreamKeyQueryController(keys))
                .get().uri("/v2/members/me/stream-key").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("STREAM_KEY_NOT_FOUND");
    }

    @Test
    void aMemberReadsItsOwnKeyWithItsString() {
        as(ALICE, new MemberStreamKeyQueryController(keys)).get().uri("/v2/members/me/stream-key").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(2)
                .jsonPath("$.streamKey").isEqualTo("sk-alice")
                .jsonPath("$.app.name").isEqualTo("Sporty");
    }

    @Test
    void aGuestHasNoKey() {
        as(new AuthenticatedMember(100, 9, "guest-9", null, true), new MemberStreamKeyQueryController(keys))
                .get().uri("/v2/members/me/stream-key").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("STREAM_KEY_NOT_FOUND");
    }

    private WebTestClient app(AuthenticatedApp app) {
        return as(app, new AppStreamKeyQueryController(keys, members));
    }
}
