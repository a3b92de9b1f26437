package io.flipflop.command.user;

import io.flipflop.api.user.ConsoleCredentials;
import io.flipflop.api.user.ConsoleSession;
import io.flipflop.api.user.SignUpUser;
import io.flipflop.command.token.TokenIssuer;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.ids.IdGenerator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Console sign-up and login. Hashing, the directory and the id generator block, so all of it runs on the
 * bounded-elastic scheduler, never on the event loop.
 */
@Service
public class ConsoleAccountService {

    private final CommandGateway commandGateway;
    private final UserDirectory directory;
    private final ConsolePasswords passwords;
    private final IdGenerator ids;
    private final TokenIssuer tokens;

    public ConsoleAccountService(CommandGateway commandGateway, UserDirectory directory, ConsolePasswords passwords,
                                 IdGenerator ids, TokenIssuer tokens) {
        this.commandGateway = commandGateway;
        this.directory = directory;
        this.passwords = passwords;
        this.ids = ids;
        this.tokens = tokens;
    }

    public Mono<ConsoleSession> signUp(ConsoleCredentials credentials) {
        return Mono.fromCallable(() -> {
                    String email = ConsoleCredentialRules.normalizedEmail(credentials.email());
                    ConsoleCredentialRules.checkEmail(email);
                    ConsoleCredentialRules.checkPassword(credentials.password());
                    var entry = new UserDirectory.Entry(email, ids.nextId(), passwords.hash(credentials.password()));
                    directory.claim(entry);
                    return entry;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(entry -> Mono.fromFuture(() -> commandGateway.send(
                                new SignUpUser(entry.userId(), entry.email(), entry.passwordHash())))
                        .subscribeOn(Schedulers.boundedElastic())
                        // a failed sign-up must not keep the email from being used
                        .onErrorResume(failure -> Mono.fromRunnable(() -> directory.release(entry))
                                .subscribeOn(Schedulers.boundedElastic())
                                .then(Mono.error(failure)))
                        .thenReturn(entry))
                .flatMap(this::issueSession);
    }

    /** Unknown email and wrong password get the same answer after the same work. */
    public Mono<ConsoleSession> logIn(ConsoleCredentials credentials) {
        return Mono.fromCallable(() -> {
                    var entry = directory.find(ConsoleCredentialRules.normalizedEmail(credentials.email()));
                    String hash = entry.map(UserDirectory.Entry::passwordHash).orElse(null);
                    if (!passwords.matches(credentials.password(), hash)) {
                        throw new ApiException(HttpStatus.UNAUTHORIZED, "INVALID_CONSOLE_CREDENTIALS",
                                "Wrong email or password");
                    }
                    return entry.orElseThrow();
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(this::issueSession);
    }

    private Mono<ConsoleSession> issueSession(UserDirectory.Entry entry) {
        return Mono.fromCallable(() -> tokens.issueConsoleSession(entry.userId(), entry.email()))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
