package io.flipflop.platform.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.error.ErrorResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes FlipFlop's error envelope from inside the security filters, which run before any handler and so
 * before {@code ErrorEnvelopeHandler} could see an exception. Never adds {@code WWW-Authenticate}: a Basic
 * challenge would open the browser's login popup over the console.
 */
@Component
public class ErrorAnswers {

    private final ObjectMapper objectMapper;

    public ErrorAnswers(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String errorCode, String errorMessage) {
        ServerHttpResponse response = exchange.getResponse();
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(new ErrorResponse(errorCode, errorMessage));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
