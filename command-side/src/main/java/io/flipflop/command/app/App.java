package io.flipflop.command.app;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.flipflop.api.app.AppCreated;
import io.flipflop.api.app.AppCredentialsRotated;
import io.flipflop.api.app.CreateApp;
import io.flipflop.api.app.RotateAppCredentials;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A FlipFlop App, the tenant: owned by one console user, reached by its API credentials. */
@Aggregate
public class App {

    /** Boxed: null until the first event, so Axon stamps a creating handler's events with the id it sets. */
    @AggregateIdentifier
    private Long appId;
    private boolean created;
    private long ownerUserId;
    private String name;
    private String apiKey;
    private Instant createdAt;
    private Instant lastModifiedAt;

    protected App() {
    }

    /**
     * CREATE_IF_MISSING rather than a constructor: Axon applies events of a constructor only after it returns,
     * while here the event is applied at once, so the handler can answer the app as created.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AppState handle(CreateApp command) {
        if (created) {
            throw new IllegalStateException("App " + command.appId() + " already exists");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw new DomainRejection("EMPTY_APP_NAME", "An app needs a name");
        }
        apply(new AppCreated(command.appId(), command.ownerUserId(), command.name(), command.apiKey(),
                command.apiSecretHash()));
        return state();
    }

    /**
     * Another user's app answers as if it did not exist, so app ids do not reveal which apps exist. Ids are global,
     * so the id in the URL may also name another kind of stream, which leaves this app uncreated.
     */
    @CommandHandler
    public AppState handle(RotateAppCredentials command) {
        if (!created || ownerUserId != command.requestedByUserId()) {
            throw ApiException.notFound("APP_NOT_FOUND", "No app " + command.appId());
        }
        apply(new AppCredentialsRotated(appId, apiKey, command.apiKey(), command.apiSecretHash()));
        return state();
    }

    @EventSourcingHandler
    void on(AppCreated event, @Timestamp Instant at) {
        appId = event.appId();
        created = true;
        ownerUserId = event.ownerUserId();
        name = event.name();
        apiKey = event.apiKey();
        createdAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(AppCredentialsRotated event, @Timestamp Instant at) {
        apiKey = event.apiKey();
        lastModifiedAt = at;
    }

    private AppState state() {
        return new AppState(appId, ownerUserId, name, apiKey, createdAt, lastModifiedAt);
    }
}
