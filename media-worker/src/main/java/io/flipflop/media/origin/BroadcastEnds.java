package io.flipflop.media.origin;

import io.flipflop.api.videoroom.VideoRoomBroadcastEnded;
import io.flipflop.api.videoroom.VideoRoomForciblyTerminated;
import io.flipflop.media.cmaf.LiveStreams;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Ends the stream key's live stream when its room's broadcast ends, normally or by force: live paths answer 404
 * from then on, and the recording is closed for the archive. Runs in a tracking processor of its own per worker
 * ({@link OriginConfiguration}), from the head of the event stream: live streams are held in this worker's memory,
 * so every worker must see every end, and only ends that happen while it runs matter.
 */
@ProcessingGroup(BroadcastEnds.PROCESSING_GROUP)
public class BroadcastEnds {

    static final String PROCESSING_GROUP = "media-live-stream-ends";

    private final LiveStreams liveStreams;

    public BroadcastEnds(LiveStreams liveStreams) {
        this.liveStreams = liveStreams;
    }

    @EventHandler
    void on(VideoRoomBroadcastEnded event) {
        liveStreams.end(event.streamKeyId());
    }

    @EventHandler
    void on(VideoRoomForciblyTerminated event) {
        liveStreams.end(event.streamKeyId());
    }
}
