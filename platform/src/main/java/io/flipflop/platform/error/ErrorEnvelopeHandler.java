package io.flipflop.platform.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.error.ErrorResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Maps every failure, once, to FlipFlop's envelope {@code {errorCode, errorMessage}} (reference §2.2).
 * Unexpected failures are logged with their stack trace but answered with a generic message, so nothing
 * internal (or secret) leaks to the caller.
 */
@Component
@Order(-2) // before Spring Boot's default error handler
public class ErrorEnvelopeHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorEnvelopeHandler.class);

    private final ObjectMapper objectMapper;

    public ErrorEnvelopeHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        Mapped mapped = map(unwrap(failure));
        if (mapped.status().is5xxServerError()) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
        }
        var response = exchange.getResponse();
        response.setStatusCode(mapped.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(mapped.body());
        } catch (Exception e) {
            return Mono.error(e);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CommandExecutionException || current instanceof java.util.concurrent.CompletionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static Mapped map(Throwable failure) {
        if (failure instanceof ApiException api) {
            return new Mapped(api.status(), new ErrorResponse(api.errorCode(), api.getMessage()));
        }
        if (failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException) {
            return new Mapped(HttpStatus.CONFLICT, new ErrorResponse("REQUEST_LOCKED",
                    "Another request changed this resource at the same time; retry"));
        }
        if (failure instanceof AggregateNotFoundException) {
            return new Mapped(HttpStatus.NOT_FOUND, new ErrorResponse("NOT_FOUND", "No such resource"));
        }
        if (failure instanceof MethodNotAllowedException) {
            return new Mapped(HttpStatus.BAD_REQUEST, new ErrorResponse("UNSUPPORTED_HTTP_METHOD",
                    "HTTP method not supported on this path"));
        }
        if (failure instanceof WebExchangeBindException bind) {
            String message = bind.getFieldErrors().stream()
                    .map(e -> e.getField() + " " + e.getDefaultMessage())
                    .findFirst().orElse("Invalid request body");
            return new Mapped(HttpStatus.BAD_REQUEST, new ErrorResponse("INVALID_HTTP_MESSAGE_BODY", message));
        }
        if (failure instanceof ServerWebInputException || failure instanceof DecodingException) {
            return new Mapped(HttpStatus.BAD_REQUEST, new ErrorResponse("INVALID_HTTP_MESSAGE_BODY",
                    "The request body is not valid JSON for this endpoint"));
        }
        if (failure instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            String errorCode = code == HttpStatus.NOT_FOUND ? "NOT_FOUND" : code.name();
            return new Mapped(code, new ErrorResponse(errorCode, status.getReason() == null ? code.getReasonPhrase() : status.getReason()));
        }
        return new Mapped(HttpStatus.INTERNAL_SERVER_ERROR,
                new ErrorResponse("INTERNAL_SERVER_ERROR", "Unexpected failure"));
    }

    record Mapped(HttpStatus status, ErrorResponse body) {
    }
}
