package io.flipflop.platform.security;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.flipflop.platform.security.SecurityProbeController.MEMBER_PROBE;
import static org.assertj.core.api.Assertions.assertThat;

@SecurityIntegrationTest
class SigningKeyRotationTest {

    private static final AuthenticatedMember MEMBER = new AuthenticatedMember(3, 33, "u33", "Thirty-three", false);

    @Autowired
    WebTestClient web;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    MongoDatabase database;

    @Autowired
    TokenSettings settings;

    @Test
    void tokenSignedWithTheOldKeyStillVerifiesAfterRotation() {
        String beforeRotation = TestTokens.es256(signingKeys.signingKey(), TestTokens.accessClaims(MEMBER).build());

        signingKeys.rotate();

        expectAccepted(beforeRotation);
    }

    @Test
    void rotationMakesTheNewKeySignNewTokens() {
        String oldKid = signingKeys.signingKey().getKeyID();

        String newKid = signingKeys.rotate();

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(signingKeys.signingKey().getKeyID()).isEqualTo(newKid);
        expectAccepted(TestTokens.es256(signingKeys.signingKey(), TestTokens.accessClaims(MEMBER).build()));
    }

    @Test
    void jwksPublishesTheOldAndTheNewPublicKeysOnly() throws Exception {
        String oldKid = signingKeys.signingKey().getKeyID();
        String newKid = signingKeys.rotate();

        Map<String, Object> body = web.get().uri(JwksController.PATH).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        JWKSet published = JWKSet.parse(body);
        assertThat(published.getKeys()).extracting(key -> key.getKeyID()).contains(oldKid, newKid);
        assertThat(published.getKeys()).allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.toJSONObject()).doesNotContainKey("d");
            assertThat(((ECKey) key).getCurve().getName()).isEqualTo("P-256");
        });
    }

    @Test
    void keyRotatedByAnotherNodeIsFoundWhenItsKidFirstArrives() {
        SigningKeys otherNode = new SigningKeys(database, settings);
        otherNode.rotate();

        expectAccepted(TestTokens.es256(otherNode.signingKey(), TestTokens.accessClaims(MEMBER).build()));
    }

    private void expectAccepted(String token) {
        web.get().uri(MEMBER_PROBE).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody(AuthenticatedMember.class).isEqualTo(MEMBER);
    }
}
