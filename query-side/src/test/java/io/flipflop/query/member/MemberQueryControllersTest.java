package io.flipflop.query.member;

import static io.flipflop.query.testsupport.ControllerTestClient.as;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberRegistered;
import io.flipflop.platform.security.AuthenticatedApp;
import io.flipflop.platform.security.AuthenticatedMember;
import io.flipflop.query.app.AppQueries;
import io.flipflop.query.app.AppViewProjection;
import io.flipflop.query.testsupport.TestDatabases;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

class MemberQueryControllersTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final AuthenticatedApp SPORTY = new AuthenticatedApp(100, "Sporty");
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-28T10:00:00.125Z");

    private WebTestClient sporty;
    private MemberQueries queries;

    @BeforeEach
    void aliceIsAMemberOfSporty() {
        MongoDatabase database = databases.fresh();
        new AppViewProjection(database).on(new AppCreated(100, 1, "Sporty", "key", "hash"), 0, REGISTERED_AT);
        new MemberViewProjection(database).on(new MemberRegistered(1, 100, "alice", new MemberProfile("Alice", null,
                null, "MEMBER", Map.of("tier", "gold")), false, 2L), 0, REGISTERED_AT);
        queries = new MemberQueries(database, new AppQueries(database));
        sporty = as(SPORTY, new AppMemberQueryController(queries));
    }

    @Test
    void listingAnswersAFlipFlopPageOfTheCallingAppsMembers() {
        sporty.get().uri("/v2/apps/me/members?sortBy=APP_USER_ID_ASC&page=0&pageSize=10").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content[0].id").isEqualTo(1)
                .jsonPath("$.content[0].state").isEqualTo("ACTIVE")
                .jsonPath("$.content[0].app.name").isEqualTo("Sporty")
                .jsonPath("$.content[0].appUserId").isEqualTo("alice")
                .jsonPath("$.content[0].customData.tier").isEqualTo("gold")
                .jsonPath("$.content[0].appUserProfileImgUrl").hasJsonPath()
                .jsonPath("$.content[0].appUserProfileImgUrl").isEmpty()
                .jsonPath("$.content[0].createdAt").isEqualTo("2026-11-28T10:00:00.125Z")
                .jsonPath("$.totalElements").isEqualTo(1)
                .jsonPath("$.totalPages").isEqualTo(1)
                .jsonPath("$.number").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(10)
                .jsonPath("$.first").isEqualTo(true)
                .jsonPath("$.last").isEqualTo(true)
                .jsonPath("$.pageable.pageSize").isEqualTo(10)
                .jsonPath("$.sort.sorted").isEqualTo(true);
    }

    @Test
    void anUnknownSortByAnswers400InvalidSortBy() {
        sporty.get().uri("/v2/apps/me/members?sortBy=NAME_ASC").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_SORT_BY");
    }

    @Test
    void aMemberIsFoundByItsAppUserId() {
        sporty.get().uri("/v2/apps/me/members/alice").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.appUserName").isEqualTo("Alice");
    }

    @Test
    void anotherAppsMemberAnswers404MemberNotFound() {
        as(new AuthenticatedApp(200, "Cooky"), new AppMemberQueryController(queries))
                .get().uri("/v2/apps/me/members/alice").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
    }

    @Test
    void meAnswersTheTokensMemberWithItsApp() {
        as(new AuthenticatedMember(100, 1, "alice", "Alice", false), new MemberSelfQueryController(queries))
                .get().uri("/v2/members/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(1)
                .jsonPath("$.app.id").isEqualTo(100)
                .jsonPath("$.app.name").isEqualTo("Sporty");
    }

    @Test
    void meOfAnUnknownMemberAnswers404MemberNotFound() {
        as(new AuthenticatedMember(100, 9, "ghost", "Ghost", false), new MemberSelfQueryController(queries))
                .get().uri("/v2/members/me").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
    }
}
