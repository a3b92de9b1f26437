package io.flipflop.command.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.member.RefreshTokensRequest;
import io.flipflop.command.member.MemberService;
import io.flipflop.platform.security.AuthenticatedMember;
import io.flipflop.platform.security.SecurityProbeController;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "flipflop.mongodb.in-memory=true")
@ActiveProfiles(SecurityProbeController.PROFILE)
class MemberTokenRevocationTest {

    private static final String REFRESH = "/v2/members/me/tokens/refresh";
    private static final Duration REVOCATION_DEADLINE = Duration.ofSeconds(30);
    /** Apps of their own, so these members never meet those of other tests in the shared context. */
    private static final AtomicLong APPS = new AtomicLong(9_000);

    @Autowired
    MemberService members;

    @Autowired
    RefreshTokens refreshTokens;

    @Autowired
    WebTestClient web;

    @Test
    void aDeletedMemberCannotRefreshAnyOfItsLogins() {
        long app = APPS.incrementAndGet();
        MemberTokens first = members.logIn(app, "alice1", MemberProfile.EMPTY).block();
        MemberTokens second = members.logIn(app, "alice1", MemberProfile.EMPTY).block();

        members.delete(app, List.of("alice1")).block();

        awaitRefreshRefused(first.refreshToken());
        assertThat(refresh(second.refreshToken())).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void otherMembersOfTheAppStillRefresh() {
        long app = APPS.incrementAndGet();
        MemberTokens alice = members.logIn(app, "alice1", MemberProfile.EMPTY).block();
        MemberTokens bob = members.logIn(app, "bob1", MemberProfile.EMPTY).block();

        members.delete(app, List.of("alice1")).block();

        awaitRefreshRefused(alice.refreshToken());
        assertThat(refresh(bob.refreshToken())).isEqualTo(HttpStatus.OK);
    }

    @Test
    void revokingAMemberRevokesOnlyItsLiveFamiliesOnce() {
        long app = APPS.incrementAndGet();
        refreshTokens.startFamily(new AuthenticatedMember(app, 1, "alice1", "Alice", false));
        refreshTokens.startFamily(new AuthenticatedMember(app, 1, "alice1", "Alice", false));
        refreshTokens.startFamily(new AuthenticatedMember(app, 2, "bob1", "Bob", false));

        assertThat(refreshTokens.revokeMember(app, 1)).isEqualTo(2);
        assertThat(refreshTokens.revokeMember(app, 1)).isZero();
        assertThat(refreshTokens.revokeMember(app + 1_000, 2)).isZero();
    }

    /**
     * The revocation follows the deletion's event through a streaming processor: moments later, not at once, and
     * seconds later while the processor is still claiming its segments after start-up.
     */
    private void awaitRefreshRefused(String refreshToken) {
        Instant deadline = Instant.now().plus(REVOCATION_DEADLINE);
        // each attempt spends the token when it still works, so ask for a fresh one each time
        String current = refreshToken;
        while (true) {
            var result = web.post().uri(REFRESH).bodyValue(new RefreshTokensRequest(current))
                    .exchange()
                    .returnResult(MemberTokens.class);
            if (result.getStatus().value() == HttpStatus.UNAUTHORIZED.value()) {
                return;
            }
            assertThat(Instant.now()).as("refresh still works after the deletion").isBefore(deadline);
            current = result.getResponseBody().blockFirst().refreshToken();
            sleep();
        }
    }

    private HttpStatus refresh(String refreshToken) {
        return HttpStatus.valueOf(web.post().uri(REFRESH).bodyValue(new RefreshTokensRequest(refreshToken))
                .exchange()
                .returnResult(Void.class).getStatus().value());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
