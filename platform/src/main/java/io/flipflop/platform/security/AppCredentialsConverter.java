package io.flipflop.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads {@code Authorization: Basic base64(apiKey:apiSecret)}. No header at all yields nothing, which ends
 * in {@code EMPTY_APP_CREDENTIALS}; a header that is there but unusable (another scheme, bad base64, no
 * colon) is an authentication failure, {@code INVALID_APP_CREDENTIALS}, as FlipFlop answers "header wrong".
 */
final class AppCredentialsConverter implements ServerAuthenticationConverter {

    private static final String BASIC = "basic ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Mono.empty();
        }
        if (!header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Mono.error(malformed());
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Mono.error(malformed());
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            return Mono.error(malformed());
        }
        return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated(
                decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    private static BadCredentialsException malformed() {
        return new BadCredentialsException("Malformed Basic credentials");
    }
}
