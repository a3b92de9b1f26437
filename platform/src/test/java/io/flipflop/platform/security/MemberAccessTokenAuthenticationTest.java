package io.flipflop.platform.security;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.flipflop.platform.security.SecurityProbeController.MEMBER_PROBE;

@SecurityIntegrationTest
class MemberAccessTokenAuthenticationTest {

    private static final AuthenticatedMember MEMBER = new AuthenticatedMember(8, 1393, "user1", "User One", false);

    @Autowired
    WebTestClient web;

    @Autowired
    SigningKeys signingKeys;

    @Test
    void validAccessTokenReachesTheHandlerAsItsMember() {
        web.get().uri(MEMBER_PROBE).headers(h -> h.setBearerAuth(token(TestTokens.accessClaims(MEMBER).build())))
                .exchange()
                .expectStatus().isOk()
                .expectBody(AuthenticatedMember.class).isEqualTo(MEMBER);
    }

    @Test
    void guestTokenGivesAGuestMember() {
        AuthenticatedMember guest = new AuthenticatedMember(8, 1400, "g1400", "Guest", true);
        web.get().uri(MEMBER_PROBE).headers(h -> h.setBearerAuth(token(TestTokens.accessClaims(guest).build())))
                .exchange()
                .expectStatus().isOk()
                .expectBody(AuthenticatedMember.class).isEqualTo(guest);
    }

    @Test
    void missingBearerIsAnsweredWithEmptyAccessToken() {
        web.get().uri(MEMBER_PROBE).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("EMPTY_ACCESS_TOKEN");
    }

    @Test
    void expiredTokenIsRejected() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        expectInvalid(token(TestTokens.accessClaims(MEMBER)
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofHours(1)))).build()));
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        expectInvalid(token(TestTokens.accessClaims(MEMBER).expirationTime(null).build()));
    }

    @Test
    void tamperedSignatureIsRejected() {
        expectInvalid(TestTokens.withTamperedSignature(token(TestTokens.accessClaims(MEMBER).build())));
    }

    @Test
    void tamperedClaimsAreRejected() {
        String genuine = token(TestTokens.accessClaims(MEMBER).build());
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                TestTokens.accessClaims(new AuthenticatedMember(8, 1, "admin", "admin", false)).build()
                        .toString().getBytes(StandardCharsets.UTF_8));
        String[] parts = genuine.split("\\.");
        expectInvalid(parts[0] + "." + forgedPayload + "." + parts[2]);
    }

    @Test
    void streamingTokenIsNotAnAccessToken() {
        expectInvalid(token(TestTokens.accessClaims(MEMBER).audience(TokenClaims.AUDIENCE_STREAMING).build()));
    }

    @Test
    void consoleSessionIsNotAnAccessToken() {
        expectInvalid(token(TestTokens.consoleClaims(new ConsoleUser(1393, "a@example.com")).build()));
    }

    @Test
    void tokenOfAnotherIssuerIsRejected() {
        expectInvalid(token(TestTokens.accessClaims(MEMBER).issuer("SomeoneElse").build()));
    }

    @Test
    void unsignedTokenIsRejected() {
        expectInvalid(TestTokens.unsigned(TestTokens.accessClaims(MEMBER).build()));
    }

    @Test
    void hmacTokenSignedWithAGuessedSecretIsRejected() {
        byte[] guessed = "FlipFlop-FlipFlop-FlipFlop-FlipFlop".getBytes(StandardCharsets.UTF_8);
        expectInvalid(TestTokens.hs256(signingKeys.signingKey().getKeyID(), guessed, TestTokens.accessClaims(MEMBER).build()));
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRejected() {
        expectInvalid(TestTokens.es256(TestTokens.foreignKey(), TestTokens.accessClaims(MEMBER).build()));
    }

    @Test
    void tokenSignedByAnUnknownKeyClaimingAKnownKidIsRejected() {
        var impostor = TestTokens.foreignKey();
        var claimingKnownKid = new ECKey.Builder(impostor)
                .keyID(signingKeys.signingKey().getKeyID()).build();
        expectInvalid(TestTokens.es256(claimingKnownKid, TestTokens.accessClaims(MEMBER).build()));
    }

    @Test
    void tokenWhoseClaimsLackTheMemberIsRejected() {
        expectInvalid(token(TestTokens.valid(TokenClaims.AUDIENCE_API, "1393").build()));
    }

    @Test
    void garbageIsRejected() {
        expectInvalid("not-a-jwt");
    }

    @Test
    void refreshEndpointIsOutsideTheChainSoAStaleBearerDoesNotBlockIt() {
        // Nothing serves the path in the platform alone: 404 shows the request got past security.
        web.post().uri(SecurityChains.MEMBER_TOKEN_REFRESH_PATH).headers(h -> h.setBearerAuth("expired.or.garbage"))
                .exchange()
                .expectStatus().isNotFound();
    }

    private String token(JWTClaimsSet claims) {
        return TestTokens.es256(signingKeys.signingKey(), claims);
    }

    private void expectInvalid(String token) {
        web.get().uri(MEMBER_PROBE).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_ACCESS_TOKEN");
    }
}
