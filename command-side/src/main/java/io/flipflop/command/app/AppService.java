package io.flipflop.command.app;

import io.flipflop.api.app.AppCredentials;
import io.flipflop.api.app.AppView;
import io.flipflop.api.app.AppWithCredentials;
import io.flipflop.api.app.ChangeAppDefaultRtmpOutputMode;
import io.flipflop.api.app.CreateApp;
import io.flipflop.api.app.RotateAppCredentials;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.platform.ids.IdGenerator;
import io.flipflop.platform.security.ConsoleUser;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Creates apps, rotates their credentials and sets their default output mode for console users; the secret is in
 * the answer and nowhere else.
 */
@Service
public class AppService {

    private static final String ACTIVE = "ACTIVE";

    private final AppCommands commands;
    private final ApiCredentialsFactory credentialsFactory;
    private final IdGenerator ids;

    public AppService(AppCommands commands, ApiCredentialsFactory credentialsFactory, IdGenerator ids) {
        this.commands = commands;
        this.credentialsFactory = credentialsFactory;
        this.ids = ids;
    }

    public Mono<AppWithCredentials> create(ConsoleUser user, String name) {
        var credentials = credentialsFactory.newCredentials();
        return Mono.fromCallable(ids::nextId)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(appId -> commands.<AppState>send(appId, new CreateApp(appId, user.userId(),
                        name == null ? null : name.strip(), credentials.apiKey(), credentials.apiSecretHash())))
                .map(app -> new AppWithCredentials(view(app),
                        new AppCredentials(app.appId(), credentials.apiKey(), credentials.apiSecret())));
    }

    public Mono<AppCredentials> rotateCredentials(ConsoleUser user, long appId) {
        var credentials = credentialsFactory.newCredentials();
        return commands.<AppState>send(appId, new RotateAppCredentials(appId, user.userId(), credentials.apiKey(),
                        credentials.apiSecretHash()))
                .map(app -> new AppCredentials(app.appId(), credentials.apiKey(), credentials.apiSecret()));
    }

    public Mono<AppView> changeDefaultRtmpOutputMode(ConsoleUser user, long appId, OutputMode mode) {
        return commands.<AppState>send(appId, new ChangeAppDefaultRtmpOutputMode(appId, user.userId(), mode))
                .map(AppService::view);
    }

    private static AppView view(AppState app) {
        return new AppView(app.appId(), ACTIVE, app.name(), app.apiKey(), app.defaultRtmpOutputMode(),
                app.createdAt(), app.lastModifiedAt());
    }
}
