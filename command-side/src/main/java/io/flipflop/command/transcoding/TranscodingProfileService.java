package io.flipflop.command.transcoding;

import io.flipflop.api.app.AppCreated;
import io.flipflop.api.app.AppRef;
import io.flipflop.api.app.ChangeAppDefaultTranscodingProfile;
import io.flipflop.api.transcoding.CreateTranscodingProfile;
import io.flipflop.api.transcoding.CreateTranscodingProfileRequest;
import io.flipflop.api.transcoding.DeleteTranscodingProfile;
import io.flipflop.api.transcoding.ProfileCreatorType;
import io.flipflop.api.transcoding.RepresentativeType;
import io.flipflop.api.transcoding.SystemTranscodingProfiles;
import io.flipflop.api.transcoding.TranscodingProfileType;
import io.flipflop.api.transcoding.TranscodingProfileView;
import io.flipflop.command.app.AppCommands;
import io.flipflop.command.broadcast.Origin;
import io.flipflop.command.broadcast.OriginCommands;
import io.flipflop.command.console.ConsoleApps;
import io.flipflop.platform.ids.IdGenerator;
import io.flipflop.platform.security.ConsoleUser;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The console's profile writes: an app's owner makes and deletes the app's profiles (FlipFlop makes custom profiles
 * "on request"; here the app's owner does it), and chooses the app's default profile of each type. Recorded with the app as actor, as what the app may choose.
 */
@Service
public class TranscodingProfileService {

    private final ConsoleApps apps;
    private final OriginCommands commands;
    private final IdGenerator ids;
    private final TranscodingProfileDirectory directory;
    private final AppCommands appCommands;

    public TranscodingProfileService(ConsoleApps apps, OriginCommands commands, IdGenerator ids,
                                     TranscodingProfileDirectory directory, AppCommands appCommands) {
        this.apps = apps;
        this.commands = commands;
        this.ids = ids;
        this.directory = directory;
        this.appCommands = appCommands;
    }

    public Mono<TranscodingProfileView> create(ConsoleUser user, long appId, CreateTranscodingProfileRequest request) {
        return Mono.fromCallable(() -> {
                    AppCreated app = apps.requireOwned(user, appId);
                    return new Owned(app, new CreateTranscodingProfile(newId(), appId, request.type(),
                            request.name(), request.description(), request.profile()));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(owned -> commands.<TranscodingProfile.Snapshot>send(owned.command(), Origin.app(appId))
                        .map(profile -> view(profile, new AppRef(appId, "ACTIVE", owned.app().name()))));
    }

    public Mono<Void> delete(ConsoleUser user, long appId, long profileId) {
        return Mono.fromCallable(() -> apps.requireOwned(user, appId))
                .subscribeOn(Schedulers.boundedElastic())
                .filter(app -> SystemTranscodingProfiles.find(profileId).isEmpty())
                .switchIfEmpty(Mono.error(TranscodingProfile::notFound))
                .flatMap(app -> commands.send(new DeleteTranscodingProfile(profileId, appId), Origin.app(appId)))
                // an id that names no profile, or another kind of resource
                .onErrorMap(e -> e instanceof AggregateNotFoundException || e instanceof IncompatibleAggregateException,
                        e -> TranscodingProfile.notFound())
                .then();
    }

    /**
     * Makes {@code profileId} (a SYSTEM profile or an ACTIVE one of the app's own, of {@code type}) the app's default
     * of that type; null: the system's default again. The app's ownership is checked first, so a profile's existence
     * is never told to another user.
     */
    public Mono<Void> changeDefault(ConsoleUser user, long appId, TranscodingProfileType type, Long profileId) {
        return Mono.fromCallable(() -> {
                    apps.requireOwned(user, appId);
                    // the app refuses the types that have no default (BROADCAST_RTMP) with their own code
                    if (profileId != null && type != null && type != TranscodingProfileType.BROADCAST_RTMP) {
                        directory.usable(appId, profileId, type, "profileId");
                    }
                    return new ChangeAppDefaultTranscodingProfile(appId, user.userId(), type, profileId);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(command -> appCommands.send(appId, command))
                .then();
    }

    private record Owned(AppCreated app, CreateTranscodingProfile command) {
    }

    /** Ids of the shipped profiles are never an app profile's, so an id names one profile everywhere. */
    private long newId() {
        long id = ids.nextId();
        while (id <= SystemTranscodingProfiles.MAX_ID) {
            id = ids.nextId();
        }
        return id;
    }

    private static TranscodingProfileView view(TranscodingProfile.Snapshot profile, AppRef app) {
        return new TranscodingProfileView(profile.profileId(), profile.deleted() ? "DELETED" : "ACTIVE",
                profile.type(), ProfileCreatorType.APP, RepresentativeType.NON_DEFAULT, app, profile.name(),
                profile.description(), profile.profile(), profile.createdAt(), profile.lastModifiedAt());
    }
}
