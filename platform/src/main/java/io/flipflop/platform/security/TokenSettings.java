package io.flipflop.platform.security;

import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lifetimes of the credentials FlipFlop issues ({@code flipflop.tokens.*}); the defaults follow FlipFlop Cloud
 * where it documents one (access token 24 h, reference §3.2). Shared by the issuer (command side) and the key
 * set (every side), because a signing key may only be retired once every token it signed has expired.
 *
 * @param accessTtl                 member access token ({@code flipflop.tokens.access-ttl})
 * @param refreshTtl                each refresh token; a refresh starts the clock again for the new one
 * @param streamingTtl              member streaming token
 * @param consoleSessionTtl         console session token and cookie
 * @param unknownKeyReloadInterval  least time between two reloads of the key set caused by a token whose
 *                                  {@code kid} is unknown, so a flood of forged tokens cannot hammer MongoDB
 */
@ConfigurationProperties("flipflop.tokens")
public record TokenSettings(Duration accessTtl, Duration refreshTtl, Duration streamingTtl,
                            Duration consoleSessionTtl, Duration unknownKeyReloadInterval) {

    public TokenSettings {
        accessTtl = accessTtl == null ? Duration.ofHours(24) : accessTtl;
        refreshTtl = refreshTtl == null ? Duration.ofDays(30) : refreshTtl;
        streamingTtl = streamingTtl == null ? Duration.ofHours(24) : streamingTtl;
        consoleSessionTtl = consoleSessionTtl == null ? Duration.ofHours(12) : consoleSessionTtl;
        unknownKeyReloadInterval = unknownKeyReloadInterval == null ? Duration.ofSeconds(10) : unknownKeyReloadInterval;
    }

    /** The longest life of a token signed with a signing key (refresh tokens are opaque, not signed). */
    public Duration longestSignedTokenTtl() {
        return Stream.of(accessTtl, streamingTtl, consoleSessionTtl).max(Duration::compareTo).orElseThrow();
    }
}
