package io.flipflop.command.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.user.ConsoleSession;
import io.flipflop.platform.security.AuthenticatedMember;
import io.flipflop.platform.security.SigningKeys;
import io.flipflop.platform.security.TokenClaims;
import io.flipflop.platform.security.TokenSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Signs FlipFlop's JWTs with the current key of {@link SigningKeys} (ES256, {@code kid} in the header) and
 * hands out refresh tokens from {@link RefreshTokens}. The access token keeps FlipFlop Cloud's claim shape
 * (reference §3.2) with a real {@code sub} and an audience. Blocking (MongoDB writes): call off the event loop.
 */
@Component
public class JwtTokenIssuer implements TokenIssuer {

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** FlipFlop's {@code jti} is a 27-character KSUID-like string; ours has the same look, from 160 random bits. */
    private static final int JTI_LENGTH = 27;
    /** A member token's subject is its member id; an app's gets a prefix, so the two can never be confused. */
    private static final String APP_SUBJECT_PREFIX = "app:";

    private final SigningKeys signingKeys;
    private final RefreshTokens refreshTokens;
    private final TokenSettings settings;
    private final SecureRandom random = new SecureRandom();

    public JwtTokenIssuer(SigningKeys signingKeys, RefreshTokens refreshTokens, TokenSettings settings) {
        this.signingKeys = signingKeys;
        this.refreshTokens = refreshTokens;
        this.settings = settings;
    }

    @Override
    public MemberTokens issueMemberTokens(long appId, long memberId, String appUserId, String username, boolean guest) {
        AuthenticatedMember member = new AuthenticatedMember(appId, memberId, appUserId, username, guest);
        return tokensFor(member, refreshTokens.startFamily(member));
    }

    /** Spends a refresh token for a new set; 401 {@code INVALID_REFRESH_TOKEN} as {@link RefreshTokens#rotate} says. */
    public MemberTokens refresh(String refreshToken) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(refreshToken);
        return tokensFor(rotation.member(), rotation.refreshToken());
    }

    /**
     * The streaming token the member would get at login, alone: for the console, which plays a room as its
     * owner does (the owner alone may preview). No refresh-token family is started.
     */
    public String issueMemberStreamingToken(AuthenticatedMember member) {
        return streamingToken(member);
    }

    /** Same audience and lifetime as a member's streaming token; {@code claims.type} "APP" and no member. */
    @Override
    public String issueAppStreamingToken(long appId) {
        Instant now = now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(TokenClaims.APP_ID, appId);
        claims.put(TokenClaims.TYPE, TokenClaims.TYPE_APP);
        return sign(base(TokenClaims.AUDIENCE_STREAMING, APP_SUBJECT_PREFIX + appId, now,
                now.plus(settings.streamingTtl()))
                .claim(TokenClaims.CLAIMS, claims).build());
    }

    @Override
    public ConsoleSession issueConsoleSession(long userId, String email) {
        Instant now = now();
        Instant expiresAt = now.plus(settings.consoleSessionTtl());
        JWTClaimsSet claims = base(TokenClaims.AUDIENCE_CONSOLE, String.valueOf(userId), now, expiresAt)
                .claim(TokenClaims.EMAIL, email)
                .build();
        return new ConsoleSession(userId, email, sign(claims), expiresAt);
    }

    private MemberTokens tokensFor(AuthenticatedMember member, String refreshToken) {
        return new MemberTokens(accessToken(member), refreshToken, streamingToken(member));
    }

    private String accessToken(AuthenticatedMember member) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(TokenClaims.APP_ID, member.appId());
        claims.put(TokenClaims.TYPE, type(member));
        claims.put(TokenClaims.APP_USER_ID, member.appUserId());
        claims.put(TokenClaims.MEMBER_ID, member.memberId());
        claims.put(TokenClaims.USERNAME, member.username());
        return sign(memberToken(TokenClaims.AUDIENCE_API, member, settings.accessTtl())
                .claim(TokenClaims.CLAIMS, claims).build());
    }

    private String streamingToken(AuthenticatedMember member) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(TokenClaims.APP_ID, member.appId());
        claims.put(TokenClaims.MEMBER_ID, member.memberId());
        claims.put(TokenClaims.APP_USER_ID, member.appUserId());
        claims.put(TokenClaims.TYPE, type(member));
        return sign(memberToken(TokenClaims.AUDIENCE_STREAMING, member, settings.streamingTtl())
                .claim(TokenClaims.CLAIMS, claims).build());
    }

    private JWTClaimsSet.Builder memberToken(String audience, AuthenticatedMember member, Duration ttl) {
        Instant now = now();
        return base(audience, String.valueOf(member.memberId()), now, now.plus(ttl));
    }

    private JWTClaimsSet.Builder base(String audience, String subject, Instant issuedAt, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .jwtID(jti())
                .issuer(TokenClaims.ISSUER)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt));
    }

    private String sign(JWTClaimsSet claims) {
        ECKey key = signingKeys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    private static String type(AuthenticatedMember member) {
        return member.guest() ? TokenClaims.TYPE_GUEST : TokenClaims.TYPE_MEMBER;
    }

    /** JWT times are whole seconds; truncating keeps {@link ConsoleSession#expiresAt()} equal to {@code exp}. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private String jti() {
        StringBuilder jti = new StringBuilder(JTI_LENGTH);
        for (int i = 0; i < JTI_LENGTH; i++) {
            jti.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return jti.toString();
    }
}
