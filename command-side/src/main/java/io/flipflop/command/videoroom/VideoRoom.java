package io.flipflop.command.videoroom;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.AllowMemberOnVideoRoom;
import io.flipflop.api.videoroom.CancelVideoRoom;
import io.flipflop.api.videoroom.CompleteArchive;
import io.flipflop.api.videoroom.CreateVideoRoom;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.DeleteVideoRoom;
import io.flipflop.api.videoroom.DisallowMemberOnVideoRoom;
import io.flipflop.api.videoroom.EndBroadcast;
import io.flipflop.api.videoroom.FailArchive;
import io.flipflop.api.videoroom.ForceTerminateVideoRoom;
import io.flipflop.api.videoroom.GoLive;
import io.flipflop.api.videoroom.InspectVideoRoom;
import io.flipflop.api.videoroom.MarkIngestLost;
import io.flipflop.api.videoroom.MarkIngestResumed;
import io.flipflop.api.videoroom.MemberAllowedOnVideoRoom;
import io.flipflop.api.videoroom.MemberDisallowedOnVideoRoom;
import io.flipflop.api.videoroom.PostArchive;
import io.flipflop.api.videoroom.StartArchive;
import io.flipflop.api.videoroom.UpdateVideoRoom;
import io.flipflop.api.videoroom.VideoRoomArchiveFailed;
import io.flipflop.api.videoroom.VideoRoomArchivePosted;
import io.flipflop.api.videoroom.VideoRoomArchiveStarted;
import io.flipflop.api.videoroom.VideoRoomArchived;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomCancelled;
import io.flipflop.api.videoroom.VideoRoomCommand;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomDeleted;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomField;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.api.videoroom.VideoRoomIngestLost;
import io.flipflop.api.videoroom.VideoRoomIngestResumed;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.api.videoroom.VideoRoomUpdated;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.api.videoroom.VodState;
import io.flipflop.platform.error.ApiException;
import io.flipflop.platform.error.DomainRejection;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A video room (SPEC §2). Every command goes through {@link VideoRoomTransitions}; the handlers add what the table
 * cannot say: tenancy (a room of another app, or another member's room on the member API, is not found), the
 * room type, which stream key the broadcast runs on, and idempotency.
 * <p>
 * Idempotency: the broadcast commands are also sent by the coupling process, which may see an event twice or
 * after the synchronous path already did the work. A broadcast command whose effect is already there for the
 * same stream key (GoLive on a room on air on that key, MarkIngestLost on LIVE_INACTIVE, MarkIngestResumed on
 * LIVE, EndBroadcast or ForceTerminate on a room that ended that way, StartArchive while ARCHIVING) succeeds and
 * records nothing. The HTTP path checks the table first ({@link io.flipflop.command.broadcast.BroadcastService}),
 * so an app still gets the documented error for, e.g., go live on a LIVE room.
 * <p>
 * Not cached: room ids come from URLs, and the shared cache is keyed by id alone.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class VideoRoom {

    /** Boxed: null until the first event, so Axon stamps a creating handler's events with the id it sets. */
    @AggregateIdentifier
    private Long videoRoomId;
    private boolean deleted;
    private long appId;
    private long memberId;
    private String appUserId;
    private Long ownerStreamKeyId;
    private VideoRoomType type;
    private VideoRoomDetails details;
    private Instant scheduledAt;
    private String uuid;
    private CreatorType creatorType;
    private long creatorId;
    private VideoRoomState state;
    private VodState vodState;
    private String vodUrl;
    private boolean forciblyTerminated;
    private Long broadcastStreamKeyId;
    private Instant cancelledAt;
    private Instant liveStartedAt;
    private Instant liveEndedAt;
    private Instant vodArchivedAt;
    private Instant createdAt;
    private Instant lastModifiedAt;
    /** Member ids that may view the room at {@link AccessLevel#RESTRICTED}; kept at every level. */
    private Set<Long> allowlist = new HashSet<>();
    /** The video post made of the archive (issue 6), once it is assigned. */
    private Long archivePostId;

    protected VideoRoom() {
    }

    /**
     * CREATE_IF_MISSING rather than a constructor makes the events apply at once, so the handler can answer the
     * room as created; ids are fresh from the generator, so an existing room here is a bug or a replayed request.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VideoRoomSnapshot handle(CreateVideoRoom command) {
        if (state != null) {
            throw new DomainRejection("VIDEO_ROOM_ALREADY_EXISTS", "Video room " + command.videoRoomId()
                    + " already exists");
        }
        VideoRoomDetails given = command.details() == null
                ? new VideoRoomDetails(null, null, null, null, null) : command.details();
        VideoRoomRules.checkNewRoom(command.type(), command.scheduledAt(), given);
        VideoRoomDetails withLevel = given.accessLevel() != null ? given : new VideoRoomDetails(given.title(),
                given.description(), AccessLevel.PUBLIC, given.customType(),
                given.customData());
        apply(new VideoRoomCreated(command.videoRoomId(), VideoRoomState.SCHEDULED, VodState.NOT_ARCHIVED,
                command.appId(), command.memberId(), command.appUserId(), command.streamKeyId(), command.type(),
                withLevel, command.scheduledAt(), command.uuid(), command.creatorType(), command.creatorId()));
        return snapshot();
    }

    @CommandHandler
    public VideoRoomSnapshot handle(InspectVideoRoom command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        advance(InspectVideoRoom.class);
        return snapshot();
    }

    /** Records a change only when a detail really changes. */
    @CommandHandler
    public VideoRoomSnapshot handle(UpdateVideoRoom command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        VideoRoomState next = advance(UpdateVideoRoom.class);
        VideoRoomDetails changed = details;
        VideoRoomDetails values = command.values() == null
                ? new VideoRoomDetails(null, null, null, null, null) : command.values();
        for (VideoRoomField field : command.fields() == null ? Set.<VideoRoomField>of() : command.fields()) {
            changed = with(changed, field, values);
        }
        if (changed.accessLevel() == null) {
            throw new DomainRejection("EMPTY_VIDEO_ROOM_ACCESS_LEVEL", "accessLevel cannot be cleared");
        }
        if (!changed.equals(details)) {
            VideoRoomRules.checkDetails(changed);
            apply(new VideoRoomUpdated(videoRoomId, next, changed));
        }
        return snapshot();
    }

    @CommandHandler
    public void handle(DeleteVideoRoom command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        VideoRoomState next = advance(DeleteVideoRoom.class);
        apply(new VideoRoomDeleted(videoRoomId, next, appId));
    }

    /** Records nothing when the member is already on the allowlist. */
    @CommandHandler
    public void handle(AllowMemberOnVideoRoom command) {
        requireVisibleTo(command.appId(), null);
        VideoRoomState next = advance(AllowMemberOnVideoRoom.class);
        if (!allowlist.contains(command.memberId())) {
            apply(new MemberAllowedOnVideoRoom(videoRoomId, next, appId, command.memberId(), command.appUserId()));
        }
    }

    /** Records nothing when the member is not on the allowlist. */
    @CommandHandler
    public void handle(DisallowMemberOnVideoRoom command) {
        requireVisibleTo(command.appId(), null);
        VideoRoomState next = advance(DisallowMemberOnVideoRoom.class);
        if (allowlist.contains(command.memberId())) {
            apply(new MemberDisallowedOnVideoRoom(videoRoomId, next, appId, command.memberId(),
                    command.appUserId()));
        }
    }

    @CommandHandler
    public VideoRoomSnapshot handle(CancelVideoRoom command) {
        requireVisibleTo(command.appId(), command.ownerMemberId());
        VideoRoomState next = advance(CancelVideoRoom.class);
        apply(new VideoRoomCancelled(videoRoomId, next));
        return snapshot();
    }

    @CommandHandler
    public VideoRoomSnapshot handle(GoLive command) {
        requireExisting();
        requireBroadcastRtmp();
        if (onAir() && sameKey(command.streamKeyId())) {
            return snapshot();
        }
        VideoRoomState next = advance(GoLive.class);
        if (!Objects.equals(ownerStreamKeyId, command.streamKeyId())) {
            throw new DomainRejection("STREAM_KEY_NOT_OWNED_BY_VIDEO_ROOM_OWNER",
                    "Stream key " + command.streamKeyId() + " is not the room owner's");
        }
        apply(new VideoRoomWentLive(videoRoomId, next, command.streamKeyId()));
        return snapshot();
    }

    @CommandHandler
    public VideoRoomSnapshot handle(MarkIngestLost command) {
        requireExisting();
        if (state == VideoRoomState.LIVE_INACTIVE && sameKey(command.streamKeyId())) {
            return snapshot();
        }
        VideoRoomState next = advance(MarkIngestLost.class);
        requireBroadcastKey(command.streamKeyId());
        apply(new VideoRoomIngestLost(videoRoomId, next, command.streamKeyId()));
        return snapshot();
    }

    @CommandHandler
    public VideoRoomSnapshot handle(MarkIngestResumed command) {
        requireExisting();
        if (state == VideoRoomState.LIVE && sameKey(command.streamKeyId())) {
            return snapshot();
        }
        VideoRoomState next = advance(MarkIngestResumed.class);
        requireBroadcastKey(command.streamKeyId());
        apply(new VideoRoomIngestResumed(videoRoomId, next, command.streamKeyId()));
        return snapshot();
    }

    @CommandHandler
    public VideoRoomSnapshot handle(EndBroadcast command) {
        requireExisting();
        requireBroadcastRtmp();
        if (state == VideoRoomState.ENDED && !forciblyTerminated && sameKey(command.streamKeyId())) {
            return snapshot();
        }
        VideoRoomState next = advance(EndBroadcast.class);
        requireBroadcastKey(command.streamKeyId());
        apply(new VideoRoomBroadcastEnded(videoRoomId, next, command.streamKeyId()));
        return snapshot();
    }

    @CommandHandler
    public VideoRoomSnapshot handle(ForceTerminateVideoRoom command) {
        requireExisting();
        if (state == VideoRoomState.ENDED && forciblyTerminated && sameKey(command.streamKeyId())) {
            return snapshot();
        }
        VideoRoomState next = advance(ForceTerminateVideoRoom.class);
        requireBroadcastKey(command.streamKeyId());
        apply(new VideoRoomForciblyTerminated(videoRoomId, next, command.streamKeyId()));
        return snapshot();
    }

    @CommandHandler
    public VideoRoomSnapshot handle(StartArchive command) {
        requireExisting();
        if (state == VideoRoomState.ENDED && vodState == VodState.ARCHIVING) {
            return snapshot();
        }
        VideoRoomState next = advance(StartArchive.class);
        if (forciblyTerminated) {
            throw new DomainRejection("VIDEO_ROOM_FORCIBLY_TERMINATED",
                    "A forcibly terminated broadcast is never archived");
        }
        apply(new VideoRoomArchiveStarted(videoRoomId, next, VideoRoomTransitions.nextVod(vodState,
                StartArchive.class)));
        return snapshot();
    }

    @CommandHandler
    public VideoRoomSnapshot handle(CompleteArchive command) {
        requireExisting();
        VideoRoomState next = advance(CompleteArchive.class);
        VodState nextVod = VideoRoomTransitions.nextVod(vodState, CompleteArchive.class);
        if (command.vodUrl() == null || command.vodUrl().isBlank()) {
            throw new DomainRejection("EMPTY_VOD_URL", "An archived broadcast needs its vodUrl");
        }
        apply(new VideoRoomArchived(videoRoomId, next, nextVod, command.vodUrl()));
        return snapshot();
    }

    /**
     * The first id offered becomes the archive's post; later ones (the archive handled again) get the same answer,
     * so exactly one post is made however often the archive event is delivered.
     */
    @CommandHandler
    public ArchivedRoom handle(PostArchive command) {
        requireExisting();
        VideoRoomState next = advance(PostArchive.class);
        if (archivePostId == null) {
            apply(new VideoRoomArchivePosted(videoRoomId, next, command.videoPostId()));
        }
        return new ArchivedRoom(snapshot(), Set.copyOf(allowlist), archivePostId);
    }

    @CommandHandler
    public VideoRoomSnapshot handle(FailArchive command) {
        requireExisting();
        VideoRoomState next = advance(FailArchive.class);
        apply(new VideoRoomArchiveFailed(videoRoomId, next, VideoRoomTransitions.nextVod(vodState, FailArchive.class),
                command.reason()));
        return snapshot();
    }

    @EventSourcingHandler
    void on(VideoRoomCreated event, @Timestamp Instant at) {
        videoRoomId = event.videoRoomId();
        appId = event.appId();
        memberId = event.memberId();
        appUserId = event.appUserId();
        ownerStreamKeyId = event.streamKeyId();
        type = event.type();
        details = event.details();
        scheduledAt = event.scheduledAt();
        uuid = event.uuid();
        creatorType = event.creatorType();
        creatorId = event.creatorId();
        state = event.state();
        vodState = event.vodState();
        createdAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomUpdated event, @Timestamp Instant at) {
        details = event.details();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomDeleted event, @Timestamp Instant at) {
        deleted = true;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(MemberAllowedOnVideoRoom event, @Timestamp Instant at) {
        allowlist.add(event.memberId());
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(MemberDisallowedOnVideoRoom event, @Timestamp Instant at) {
        allowlist.remove(event.memberId());
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomCancelled event, @Timestamp Instant at) {
        state = event.state();
        cancelledAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomWentLive event, @Timestamp Instant at) {
        state = event.state();
        broadcastStreamKeyId = event.streamKeyId();
        liveStartedAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomIngestLost event, @Timestamp Instant at) {
        state = event.state();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomIngestResumed event, @Timestamp Instant at) {
        state = event.state();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomBroadcastEnded event, @Timestamp Instant at) {
        state = event.state();
        liveEndedAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomForciblyTerminated event, @Timestamp Instant at) {
        state = event.state();
        forciblyTerminated = true;
        liveEndedAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomArchiveStarted event, @Timestamp Instant at) {
        state = event.state();
        vodState = event.vodState();
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomArchived event, @Timestamp Instant at) {
        state = event.state();
        vodState = event.vodState();
        vodUrl = event.vodUrl();
        vodArchivedAt = at;
        lastModifiedAt = at;
    }

    @EventSourcingHandler
    void on(VideoRoomArchivePosted event) {
        // the room's own details did not change: lastModifiedAt stays, as the read model keeps it
        archivePostId = event.videoPostId();
    }

    @EventSourcingHandler
    void on(VideoRoomArchiveFailed event, @Timestamp Instant at) {
        state = event.state();
        vodState = event.vodState();
        lastModifiedAt = at;
    }

    private VideoRoomState advance(Class<? extends VideoRoomCommand> command) {
        return VideoRoomTransitions.next(state, command);
    }

    private boolean onAir() {
        return state == VideoRoomState.LIVE || state == VideoRoomState.LIVE_INACTIVE;
    }

    private boolean sameKey(long streamKeyId) {
        return broadcastStreamKeyId != null && broadcastStreamKeyId == streamKeyId;
    }

    private void requireExisting() {
        if (deleted) {
            throw videoRoomNotFound();
        }
    }

    /** Another app's room, or on the member API another member's, answers exactly as a room that does not exist. */
    private void requireVisibleTo(long callerAppId, Long callerMemberId) {
        requireExisting();
        if (callerAppId != appId || (callerMemberId != null && callerMemberId != memberId)) {
            throw videoRoomNotFound();
        }
    }

    private void requireBroadcastRtmp() {
        VideoRoomRules.requireBroadcastRtmp(type);
    }

    private void requireBroadcastKey(long streamKeyId) {
        if (!sameKey(streamKeyId)) {
            throw new DomainRejection("STREAM_KEY_NOT_LIVE_FOR_VIDEO_ROOM",
                    "Video room is live on stream key " + broadcastStreamKeyId + ", not " + streamKeyId);
        }
    }

    private static ApiException videoRoomNotFound() {
        return ApiException.notFound("VIDEO_ROOM_NOT_FOUND", "No such video room");
    }

    private static VideoRoomDetails with(VideoRoomDetails d, VideoRoomField field, VideoRoomDetails values) {
        return switch (field) {
            case TITLE -> new VideoRoomDetails(values.title(), d.description(), d.accessLevel(), d.customType(),
                    d.customData());
            case DESCRIPTION -> new VideoRoomDetails(d.title(), values.description(), d.accessLevel(),
                    d.customType(), d.customData());
            case ACCESS_LEVEL -> new VideoRoomDetails(d.title(), d.description(), values.accessLevel(),
                    d.customType(), d.customData());
            case CUSTOM_TYPE -> new VideoRoomDetails(d.title(), d.description(), d.accessLevel(),
                    values.customType(), d.customData());
            case CUSTOM_DATA -> new VideoRoomDetails(d.title(), d.description(), d.accessLevel(), d.customType(),
                    values.customData());
        };
    }

    VideoRoomState state() {
        return state;
    }

    Set<Long> allowlist() {
        return Set.copyOf(allowlist);
    }

    private VideoRoomSnapshot snapshot() {
        return new VideoRoomSnapshot(videoRoomId, appId, memberId, appUserId, ownerStreamKeyId, type, details,
                scheduledAt, uuid, creatorType, creatorId, state, vodState, vodUrl, forciblyTerminated,
                broadcastStreamKeyId, cancelledAt, liveStartedAt, liveEndedAt, vodArchivedAt, createdAt,
                lastModifiedAt);
    }
}
