package io.flipflop.platform.error;

import org.springframework.http.HttpStatus;

/**
 * An aggregate refused a command: an illegal state transition or a broken invariant. FlipFlop answers these
 * with 400 and a code naming the rule (e.g. {@code STREAM_KEY_STATE_NOT_INACTIVE}); the message names the
 * current state. Thrown inside command handlers, so nothing is applied and state stays untouched.
 */
public class DomainRejection extends ApiException {

    public DomainRejection(String errorCode, String message) {
        super(HttpStatus.BAD_REQUEST, errorCode, message);
    }
}
