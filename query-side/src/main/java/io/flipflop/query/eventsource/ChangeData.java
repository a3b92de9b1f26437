package io.flipflop.query.eventsource;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.VideoRoomState;

/** {@code customData} of a change-data-capture signal (reference §17.3); ids are strings there. */
public sealed interface ChangeData permits ChangeData.StreamKeyChange, ChangeData.VideoRoomChange {

    String type();

    /** {@code liveUrl} is null until the media worker publishes play URLs. */
    record StreamKeyChange(String type, String streamKeyId, StreamKeyState streamKeyState, String liveUrl)
            implements ChangeData {

        static StreamKeyChange of(long streamKeyId, StreamKeyState state) {
            return new StreamKeyChange("STREAM_KEY", String.valueOf(streamKeyId), state, null);
        }
    }

    /**
     * The play URLs are null until the media worker publishes them (and always on LIVE_INACTIVE and ENDED);
     * {@code forciblyTerminated} is sent only with ENDED, as FlipFlop does.
     */
    record VideoRoomChange(String type, String videoRoomId, VideoRoomState videoRoomState, String playUrl,
                           String cmafHlsPlayUrl, String cmafDashPlayUrl, String rtmpPlayUrl, String httpFlvPlayUrl,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean forciblyTerminated)
            implements ChangeData {

        static VideoRoomChange of(long videoRoomId, VideoRoomState state) {
            return new VideoRoomChange("VIDEO_ROOM", String.valueOf(videoRoomId), state, null, null, null, null,
                    null, null);
        }

        static VideoRoomChange ended(long videoRoomId, boolean forciblyTerminated) {
            return new VideoRoomChange("VIDEO_ROOM", String.valueOf(videoRoomId), VideoRoomState.ENDED, null, null,
                    null, null, null, forciblyTerminated);
        }
    }
}
