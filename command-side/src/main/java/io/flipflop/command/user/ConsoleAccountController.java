package io.flipflop.command.user;

import io.flipflop.api.user.ConsoleCredentials;
import io.flipflop.api.user.ConsoleSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Console sign-up and login (our API). The session token is answered in the body, for {@code Authorization:
 * Bearer}, and set as an HttpOnly, SameSite=Strict cookie, so the console page never handles it in script and
 * other sites cannot ride on it.
 */
@RestController
@RequestMapping("/console/v1")
@Tag(name = "Console accounts", description = "Sign up, log in to and log out of the FlipFlop console")
public class ConsoleAccountController {

    static final String SESSION_COOKIE = "FLIPFLOP_SESSION";

    private final ConsoleAccountService accounts;

    public ConsoleAccountController(ConsoleAccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/signup")
    @Operation(operationId = "signUp",
            summary = "Sign up with email and password",
            description = "201 with the console session. Errors: 400 INVALID_EMAIL, PASSWORD_TOO_SHORT, "
                    + "PASSWORD_TOO_LONG; 409 EMAIL_ALREADY_REGISTERED.")
    public Mono<ResponseEntity<ConsoleSession>> signUp(@RequestBody ConsoleCredentials credentials,
                                                       ServerHttpRequest request) {
        return accounts.signUp(credentials).map(session -> withCookie(HttpStatus.CREATED, session, request));
    }

    @PostMapping("/login")
    @Operation(operationId = "logIn",
            summary = "Log in with email and password",
            description = "200 with the console session. Error: 401 INVALID_CONSOLE_CREDENTIALS.")
    public Mono<ResponseEntity<ConsoleSession>> logIn(@RequestBody ConsoleCredentials credentials,
                                                      ServerHttpRequest request) {
        return accounts.logIn(credentials).map(session -> withCookie(HttpStatus.OK, session, request));
    }

    /**
     * The page cannot drop an HttpOnly cookie itself. Open (no session needed, so an expired one still logs out);
     * the session token stays valid until it expires, being a self-contained JWT, but the browser no longer has it.
     */
    @PostMapping("/logout")
    @Operation(operationId = "logOut", summary = "Log out of the console",
            description = "204; clears the " + SESSION_COOKIE + " cookie.")
    public ResponseEntity<Void> logOut(ServerHttpRequest request) {
        ResponseCookie expired = sessionCookie("", request).maxAge(Duration.ZERO).build();
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, expired.toString()).build();
    }

    private static ResponseEntity<ConsoleSession> withCookie(HttpStatus status, ConsoleSession session,
                                                             ServerHttpRequest request) {
        ResponseCookie cookie = sessionCookie(session.sessionToken(), request)
                .maxAge(Duration.between(Instant.now(), session.expiresAt()))
                .build();
        return ResponseEntity.status(status).header(HttpHeaders.SET_COOKIE, cookie.toString()).body(session);
    }

    private static ResponseCookie.ResponseCookieBuilder sessionCookie(String value, ServerHttpRequest request) {
        return ResponseCookie.from(SESSION_COOKIE, value)
                .httpOnly(true)
                .sameSite("Strict")
                .path("/")
                .secure(isHttps(request));
    }

    /** Also true behind a TLS-terminating proxy once forwarded headers are applied to the request URI. */
    private static boolean isHttps(ServerHttpRequest request) {
        return request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme());
    }
}
