package io.flipflop.query.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flipflop.api.app.AppCallbackTestRequested;
import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyEvent;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.videopost.ArchivePostCreated;
import io.flipflop.api.videopost.ProcessingFailed;
import io.flipflop.api.videopost.ProcessingProgressed;
import io.flipflop.api.videopost.ProcessingStarted;
import io.flipflop.api.videopost.SourceUploadFailed;
import io.flipflop.api.videopost.SourceUploaded;
import io.flipflop.api.videopost.TranscodingQueued;
import io.flipflop.api.videopost.TranscodingQueuingFailed;
import io.flipflop.api.videopost.VideoPostCreated;
import io.flipflop.api.videopost.VideoPostEvent;
import io.flipflop.api.videopost.VideoPostProcessed;
import io.flipflop.api.videoroom.VideoRoomArchiveFailed;
import io.flipflop.api.videoroom.VideoRoomArchived;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomCancelled;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomEvent;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.api.videoroom.VideoRoomIngestLost;
import io.flipflop.api.videoroom.VideoRoomIngestResumed;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.query.eventsource.MemberAddress;
import io.flipflop.query.eventsource.StreamOwners;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Turns every stream key, video room and video post state change of an app with a webhook into a delivery record (reference
 * §17.2), plus the console's test deliveries. The delivery id is the event's id, so a redelivered event records
 * nothing new. Creation, reissue, detail updates and archiving progress that leaves the room ENDED are no state
 * change; FAILED_ARCHIVING is one (FlipFlop sends it), and so is CANCELLED, which FlipFlop's table leaves out
 * but which is a room state like the others.
 */
@Component
@ProcessingGroup(WebhookProcessing.PROCESSING_GROUP)
@DisallowReplay
public class CallbackNotices {

    /** The room events that move {@code videoRoomState}; each carries the state it moved to. */
    private static final Set<Class<? extends VideoRoomEvent>> ROOM_STATE_CHANGES = Set.of(VideoRoomCreated.class,
            VideoRoomCancelled.class, VideoRoomWentLive.class, VideoRoomIngestLost.class,
            VideoRoomIngestResumed.class, VideoRoomBroadcastEnded.class, VideoRoomForciblyTerminated.class,
            VideoRoomArchived.class);

    /** The post events that move {@code videoPostState}. */
    private static final Set<Class<? extends VideoPostEvent>> POST_STATE_CHANGES = Set.of(VideoPostCreated.class,
            SourceUploaded.class, SourceUploadFailed.class, TranscodingQueued.class, TranscodingQueuingFailed.class,
            ProcessingStarted.class, VideoPostProcessed.class, ProcessingFailed.class, ArchivePostCreated.class);

    private final CallbackRegistrations registrations;
    private final DeliveryRecords records;
    private final StreamOwners owners;
    private final CallbackDispatcher dispatcher;
    private final ObjectMapper json = new ObjectMapper();

    public CallbackNotices(CallbackRegistrations registrations, DeliveryRecords records, StreamOwners owners,
                           CallbackDispatcher dispatcher) {
        this.registrations = registrations;
        this.records = records;
        this.owners = owners;
        this.dispatcher = dispatcher;
    }

    @EventHandler
    void on(StreamKeyEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        if (event instanceof StreamKeyCreated created) {
            owners.remember(created.streamKeyId(), new MemberAddress(created.appId(), created.memberId()));
            return;
        }
        stateAfter(event).ifPresent(state -> owners.of(event.streamKeyId()).ifPresent(owner ->
                record(owner.appId(), eventId, token, CallbackNotice.streamKey(event.streamKeyId(), state))));
    }

    @EventHandler
    void on(VideoRoomEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        if (event instanceof VideoRoomCreated created) {
            owners.remember(created.videoRoomId(), new MemberAddress(created.appId(), created.memberId()));
        }
        Optional<CallbackNotice> notice = Optional.empty();
        if (event instanceof VideoRoomArchiveFailed) {
            notice = Optional.of(CallbackNotice.videoRoom(event.videoRoomId(), "FAILED_ARCHIVING", event.state()));
        } else if (ROOM_STATE_CHANGES.contains(event.getClass())) {
            notice = Optional.of(CallbackNotice.videoRoom(event.videoRoomId(), event.state().name(), event.state()));
        }
        notice.ifPresent(change -> owners.of(event.videoRoomId()).ifPresent(owner ->
                record(owner.appId(), eventId, token, change)));
    }

    /**
     * A post's state changes (DN: on every one) and its job's progress (our addition). ProcessingStarted of a restarted job (PROCESSING again) is sent
     * again; a new upload request that takes a FAILED_UPLOAD post back to CREATED is not sent, as its event cannot
     * tell that move from a request in CREATED.
     */
    @EventHandler
    void on(VideoPostEvent event, @MessageIdentifier String eventId, TrackingToken token) {
        if (event instanceof VideoPostCreated created) {
            owners.remember(created.videoPostId(), new MemberAddress(created.appId(), created.memberId()));
        } else if (event instanceof ArchivePostCreated created) {
            owners.remember(created.videoPostId(), new MemberAddress(created.appId(), created.memberId()));
        }
        Optional<CallbackNotice> notice = Optional.empty();
        if (POST_STATE_CHANGES.contains(event.getClass())) {
            notice = Optional.of(CallbackNotice.videoPost(event.videoPostId(), event.state()));
        } else if (event instanceof ProcessingProgressed progress) {
            notice = Optional.of(CallbackNotice.videoPostProgress(progress.videoPostId(), progress.state(),
                    progress.percent(), progress.fps(), progress.etaSeconds()));
        }
        notice.ifPresent(change -> owners.of(event.videoPostId()).ifPresent(owner ->
                record(owner.appId(), eventId, token, change)));
    }

    @EventHandler
    void on(AppCallbackTestRequested event, TrackingToken token) {
        record(event.appId(), event.deliveryId(), token, CallbackNotice.test(event.appId(), event.deliveryId()));
    }

    /** The state a stream key event moved the key to; empty for creation, reissue and a no-op termination. */
    private static Optional<StreamKeyState> stateAfter(StreamKeyEvent event) {
        if (event instanceof IngestStarted e) {
            return Optional.of(e.state());
        } else if (event instanceof IngestStopped e) {
            return Optional.of(e.state());
        } else if (event instanceof CmafPublishStarted e) {
            return Optional.of(e.state());
        } else if (event instanceof CmafPublishStopped e) {
            return Optional.of(e.state());
        } else if (event instanceof StreamKeyWentLive e) {
            return Optional.of(e.state());
        } else if (event instanceof StreamKeyBroadcastEnded e) {
            return Optional.of(e.state());
        } else if (event instanceof StreamKeyForciblyTerminated e && e.previousState() != e.state()) {
            return Optional.of(e.state());
        }
        return Optional.empty();
    }

    private void record(long appId, String deliveryId, TrackingToken token, CallbackNotice notice) {
        if (!registrations.isRegistered(appId)) {
            return;
        }
        long position = token.position().orElseThrow(() ->
                new IllegalStateException("The event store's tracking tokens carry a position"));
        records.add(deliveryId, appId, notice, body(notice), position, Instant.now());
        dispatcher.wake();
    }

    private String body(CallbackNotice notice) {
        try {
            return json.writeValueAsString(notice.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notice of strings and numbers is always JSON", e);
        }
    }
}
