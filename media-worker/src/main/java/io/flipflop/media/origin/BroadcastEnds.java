package io.flipflop.media.origin;

import io.flipflop.api.videoroom.VideoRoomArchiveStarted;
import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.api.videoroom.VideoRoomWentLive;
import io.flipflop.media.cmaf.LiveStreams;
import io.flipflop.media.vod.Archiver;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/**
 * Ends the stream key's live stream when its room's broadcast ends, normally or by force: live paths answer 404
 * from then on, and the recording is closed; then archives it ({@link Archiver}). Runs in a tracking processor of
 * its own per worker ({@link OriginConfiguration}), from the head of the event stream: live streams and
 * recordings are this worker's, so every worker must see every broadcast, and only those that happen while it
 * runs matter. One thread, in event order: a room's go-live, end and archive reach the archiver in that order.
 */
@ProcessingGroup(BroadcastEnds.PROCESSING_GROUP)
public class BroadcastEnds {

    static final String PROCESSING_GROUP = "media-live-stream-ends";

    private final LiveStreams liveStreams;
    private final Archiver archiver;

    public BroadcastEnds(LiveStreams liveStreams, Archiver archiver) {
        this.liveStreams = liveStreams;
        this.archiver = archiver;
    }

    @EventHandler
    void on(VideoRoomWentLive event, @Timestamp Instant at) {
        if (liveStreams.find(event.streamKeyId()).isPresent()) {
            archiver.wentLive(event.videoRoomId(), at);
        }
    }

    @EventHandler
    void on(VideoRoomBroadcastEnded event) {
        liveStreams.end(event.streamKeyId())
                .ifPresent(stream -> archiver.ended(event.videoRoomId(), stream.recordingDirectory()));
    }

    @EventHandler
    void on(VideoRoomForciblyTerminated event) {
        liveStreams.end(event.streamKeyId());
        archiver.terminated(event.videoRoomId());
    }

    @EventHandler
    void on(VideoRoomArchiveStarted event) {
        archiver.archive(event.videoRoomId());
    }
}
