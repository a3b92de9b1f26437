package io.flipflop.platform.security;

import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Turns a verified access token into an {@link AuthenticatedMember}, reading FlipFlop's nested
 * {@code claims} object. A token whose claims do not have that shape is rejected like a forged one (the
 * resource server maps {@link BadJwtException} to "invalid token").
 */
public final class MemberAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    static final String ROLE = "MEMBER";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> new PrincipalAuthentication(member(jwt), ROLE));
    }

    private static AuthenticatedMember member(Jwt jwt) {
        if (!(jwt.getClaims().get(TokenClaims.CLAIMS) instanceof Map<?, ?> claims)) {
            throw new BadJwtException("Access token without FlipFlop claims");
        }
        long memberId = number(claims, TokenClaims.MEMBER_ID);
        if (!String.valueOf(memberId).equals(jwt.getSubject())) {
            throw new BadJwtException("Access token subject is not its member");
        }
        Object type = claims.get(TokenClaims.TYPE);
        if (!TokenClaims.TYPE_MEMBER.equals(type) && !TokenClaims.TYPE_GUEST.equals(type)) {
            throw new BadJwtException("Access token of unknown type");
        }
        return new AuthenticatedMember(number(claims, TokenClaims.APP_ID), memberId,
                text(claims, TokenClaims.APP_USER_ID), text(claims, TokenClaims.USERNAME),
                TokenClaims.TYPE_GUEST.equals(type));
    }

    private static long number(Map<?, ?> claims, String name) {
        if (claims.get(name) instanceof Number number) {
            return number.longValue();
        }
        throw new BadJwtException("Access token without " + name);
    }

    private static String text(Map<?, ?> claims, String name) {
        return claims.get(name) instanceof String text ? text : null;
    }
}
