package io.flipflop.platform.error;

import org.springframework.http.HttpStatus;

/**
 * A request refused with one of FlipFlop's documented error codes. Domain rejections thrown by aggregates
 * are {@link DomainRejection}s; this type is for what the HTTP edge itself refuses (not found, bad input).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;

    public ApiException(HttpStatus status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public static ApiException notFound(String errorCode, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, errorCode, message);
    }

    public static ApiException badRequest(String errorCode, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, errorCode, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }
}
