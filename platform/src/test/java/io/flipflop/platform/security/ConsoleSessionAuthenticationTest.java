package io.flipflop.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.flipflop.platform.security.SecurityProbeController.CONSOLE_PROBE;

@SecurityIntegrationTest
class ConsoleSessionAuthenticationTest {

    private static final ConsoleUser USER = new ConsoleUser(77, "owner@example.com");

    @Autowired
    WebTestClient web;

    @Autowired
    SigningKeys signingKeys;

    @LocalServerPort
    int port;

    @Test
    void sessionAsBearerReachesTheHandlerAsItsUser() {
        web.get().uri(CONSOLE_PROBE).headers(h -> h.setBearerAuth(session())).exchange()
                .expectStatus().isOk()
                .expectBody(ConsoleUser.class).isEqualTo(USER);
    }

    @Test
    void sessionAsCookieReachesTheHandlerAsItsUser() {
        web.get().uri(CONSOLE_PROBE).cookie(ConsoleSessionCookie.NAME, session()).exchange()
                .expectStatus().isOk()
                .expectBody(ConsoleUser.class).isEqualTo(USER);
    }

    @Test
    void missingSessionIsAnsweredWithEmptyConsoleSession() {
        web.get().uri(CONSOLE_PROBE).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("EMPTY_CONSOLE_SESSION");
    }

    @Test
    void memberAccessTokenIsNotAConsoleSession() {
        String accessToken = TestTokens.es256(signingKeys.signingKey(),
                TestTokens.accessClaims(new AuthenticatedMember(1, 77, "u77", "u", false)).build());
        web.get().uri(CONSOLE_PROBE).cookie(ConsoleSessionCookie.NAME, accessToken).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_CONSOLE_SESSION");
    }

    @Test
    void expiredSessionIsAnsweredWithInvalidConsoleSession() {
        Instant past = Instant.now().minus(Duration.ofHours(13));
        String expired = TestTokens.es256(signingKeys.signingKey(), TestTokens.consoleClaims(USER)
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofHours(12))))
                .build());
        web.get().uri(CONSOLE_PROBE).headers(h -> h.setBearerAuth(expired)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.errorCode").isEqualTo("INVALID_CONSOLE_SESSION");
    }

    @Test
    void crossOriginWriteWithTheCookieIsForbidden() {
        web.post().uri(CONSOLE_PROBE).cookie(ConsoleSessionCookie.NAME, session())
                .header(HttpHeaders.ORIGIN, "https://evil.example.net").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errorCode").isEqualTo("CROSS_ORIGIN_REQUEST_FORBIDDEN");
    }

    @Test
    void sameOriginWriteWithTheCookieIsAllowed() {
        web.post().uri(CONSOLE_PROBE).cookie(ConsoleSessionCookie.NAME, session())
                .header(HttpHeaders.ORIGIN, "http://localhost:" + port).exchange()
                .expectStatus().isOk()
                .expectBody(ConsoleUser.class).isEqualTo(USER);
    }

    @Test
    void crossOriginWriteWithBearerIsAllowedBecauseNoOtherSiteCanAttachIt() {
        web.post().uri(CONSOLE_PROBE).headers(h -> h.setBearerAuth(session()))
                .header(HttpHeaders.ORIGIN, "https://tools.example.net").exchange()
                .expectStatus().isOk();
    }

    @Test
    void loginIsOutsideTheChainSoAStaleCookieDoesNotBlockIt() {
        // Nothing serves the path in the platform alone: 404 shows the request got past security.
        web.post().uri(SecurityChains.CONSOLE_LOGIN_PATH).cookie(ConsoleSessionCookie.NAME, "stale").exchange()
                .expectStatus().isNotFound();
    }

    private String session() {
        return TestTokens.es256(signingKeys.signingKey(), TestTokens.consoleClaims(USER).build());
    }
}
