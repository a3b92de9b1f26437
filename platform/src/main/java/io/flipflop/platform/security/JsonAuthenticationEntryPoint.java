package io.flipflop.platform.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers 401 with one of a chain's two codes: "empty" when the request carried no credential at all (Spring
 * Security then reports {@link AuthenticationCredentialsNotFoundException}), "invalid" when it carried one
 * that failed. Serves as the chain's entry point and, wrapped, as its authentication failure handler.
 */
final class JsonAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ErrorAnswers answers;
    private final Code empty;
    private final Code invalid;

    JsonAuthenticationEntryPoint(ErrorAnswers answers, Code empty, Code invalid) {
        this.answers = answers;
        this.empty = empty;
        this.invalid = invalid;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        Code code = failure instanceof AuthenticationCredentialsNotFoundException ? empty : invalid;
        return answers.write(exchange, HttpStatus.UNAUTHORIZED, code.errorCode(), code.errorMessage());
    }

    record Code(String errorCode, String errorMessage) {
    }
}
