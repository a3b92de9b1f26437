package io.flipflop.command.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.user.ConsoleSession;
import io.flipflop.platform.security.AuthenticatedMember;
import io.flipflop.platform.security.ConsoleUser;
import io.flipflop.platform.security.SecurityProbeController;
import io.flipflop.platform.security.SigningKeys;
import io.flipflop.platform.security.TokenDecoders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
@ActiveProfiles(SecurityProbeController.PROFILE)
class TokenIssuingTest {

    @Autowired
    TokenIssuer issuer;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    TokenDecoders decoders;

    @Autowired
    WebTestClient web;

    @Test
    void accessTokenHasFlipFlopsClaimShapeSignedWithTheCurrentKey() throws Exception {
        MemberTokens tokens = issuer.issueMemberTokens(8, 1393, "user1", "User One", false);

        SignedJWT jwt = SignedJWT.parse(tokens.accessToken());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(signingKeys.signingKey().getKeyID());
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("FlipFlop");
        assertThat(claims.getSubject()).isEqualTo("1393");
        assertThat(claims.getAudience()).containsExactly("api");
        assertThat(claims.getJWTID()).matches("[0-9A-Za-z]{27}");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(Duration.ofHours(24).toMillis());
        assertThat(claims.getJSONObjectClaim("claims")).containsExactly(
                Map.entry("appId", 8L), Map.entry("type", "MEMBER"), Map.entry("appUserId", "user1"),
                Map.entry("memberId", 1393L), Map.entry("username", "User One"));
    }

    @Test
    void accessTokenAuthenticatesItsMember() {
        MemberTokens tokens = issuer.issueMemberTokens(8, 1393, "user1", "User One", false);

        web.get().uri(SecurityProbeController.MEMBER_PROBE).headers(h -> h.setBearerAuth(tokens.accessToken()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(AuthenticatedMember.class)
                .isEqualTo(new AuthenticatedMember(8, 1393, "user1", "User One", false));
    }

    @Test
    void guestTokensSayGuest() throws Exception {
        MemberTokens tokens = issuer.issueMemberTokens(8, 1500, "g1500", "Guest", true);

        assertThat(SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getJSONObjectClaim("claims"))
                .containsEntry("type", "GUEST");
        assertThat(SignedJWT.parse(tokens.streamingToken()).getJWTClaimsSet().getJSONObjectClaim("claims"))
                .containsEntry("type", "GUEST");
    }

    @Test
    void streamingTokenVerifiesForStreamingButIsNotAnAccessToken() {
        MemberTokens tokens = issuer.issueMemberTokens(8, 1393, "user1", "User One", false);

        Jwt streaming = decoders.streamingTokens().decode(tokens.streamingToken()).block();
        assertThat(streaming.getAudience()).containsExactly("streaming");
        assertThat(streaming.getClaimAsMap("claims")).containsOnly(
                Map.entry("appId", 8L), Map.entry("memberId", 1393L), Map.entry("appUserId", "user1"),
                Map.entry("type", "MEMBER"));
        web.get().uri(SecurityProbeController.MEMBER_PROBE).headers(h -> h.setBearerAuth(tokens.streamingToken()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_ACCESS_TOKEN");
    }

    @Test
    void consoleSessionAuthenticatesItsUserForTwelveHours() {
        ConsoleSession session = issuer.issueConsoleSession(42, "owner@example.com");

        assertThat(session.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofHours(12)), within(Duration.ofSeconds(5)));
        Jwt jwt = decoders.consoleSessions().decode(session.sessionToken()).block();
        assertThat(jwt.getExpiresAt()).isEqualTo(session.expiresAt());
        web.get().uri(SecurityProbeController.CONSOLE_PROBE).headers(h -> h.setBearerAuth(session.sessionToken()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(ConsoleUser.class).isEqualTo(new ConsoleUser(42, "owner@example.com"));
    }

    @Test
    void consoleSessionIsNotAnAccessToken() {
        ConsoleSession session = issuer.issueConsoleSession(42, "owner@example.com");

        web.get().uri(SecurityProbeController.MEMBER_PROBE).headers(h -> h.setBearerAuth(session.sessionToken()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_ACCESS_TOKEN");
    }

    @Test
    void afterKeyRotationNewTokensUseTheNewKidAndOldTokensStillWork() throws Exception {
        MemberTokens before = issuer.issueMemberTokens(8, 1393, "user1", "User One", false);

        String newKid = signingKeys.rotate();
        MemberTokens after = issuer.issueMemberTokens(8, 1393, "user1", "User One", false);

        assertThat(SignedJWT.parse(after.accessToken()).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(SignedJWT.parse(before.accessToken()).getHeader().getKeyID()).isNotEqualTo(newKid);
        for (String accessToken : List.of(before.accessToken(), after.accessToken())) {
            web.get().uri(SecurityProbeController.MEMBER_PROBE).headers(h -> h.setBearerAuth(accessToken))
                    .exchange()
                    .expectStatus().isOk();
        }
    }
}
