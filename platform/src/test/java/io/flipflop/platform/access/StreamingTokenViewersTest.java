package io.flipflop.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/** The claims of a verified streaming token, read as a viewer (the signature and audience are the decoder's job). */
class StreamingTokenViewersTest {

    @Test
    void anAppWideTokenIsItsApp() {
        assertThat(StreamingTokenViewers.fromVerifiedToken(token(Map.of("appId", 8L, "type", "APP"))))
                .isEqualTo(Viewer.appWide(8));
    }

    @Test
    void aMembersTokenIsTheMember() {
        Jwt token = token(Map.of("appId", 8L, "memberId", 1393L, "type", "MEMBER"));
        assertThat(StreamingTokenViewers.fromVerifiedToken(token)).isEqualTo(Viewer.member(8, 1393, false));
    }

    @Test
    void aGuestsTokenIsAGuest() {
        Jwt token = token(Map.of("appId", 8L, "memberId", 1400L, "type", "GUEST"));
        assertThat(StreamingTokenViewers.fromVerifiedToken(token)).isEqualTo(Viewer.member(8, 1400, true));
    }

    @Test
    void aTokenOfUnknownTypeIsRefused() {
        Jwt token = token(Map.of("appId", 8L, "type", "ADMIN"));
        assertThatThrownBy(() -> StreamingTokenViewers.fromVerifiedToken(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aMemberTokenWithoutItsMemberIsRefused() {
        Jwt token = token(Map.of("appId", 8L, "type", "MEMBER"));
        assertThatThrownBy(() -> StreamingTokenViewers.fromVerifiedToken(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenWithoutClaimsIsRefused() {
        Jwt bare = Jwt.withTokenValue("t").header("alg", "ES256").subject("1393").build();
        assertThatThrownBy(() -> StreamingTokenViewers.fromVerifiedToken(bare)).isInstanceOf(BadJwtException.class);
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "ES256").audience(List.of("streaming"))
                .issuedAt(Instant.now()).claim("claims", claims).build();
    }
}
