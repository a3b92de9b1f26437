package io.flipflop.command.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.flipflop.api.member.MemberTokens;
import io.flipflop.api.user.ConsoleCredentials;
import io.flipflop.api.user.ConsoleSession;
import io.flipflop.api.user.UserSignedUp;
import io.flipflop.command.testsupport.AxonOnMongo;
import io.flipflop.command.token.TokenIssuer;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.ids.IdGenerator;
import java.time.Instant;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;

/** Console sign-up and login through a real Axon configuration and MongoDB-wire server. */
class ConsoleAccountServiceTest {

    private static final ConsolePasswords PASSWORDS = new ConsolePasswords();

    @RegisterExtension
    static final AxonOnMongo fixture = new AxonOnMongo();

    private Configuration axon;
    private UserDirectory directory;
    private ConsoleAccountService accounts;

    @BeforeEach
    void setUp() {
        MongoDatabase database = fixture.freshDatabase();
        axon = fixture.start(AxonOnMongo.inMemoryAxon(UserAccount.class));
        directory = new UserDirectory(database);
        accounts = new ConsoleAccountService(axon.commandGateway(), directory, PASSWORDS, new IdGenerator(database),
                new SessionPerUser());
    }

    @Test
    void signingUpRecordsTheUserAndAnswersASession() {
        ConsoleSession session = accounts.signUp(new ConsoleCredentials(" Ada@Example.com", "correct horse")).block();

        var entry = directory.find("ada@example.com").orElseThrow();
        assertThat(session).isEqualTo(sessionOf(entry.userId(), "ada@example.com"));
        assertThat(PASSWORDS.matches("correct horse", entry.passwordHash())).isTrue();
        assertThat(axon.eventStore().readEvents(String.valueOf(entry.userId())).asStream()
                .<Object>map(Message::getPayload))
                .containsExactly(new UserSignedUp(entry.userId(), "ada@example.com", entry.passwordHash()));
    }

    @Test
    void anEmailSignsUpOnlyOnceWhateverItsCase() {
        accounts.signUp(new ConsoleCredentials("ada@example.com", "correct horse")).block();

        assertThatThrownBy(() -> accounts.signUp(new ConsoleCredentials("ADA@example.com", "other password")).block())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("EMAIL_ALREADY_REGISTERED");
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                });
    }

    @Test
    void anInvalidSignUpClaimsNoEmail() {
        assertThatThrownBy(() -> accounts.signUp(new ConsoleCredentials("ada", "correct horse")).block())
                .hasFieldOrPropertyWithValue("errorCode", "INVALID_EMAIL");
        assertThatThrownBy(() -> accounts.signUp(new ConsoleCredentials("ada@example.com", "short")).block())
                .hasFieldOrPropertyWithValue("errorCode", "PASSWORD_TOO_SHORT");
        assertThat(directory.find("ada@example.com")).isEmpty();
    }

    @Test
    void theRightPasswordLogsIn() {
        accounts.signUp(new ConsoleCredentials("ada@example.com", "correct horse")).block();
        long userId = directory.find("ada@example.com").orElseThrow().userId();

        assertThat(accounts.logIn(new ConsoleCredentials("Ada@example.com", "correct horse")).block())
                .isEqualTo(sessionOf(userId, "ada@example.com"));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        accounts.signUp(new ConsoleCredentials("ada@example.com", "correct horse")).block();

        for (ConsoleCredentials wrong : new ConsoleCredentials[] {
                new ConsoleCredentials("ada@example.com", "wrong horse"),
                new ConsoleCredentials("bob@example.com", "correct horse"),
                new ConsoleCredentials(null, null)}) {
            assertThatThrownBy(() -> accounts.logIn(wrong).block())
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("INVALID_CONSOLE_CREDENTIALS");
                        assertThat(e.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                        assertThat(e.getMessage()).isEqualTo("Wrong email or password");
                    });
        }
    }

    private static ConsoleSession sessionOf(long userId, String email) {
        return new ConsoleSession(userId, email, "session-" + userId, Instant.EPOCH);
    }

    private static class SessionPerUser implements TokenIssuer {

        @Override
        public MemberTokens issueMemberTokens(long appId, long memberId, String appUserId, String username,
                                              boolean guest) {
            throw new UnsupportedOperationException("console users get sessions");
        }

        @Override
        public String issueAppStreamingToken(long appId) {
            throw new UnsupportedOperationException("console users get sessions");
        }

        @Override
        public ConsoleSession issueConsoleSession(long userId, String email) {
            return sessionOf(userId, email);
        }
    }
}
