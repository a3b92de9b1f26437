package io.flipflop.command.member;


import com.mongodb.client.MongoDatabase;
import io.flipflop.api.member.MemberProfile;
import io.flipflop.platform.security.AppCredentialsDirectory;
import io.flipflop.platform.security.SecurityProbeController;
import io.flipflop.platform.security.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The relationship endpoints over HTTP; what they record is {@link MemberServiceTest}'s and the fixtures' part. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
@ActiveProfiles(SecurityProbeController.PROFILE)
class MemberRelationshipControllerTest {

    private static final long APP = 4811;
    private static final long OTHER_APP = 4812;
    private static final String SECRET = "cmVsYXRpb25zaGlwLWFwcC1zZWNyZXQtMjU2LWJpdHM";

    @Autowired
    WebTestClient web;

    @Autowired
    MongoDatabase database;

    @Autowired
    MemberService members;

    @BeforeEach
    void givenTwoAppsWithMembers() throws Exception {
        credentials("relationshipapp", APP);
        credentials("relationshipother", OTHER_APP);
        for (String appUserId : new String[] {"alice1", "bob1"}) {
            members.upsert(APP, appUserId, MemberProfile.EMPTY).block();
        }
        members.upsert(OTHER_APP, "carol1", MemberProfile.EMPTY).block();
    }

    @Test
    void followingAndUnfollowingAnswerNoContentEveryTime() {
        for (int time = 0; time < 2; time++) {
            put("relationshipapp", "/alice1/followings/bob1").expectStatus().isNoContent().expectBody().isEmpty();
        }
        for (int time = 0; time < 2; time++) {
            delete("relationshipapp", "/alice1/followings/bob1").expectStatus().isNoContent();
        }
    }

    @Test
    void befriendingAndUnfriendingAnswerNoContentEveryTime() {
        put("relationshipapp", "/alice1/friends/bob1").expectStatus().isNoContent();
        put("relationshipapp", "/bob1/friends/alice1").expectStatus().isNoContent();
        delete("relationshipapp", "/alice1/friends/bob1").expectStatus().isNoContent();
        delete("relationshipapp", "/bob1/friends/alice1").expectStatus().isNoContent();
    }

    @Test
    void anUnknownMemberIsNotFound() {
        put("relationshipapp", "/alice1/followings/nobody").expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
        delete("relationshipapp", "/nobody/friends/alice1").expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
    }

    @Test
    void anotherAppsMemberIsNotFound() {
        put("relationshipapp", "/alice1/followings/carol1").expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
        put("relationshipother", "/carol1/friends/alice1").expectStatus().isNotFound()
                .expectBody().jsonPath("$.errorCode").isEqualTo("MEMBER_NOT_FOUND");
    }

    @Test
    void relatingToOneselfIsABadRequest() {
        put("relationshipapp", "/alice1/followings/alice1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("CANNOT_RELATE_TO_SELF");
        put("relationshipapp", "/alice1/friends/alice1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errorCode").isEqualTo("CANNOT_RELATE_TO_SELF");
    }

    @Test
    void withoutAppCredentialsNothingIsRelated() {
        web.put().uri("/v2/apps/me/members/alice1/followings/bob1").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("EMPTY_APP_CREDENTIALS");
    }

    private WebTestClient.ResponseSpec put(String apiKey, String path) {
        return web.put().uri("/v2/apps/me/members" + path).headers(h -> basic(h, apiKey)).exchange();
    }

    private WebTestClient.ResponseSpec delete(String apiKey, String path) {
        return web.delete().uri("/v2/apps/me/members" + path).headers(h -> basic(h, apiKey)).exchange();
    }

    private static void basic(HttpHeaders headers, String apiKey) {
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((apiKey + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    private void credentials(String apiKey, long appId) {
        AppCredentialsDirectory.put(database, apiKey, appId, "App " + appId, Sha256.hex(SECRET));
    }
}
