package io.flipflop.command.transcoding;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.flipflop.api.transcoding.CreateTranscodingProfile;
import io.flipflop.api.transcoding.DeleteTranscodingProfile;
import io.flipflop.api.transcoding.ProfileSettings;
import io.flipflop.api.transcoding.TranscodingProfileCreated;
import io.flipflop.api.transcoding.TranscodingProfileDeleted;
import io.flipflop.api.transcoding.TranscodingProfileType;
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

/**
 * An app's transcoding profile (reference §9, §13.5): made ACTIVE with settings checked against its type, then
 * only deleted. Never changed: a post copies the settings it chose, and a profile that could change under a
 * name would make "which ladder did this post get" unanswerable from the profile. Another app's profile is not
 * found, as a missing or deleted one.
 */
@Aggregate
public class TranscodingProfile {

    @AggregateIdentifier
    private Long profileId;
    private long appId;
    private TranscodingProfileType type;
    private String name;
    private String description;
    private ProfileSettings profile;
    private boolean deleted;
    private Instant createdAt;
    private Instant lastModifiedAt;

    /** What the write endpoints answer: the profile after the command. */
    public record Snapshot(long profileId, long appId, TranscodingProfileType type, String name, String description,
                           ProfileSettings profile, boolean deleted, Instant createdAt, Instant lastModifiedAt) {
    }

    protected TranscodingProfile() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Snapshot handle(CreateTranscodingProfile command) {
        if (profileId != null) {
            throw new DomainRejection("TRANSCODING_PROFILE_ALREADY_EXISTS",
                    "Transcoding profile " + command.profileId() + " already exists");
        }
        TranscodingProfileRules.checkText(command.name(), command.description());
        ProfileSettings completed = TranscodingProfileRules.completed(command.type(), command.profile());
        apply(new TranscodingProfileCreated(command.profileId(), command.appId(), command.type(),
                command.name().strip(), command.description(), completed));
        return snapshot();
    }

    @CommandHandler
    public Snapshot handle(DeleteTranscodingProfile command) {
        if (deleted || command.appId() != appId) {
            throw notFound();
        }
        apply(new TranscodingProfileDeleted(profileId, appId, type));
        return snapshot();
    }

    @EventSourcingHandler
    void on(TranscodingProfileCreated event, @Timestamp Instant at) {
        profileId = event.profileId();
        appId = event.appId();
        type = event.type();
        name = event.name();
        description = event.description();
        profile = event.profile();
        createdAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(TranscodingProfileDeleted event, @Timestamp Instant at) {
        deleted = true;
        lastModifiedAt = at;
    }

    static ApiException notFound() {
        return ApiException.notFound("TRANSCODING_PROFILE_NOT_FOUND", "No such transcoding profile");
    }

    private Snapshot snapshot() {
        return new Snapshot(profileId, appId, type, name, description, profile, deleted, createdAt, lastModifiedAt);
    }
}
