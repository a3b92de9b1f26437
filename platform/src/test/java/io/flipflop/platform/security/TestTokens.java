package io.flipflop.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A token minter for tests, written with nimbus directly rather than with the production issuer, so it can
 * also forge what the issuer never would: expired, unsigned, HMAC-signed, foreign-key and wrong-audience tokens.
 */
public final class TestTokens {

    private TestTokens() {
    }

    /** Claims of a valid member access token, expiring in an hour. */
    public static JWTClaimsSet.Builder accessClaims(AuthenticatedMember member) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(TokenClaims.APP_ID, member.appId());
        claims.put(TokenClaims.TYPE, member.guest() ? TokenClaims.TYPE_GUEST : TokenClaims.TYPE_MEMBER);
        claims.put(TokenClaims.APP_USER_ID, member.appUserId());
        claims.put(TokenClaims.MEMBER_ID, member.memberId());
        claims.put(TokenClaims.USERNAME, member.username());
        return valid(TokenClaims.AUDIENCE_API, String.valueOf(member.memberId())).claim(TokenClaims.CLAIMS, claims);
    }

    /** Claims of a valid console session, expiring in an hour. */
    public static JWTClaimsSet.Builder consoleClaims(ConsoleUser user) {
        return valid(TokenClaims.AUDIENCE_CONSOLE, String.valueOf(user.userId())).claim(TokenClaims.EMAIL, user.email());
    }

    public static JWTClaimsSet.Builder valid(String audience, String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(TokenClaims.ISSUER)
                .subject(subject)
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    /** ES256 with the given key, its {@code kid} in the header. */
    public static String es256(ECKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: the claims with no signature at all. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** HS256 with a guessed secret, claiming a real {@code kid}. */
    public static String hs256(String kid, byte[] guessedSecret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
            jwt.sign(new MACSigner(guessedSecret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An EC P-256 key FlipFlop has never seen. */
    public static ECKey foreignKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with its signature's first byte changed. */
    public static String withTamperedSignature(String token) {
        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        return token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
    }
}
