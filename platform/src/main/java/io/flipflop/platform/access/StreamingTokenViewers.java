package io.flipflop.platform.access;

import io.flipflop.platform.security.TokenClaims;
import io.flipflop.platform.security.TokenDecoders;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@link Viewer} behind a playback request's {@code ?streamingToken=}: anonymous without one, else the
 * member, guest or app of the token, which must verify as a streaming token ({@code aud} "streaming"; an access
 * token or console session does not).
 */
@Component
public class StreamingTokenViewers {

    private final TokenDecoders decoders;

    public StreamingTokenViewers(TokenDecoders decoders) {
        this.decoders = decoders;
    }

    /**
     * Errors with a {@link org.springframework.security.oauth2.jwt.JwtException} for a token that is present but
     * invalid, expired or of the wrong kind: a viewer who sent a broken token should learn so (401), not be
     * quietly treated as anonymous.
     */
    public Mono<Viewer> viewerOf(String streamingToken) {
        if (streamingToken == null || streamingToken.isBlank()) {
            return Mono.just(Viewer.anonymous());
        }
        return decoders.streamingTokens().decode(streamingToken).map(StreamingTokenViewers::fromVerifiedToken);
    }

    /** Reads the nested {@code claims} of a verified streaming token, as the issuer writes them. */
    public static Viewer fromVerifiedToken(Jwt streamingToken) {
        if (!(streamingToken.getClaims().get(TokenClaims.CLAIMS) instanceof Map<?, ?> claims)) {
            throw new BadJwtException("Streaming token without FlipFlop claims");
        }
        long appId = number(claims, TokenClaims.APP_ID);
        Object type = claims.get(TokenClaims.TYPE);
        if (TokenClaims.TYPE_APP.equals(type)) {
            return Viewer.appWide(appId);
        }
        if (TokenClaims.TYPE_MEMBER.equals(type) || TokenClaims.TYPE_GUEST.equals(type)) {
            return Viewer.member(appId, number(claims, TokenClaims.MEMBER_ID), TokenClaims.TYPE_GUEST.equals(type));
        }
        throw new BadJwtException("Streaming token of unknown type");
    }

    private static long number(Map<?, ?> claims, String name) {
        if (claims.get(name) instanceof Number number) {
            return number.longValue();
        }
        throw new BadJwtException("Streaming token without " + name);
    }
}
