package io.flipflop.query.relationship;

import static io.flipflop.query.testsupport.ControllerTestClient.as;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.member.FollowingAdded;
import io.flipflop.api.member.FriendAdded;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.platform.security.AuthenticatedApp;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.member.MemberQueries;
import io.flipflop.query.member.MemberViewProjection;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

class AppRelationshipQueryControllerTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final Instant T = Instant.parse("2026-11-28T10:00:00.125Z");

    private MemberQueries members;
    private RelationshipQueries relationships;

    @BeforeEach
    void bobFollowsAndBefriendsAlice() {
        MongoDatabase database = databases.fresh();
        MemberViewProjection memberProjection = new MemberViewProjection(database);
        memberProjection.on(new MemberRegistered(1, 100, "alice", MemberProfile.EMPTY, false, 2L), 0, T);
        memberProjection.on(new MemberRegistered(3, 100, "bob", new MemberProfile("Bob", null, null, null, null),
                false, 4L), 0, T);
        RelationshipProjection projection = new RelationshipProjection(database);
        projection.on(new FollowingAdded(3, 100, "bob", 1, "alice"), 1);
        projection.on(new FriendAdded(1, 100, "alice", 3, "bob"), 1);
        members = new MemberQueries(database, new AppQueries(database));
        relationships = new RelationshipQueries(database, members);
    }

    @Test
    void theListsAnswerPagesOfMembers() {
        app(100).get().uri("/v2/apps/me/members/alice/followers").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[0].appUserId").isEqualTo("bob")
                .jsonPath("$.content[0].appUserName").isEqualTo("Bob")
                .jsonPath("$.content[0].app.id").isEqualTo(100)
                .jsonPath("$.totalElements").isEqualTo(1);
        app(100).get().uri("/v2/apps/me/members/bob/followings").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[0].appUserId").isEqualTo("alice");
        app(100).get().uri("/v2/apps/me/members/alice/friends?page=0&pageSize=5").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[0].appUserId").isEqualTo("bob").jsonPath("$.size").isEqualTo(5);
        app(100).get().uri("/v2/apps/me/members/alice/followings").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    @Test
    void anotherAppsMemberAnswers404MemberNotFound() {
        for (String list : new String[] {"followings", "followers", "friends"}) {
            app(200).get().uri("/v2/apps/me/members/alice/" + list).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
        }
    }

    private WebTestClient app(long appId) {
        return as(new AuthenticatedApp(appId, "App " + appId), new AppRelationshipQueryController(members,
                relationships));
    }
}
