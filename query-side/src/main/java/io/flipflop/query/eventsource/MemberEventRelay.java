package io.flipflop.query.eventsource;

import io.flipflop.api.streamkey.CmafPublishStarted;
import io.flipflop.api.streamkey.CmafPublishStopped;
import io.flipflop.api.streamkey.IngestStarted;
import io.flipflop.api.streamkey.IngestStopped;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyBroadcastEnded;
import io.flipflop.api.streamkey.StreamKeyCreated;
import io.flipflop.api.streamkey.StreamKeyForciblyTerminated;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.streamkey.StreamKeyWentLive;
import io.flipflop.api.videoroom.VideoRoomArchived;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomCancelled;
import io.flipflop.api.videoroom.VideoRoomCreated;
import io.flipflop.api.videoroom.VideoRoomEvent;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.api.videoroom.VideoRoomIngestLost;
import io.flipflop.api.videoroom.VideoRoomIngestResumed;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.platform.playback.PlaybackUrls;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Turns state changes of stream keys and video rooms into signals for their owners' event sources. Only changes
 * of {@code streamKeyState} or {@code videoRoomState} are signalled, as FlipFlop's change-data-capture does:
 * creation, reissue, detail updates and archiving progress that leaves the room ENDED are not. Channel
 * membership is not modelled, so a room's BROADCAST signals reach its owner (the member who joined it first).
 *
 * <p>Runs in its own processor on every query node ({@link MemberEventSourceProcessing}), so each node's
 * connected members hear every change whichever node wrote it.
 */
@Component
@ProcessingGroup(MemberEventSourceProcessing.PROCESSING_GROUP)
public class MemberEventRelay {

    private final MemberEventHub hub;
    private final StreamOwners owners;
    private final PlaybackUrls urls;
    /** The output mode of each key's latest ingest, as this node saw it start (a LIVE signal names its URLs). */
    private final Map<Long, OutputMode> modes = new ConcurrentHashMap<>();

    public MemberEventRelay(MemberEventHub hub, StreamOwners owners, PlaybackUrls urls) {
        this.hub = hub;
        this.owners = owners;
        this.urls = urls;
    }

    @EventHandler
    public void on(StreamKeyCreated event) {
        owners.remember(event.streamKeyId(), new MemberAddress(event.appId(), event.memberId()));
    }

    @EventHandler
    public void on(VideoRoomCreated event) {
        owners.remember(event.videoRoomId(), new MemberAddress(event.appId(), event.memberId()));
    }

    @EventHandler
    public void on(IngestStarted event) {
        modes.put(event.streamKeyId(), event.mode());
        streamKey(event.streamKeyId(), event.state(), event.videoRoomId());
    }

    @EventHandler
    public void on(IngestStopped event) {
        streamKey(event.streamKeyId(), event.state(), event.videoRoomId());
    }

    @EventHandler
    public void on(CmafPublishStarted event) {
        streamKey(event.streamKeyId(), event.state(), event.videoRoomId());
    }

    @EventHandler
    public void on(CmafPublishStopped event) {
        streamKey(event.streamKeyId(), event.state(), event.videoRoomId());
    }

    @EventHandler
    public void on(StreamKeyWentLive event) {
        streamKey(event.streamKeyId(), event.state(), event.videoRoomId());
    }

    @EventHandler
    public void on(StreamKeyBroadcastEnded event) {
        streamKey(event.streamKeyId(), event.state(), event.videoRoomId());
    }

    @EventHandler
    public void on(StreamKeyForciblyTerminated event) {
        streamKey(event.streamKeyId(), event.state(), event.videoRoomId());
    }

    @EventHandler
    public void on(VideoRoomCancelled event) {
        videoRoom(event);
    }

    @EventHandler
    public void on(VideoRoomWentLive event) {
        videoRoom(event, modes.get(event.streamKeyId()));
    }

    @EventHandler
    public void on(VideoRoomIngestLost event) {
        videoRoom(event);
    }

    @EventHandler
    public void on(VideoRoomIngestResumed event) {
        videoRoom(event, modes.get(event.streamKeyId()));
    }

    @EventHandler
    public void on(VideoRoomBroadcastEnded event) {
        videoRoom(event.videoRoomId(), ChangeData.VideoRoomChange.ended(event.videoRoomId(), false));
    }

    @EventHandler
    public void on(VideoRoomForciblyTerminated event) {
        videoRoom(event.videoRoomId(), ChangeData.VideoRoomChange.ended(event.videoRoomId(), true));
    }

    @EventHandler
    public void on(VideoRoomArchived event) {
        videoRoom(event);
    }

    private void streamKey(long streamKeyId, StreamKeyState state, Long videoRoomId) {
        owners.of(streamKeyId).ifPresent(owner -> hub.publish(owner, MemberSignal.unicast(Instant.now(),
                ChangeData.StreamKeyChange.of(streamKeyId, state, videoRoomId, urls))));
    }

    private void videoRoom(VideoRoomEvent event) {
        videoRoom(event, null);
    }

    /** {@code mode}: that of the ingest the room is live on, which decides its HTTP-FLV URL. */
    private void videoRoom(VideoRoomEvent event, OutputMode mode) {
        videoRoom(event.videoRoomId(), ChangeData.VideoRoomChange.of(event.videoRoomId(), event.state(), mode,
                urls));
    }

    private void videoRoom(long videoRoomId, ChangeData.VideoRoomChange change) {
        owners.of(videoRoomId).ifPresent(owner -> hub.publish(owner,
                MemberSignal.broadcast(Instant.now(), videoRoomId, change)));
    }
}
