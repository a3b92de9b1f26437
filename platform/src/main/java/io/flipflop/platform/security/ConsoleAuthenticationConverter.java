package io.flipflop.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** Turns a verified console session ({@code sub} = user id, {@code email}) into a {@link ConsoleUser}. */
public final class ConsoleAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    static final String ROLE = "CONSOLE_USER";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> new PrincipalAuthentication(user(jwt), ROLE));
    }

    private static ConsoleUser user(Jwt jwt) {
        String email = jwt.getClaimAsString(TokenClaims.EMAIL);
        if (email == null) {
            throw new BadJwtException("Console session without email");
        }
        try {
            return new ConsoleUser(Long.parseLong(jwt.getSubject()), email);
        } catch (NumberFormatException e) {
            throw new BadJwtException("Console session subject is not a user id");
        }
    }
}
