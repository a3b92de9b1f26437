package io.flipflop.command.app;

import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.app.AppView;
import io.flipflop.api.app.AppWithCredentials;
import io.flipflop.api.app.CreateApp;
import io.flipflop.api.app.RotateAppCredentials;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.ids.IdGenerator;
import io.flipflop.platform.security.ConsoleUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Creates apps and rotates their credentials for console users; the secret is in the answer and nowhere else. */
@Service
public class AppService {

    private static final String ACTIVE = "ACTIVE";

    private final CommandGateway commandGateway;
    private final ApiCredentialsFactory credentialsFactory;
    private final IdGenerator ids;

    public AppService(CommandGateway commandGateway, ApiCredentialsFactory credentialsFactory, IdGenerator ids) {
        this.commandGateway = commandGateway;
        this.credentialsFactory = credentialsFactory;
        this.ids = ids;
    }

    public Mono<AppWithCredentials> create(ConsoleUser user, String name) {
        var credentials = credentialsFactory.newCredentials();
        return Mono.fromCallable(ids::nextId)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(appId -> this.<AppState>send(new CreateApp(appId, user.userId(),
                        name == null ? null : name.strip(), credentials.apiKey(), credentials.apiSecretHash())))
                .map(app -> new AppWithCredentials(
                        new AppView(app.appId(), ACTIVE, app.name(), app.apiKey(), app.createdAt(),
                                app.lastModifiedAt()),
                        new AppCredentials(app.appId(), credentials.apiKey(), credentials.apiSecret())));
    }

    public Mono<AppCredentials> rotateCredentials(ConsoleUser user, long appId) {
        var credentials = credentialsFactory.newCredentials();
        return this.<AppState>send(new RotateAppCredentials(appId, user.userId(), credentials.apiKey(),
                        credentials.apiSecretHash()))
                // an id that names no app (or something else than an app) is answered like another user's app
                .onErrorMap(AggregateNotFoundException.class,
                        e -> ApiException.notFound("APP_NOT_FOUND", "No app " + appId))
                .map(app -> new AppCredentials(app.appId(), credentials.apiKey(), credentials.apiSecret()));
    }

    /** The command bus runs handlers in the sending thread, and they block on the event store. */
    private <R> Mono<R> send(Object command) {
        return Mono.<R>fromFuture(() -> commandGateway.send(command)).subscribeOn(Schedulers.boundedElastic());
    }
}
