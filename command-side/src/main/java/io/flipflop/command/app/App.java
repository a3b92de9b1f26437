package io.flipflop.command.app;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.flipflop.api.app.AppCallbackRegistered;
import io.flipflop.api.app.AppCallbackSigningSecretRotated;
import io.flipflop.api.app.AppCallbackTestRequested;
import io.flipflop.api.app.AppCallbackUnregistered;
import io.flipflop.api.app.AppCreated;
import io.flipflop.api.app.AppCredentialsRotated;
import io.flipflop.api.app.AppDefaultRtmpOutputModeChanged;
import io.flipflop.api.app.AppDefaultTranscodingProfileChanged;
import io.flipflop.api.app.ChangeAppDefaultRtmpOutputMode;
import io.flipflop.api.app.ChangeAppDefaultTranscodingProfile;
import io.flipflop.api.app.CreateApp;
import io.flipflop.api.app.RegisterAppCallback;
import io.flipflop.api.app.RequestAppCallbackTest;
import io.flipflop.api.app.RotateAppCallbackSigningSecret;
import io.flipflop.api.app.RotateAppCredentials;
import io.flipflop.api.app.SealedSecret;
import io.flipflop.api.app.UnregisterAppCallback;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import io.flipflop.platform.webhook.CallbackAddressPolicy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A FlipFlop App, the tenant: owned by one console user, reached by its API credentials, told about its state
 * changes through its webhook (callback) when one is registered.
 */
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
    private boolean callbackRegistered;
    private SealedSecret signingSecret;
    private OutputMode defaultRtmpOutputMode = OutputMode.CMAF;
    /** The app's own default profile per type, where it chose one (the system's default applies otherwise). */
    private Map<TranscodingProfileType, Long> defaultTranscodingProfiles = new HashMap<>();

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

    @CommandHandler
    public AppState handle(RotateAppCredentials command) {
        requireOwner(command.appId(), command.requestedByUserId());
        apply(new AppCredentialsRotated(appId, apiKey, command.apiKey(), command.apiSecretHash()));
        return state();
    }

    /**
     * Registers or replaces the webhook. The signing secret outlives a re-registration (the app server keeps
     * verifying with the one it has); only the first registration, or one after an unregistration, issues one.
     * The URL's host is resolved here, which blocks: {@link AppCommands} sends commands off the event loops.
     */
    /** Idempotent: the mode the app already has records nothing. */
    @CommandHandler
    public AppState handle(ChangeAppDefaultRtmpOutputMode command) {
        requireOwner(command.appId(), command.requestedByUserId());
        if (command.mode() == null) {
            throw new IllegalArgumentException("An app's default output mode cannot be null");
        }
        if (command.mode() != defaultRtmpOutputMode) {
            apply(new AppDefaultRtmpOutputModeChanged(appId, command.mode()));
        }
        return state();
    }

    /** Idempotent: the default the app already has records nothing. */
    @CommandHandler
    public void handle(ChangeAppDefaultTranscodingProfile command) {
        requireOwner(command.appId(), command.requestedByUserId());
        if (command.type() == null || command.type() == TranscodingProfileType.BROADCAST_RTMP) {
            throw new DomainRejection("UNSUPPORTED_TRANSCODING_PROFILE_TYPE",
                    "An app has default profiles of type VIDEO, THUMBNAIL and PREVIEW");
        }
        if (!Objects.equals(command.profileId(), defaultTranscodingProfiles.get(command.type()))) {
            apply(new AppDefaultTranscodingProfileChanged(appId, command.type(), command.profileId()));
        }
    }

    @CommandHandler
    public CallbackRegistrationState handle(RegisterAppCallback command, CallbackAddressPolicy addresses) {
        requireOwner(command.appId(), command.requestedByUserId());
        CallbackRules.requireValid(command.callbackUrl(), command.callbackId(), command.callbackPassword());
        CallbackRules.requireAllowedAddress(command.callbackUrl(), addresses);
        boolean issued = signingSecret == null;
        apply(new AppCallbackRegistered(appId, command.callbackUrl(), command.callbackId(),
                command.callbackPassword(), issued ? command.newSigningSecret() : signingSecret));
        return new CallbackRegistrationState(command.callbackUrl(), command.callbackId(), issued);
    }

    @CommandHandler
    public void handle(RotateAppCallbackSigningSecret command) {
        requireOwner(command.appId(), command.requestedByUserId());
        requireCallback();
        apply(new AppCallbackSigningSecretRotated(appId, command.signingSecret()));
    }

    /** Idempotent: unregistering an app with no webhook changes nothing. */
    @CommandHandler
    public void handle(UnregisterAppCallback command) {
        requireOwner(command.appId(), command.requestedByUserId());
        if (callbackRegistered) {
            apply(new AppCallbackUnregistered(appId));
        }
    }

    @CommandHandler
    public void handle(RequestAppCallbackTest command) {
        requireOwner(command.appId(), command.requestedByUserId());
        requireCallback();
        apply(new AppCallbackTestRequested(appId, command.deliveryId()));
    }

    /**
     * Another user's app answers as if it did not exist, so app ids do not reveal which apps exist. Ids are global,
     * so the id in the URL may also name another kind of stream, which leaves this app uncreated.
     */
    private void requireOwner(long requestedAppId, long userId) {
        if (!created || ownerUserId != userId) {
            throw ApiException.notFound("APP_NOT_FOUND", "No app " + requestedAppId);
        }
    }

    private void requireCallback() {
        if (!callbackRegistered) {
            throw new DomainRejection("CALLBACK_NOT_REGISTERED", "App " + appId + " has no callback registered");
        }
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

    @EventSourcingHandler
    void on(AppDefaultRtmpOutputModeChanged event, @Timestamp Instant at) {
        defaultRtmpOutputMode = event.mode();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(AppDefaultTranscodingProfileChanged event) {
        if (event.profileId() == null) {
            defaultTranscodingProfiles.remove(event.type());
        } else {
            defaultTranscodingProfiles.put(event.type(), event.profileId());
        }
    }

    @EventSourcingHandler
    void on(AppCallbackRegistered event) {
        callbackRegistered = true;
        signingSecret = event.signingSecret();
    }

    @EventSourcingHandler
    void on(AppCallbackSigningSecretRotated event) {
        signingSecret = event.signingSecret();
    }

    @EventSourcingHandler
    void on(AppCallbackUnregistered event) {
        callbackRegistered = false;
        signingSecret = null;
    }

    private AppState state() {
        return new AppState(appId, ownerUserId, name, apiKey, defaultRtmpOutputMode, createdAt, lastModifiedAt);
    }
}
