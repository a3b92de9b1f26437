package io.flipflop.command.token;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.member.RefreshTokensRequest;
import io.flipflop.platform.security.AuthenticatedMember;
import io.flipflop.platform.security.LogCapture;
import io.flipflop.platform.security.SecurityProbeController;
import io.flipflop.platform.security.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
@ActiveProfiles(SecurityProbeController.PROFILE)
class TokenRefreshTest {

    private static final String REFRESH = "/v2/members/me/tokens/refresh";

    @Autowired
    TokenIssuer issuer;

    @Autowired
    MongoDatabase database;

    @Autowired
    WebTestClient web;

    @Test
    void refreshGivesAFreshSetThatWorks() {
        MemberTokens login = login();

        MemberTokens refreshed = refreshOk(login.refreshToken());

        assertThat(refreshed.refreshToken()).isNotEqualTo(login.refreshToken());
        assertThat(refreshed.accessToken()).isNotEqualTo(login.accessToken());
        assertThat(refreshed.streamingToken()).isNotEqualTo(login.streamingToken());
        web.get().uri(SecurityProbeController.MEMBER_PROBE).headers(h -> h.setBearerAuth(refreshed.accessToken()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(AuthenticatedMember.class)
                .isEqualTo(new AuthenticatedMember(8, 1393, "user1", "User One", false));
    }

    @Test
    void theNewRefreshTokenRefreshesAgain() {
        MemberTokens second = refreshOk(login().refreshToken());

        refreshOk(second.refreshToken());
    }

    @Test
    void reusingASpentRefreshTokenIsRejectedAndRevokesTheWholeFamily() {
        MemberTokens login = login();
        MemberTokens newest = refreshOk(login.refreshToken());

        expectInvalid(login.refreshToken());

        expectInvalid(newest.refreshToken());
        Document token = database.getCollection(RefreshTokens.TOKENS)
                .find(Filters.eq("_id", Sha256.hex(newest.refreshToken()))).first();
        assertThat(database.getCollection(RefreshTokens.FAMILIES)
                .find(Filters.eq("_id", token.getString("familyId"))).first().getBoolean("revoked")).isTrue();
    }

    @Test
    void anotherLoginsFamilyIsUntouchedByARevocation() {
        MemberTokens other = login();
        MemberTokens login = login();
        refreshOk(login.refreshToken());

        expectInvalid(login.refreshToken());

        refreshOk(other.refreshToken());
    }

    @Test
    void unknownRefreshTokenIsRejected() {
        expectInvalid("bm90LWEtcmVhbC1yZWZyZXNoLXRva2VuLWF0LWFsbC0");
    }

    @Test
    void missingRefreshTokenIsRejected() {
        expectInvalid(null);
    }

    @Test
    void expiredRefreshTokenIsRejected() {
        MemberTokens login = login();
        database.getCollection(RefreshTokens.TOKENS).updateOne(
                Filters.eq("_id", Sha256.hex(login.refreshToken())),
                Updates.set("expiresAt", Date.from(Instant.now().minusSeconds(1))));

        expectInvalid(login.refreshToken());
    }

    @Test
    void refreshTokensAreStoredOnlyAsTheirHash() {
        MemberTokens login = login();

        List<Document> stored = database.getCollection(RefreshTokens.TOKENS).find().into(new ArrayList<>());
        assertThat(stored).anySatisfy(doc -> assertThat(doc.getString("_id"))
                .isEqualTo(Sha256.hex(login.refreshToken())));
        assertThat(stored).noneSatisfy(doc -> assertThat(doc.toJson()).contains(login.refreshToken()));
    }

    @Test
    void refreshNeedsNoBearerAndIgnoresAStaleOne() {
        MemberTokens login = login();

        web.post().uri(REFRESH).headers(h -> h.setBearerAuth("expired.access.token"))
                .bodyValue(new RefreshTokensRequest(login.refreshToken()))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noStore());
    }

    @Test
    void tokensNeverAppearInTheLogs() {
        try (LogCapture logs = new LogCapture()) {
            MemberTokens login = login();
            MemberTokens refreshed = refreshOk(login.refreshToken());
            expectInvalid(login.refreshToken());
            var session = issuer.issueConsoleSession(42, "owner@example.com");

            List<String> secrets = List.of(login.accessToken(), login.refreshToken(), login.streamingToken(),
                    refreshed.accessToken(), refreshed.refreshToken(), refreshed.streamingToken(),
                    session.sessionToken());
            assertThat(logs.texts()).isNotEmpty()
                    .noneMatch(text -> secrets.stream().anyMatch(text::contains));
        }
    }

    private MemberTokens login() {
        return issuer.issueMemberTokens(8, 1393, "user1", "User One", false);
    }

    private MemberTokens refreshOk(String refreshToken) {
        return web.post().uri(REFRESH).bodyValue(new RefreshTokensRequest(refreshToken))
                .exchange()
                .expectStatus().isOk()
                .expectBody(MemberTokens.class).returnResult().getResponseBody();
    }

    private void expectInvalid(String refreshToken) {
        web.post().uri(REFRESH).bodyValue(new RefreshTokensRequest(refreshToken))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_REFRESH_TOKEN");
    }
}
