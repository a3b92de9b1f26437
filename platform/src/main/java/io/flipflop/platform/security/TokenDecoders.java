package io.flipflop.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Spring Security decoders for FlipFlop's three kinds of JWT, one per audience. Each accepts only ES256
 * signatures by a live key of {@link SigningKeys} found by {@code kid} (so {@code alg: none}, HS256 with a
 * guessed secret and tokens of unknown keys all fail), issuer {@value TokenClaims#ISSUER}, its own audience,
 * and a present, unexpired {@code exp} (also {@code nbf}) with {@link #CLOCK_SKEW} of tolerance between nodes.
 */
@Component
public class TokenDecoders {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final ReactiveJwtDecoder accessTokens;
    private final ReactiveJwtDecoder streamingTokens;
    private final ReactiveJwtDecoder consoleSessions;

    public TokenDecoders(SigningKeys signingKeys) {
        this.accessTokens = decoder(signingKeys, TokenClaims.AUDIENCE_API);
        this.streamingTokens = decoder(signingKeys, TokenClaims.AUDIENCE_STREAMING);
        this.consoleSessions = decoder(signingKeys, TokenClaims.AUDIENCE_CONSOLE);
    }

    /** Member access tokens ({@code aud} "api"), for {@code /v2/members/me/...}. */
    public ReactiveJwtDecoder accessTokens() {
        return accessTokens;
    }

    /** Streaming tokens ({@code aud} "streaming"), for the media origin's playback checks. */
    public ReactiveJwtDecoder streamingTokens() {
        return streamingTokens;
    }

    /** Console sessions ({@code aud} "console"), for {@code /console/v1/...}. */
    public ReactiveJwtDecoder consoleSessions() {
        return consoleSessions;
    }

    private static ReactiveJwtDecoder decoder(SigningKeys signingKeys, String audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Flux.from(signingKeys.verificationKey(jwt.getHeader().getKeyID())))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(CLOCK_SKEW),
                // The timestamp validator passes a token without exp; such a token would never expire.
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(TokenClaims.ISSUER),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        return decoder;
    }
}
