package io.flipflop.query.eventsource;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flipflop.api.streamkey.OutputMode;
import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.platform.playback.PlaybackUrls;

/** {@code customData} of a change-data-capture signal (reference §17.3); ids are strings there. */
public sealed interface ChangeData permits ChangeData.StreamKeyChange, ChangeData.VideoRoomChange {

    String type();

    /** {@code liveUrl} is the HLS URL of the room the key is live for, while ACTIVE_LIVE; null otherwise. */
    record StreamKeyChange(String type, String streamKeyId, StreamKeyState streamKeyState, String liveUrl)
            implements ChangeData {

        static StreamKeyChange of(long streamKeyId, StreamKeyState state, Long videoRoomId, PlaybackUrls urls) {
            return new StreamKeyChange("STREAM_KEY", String.valueOf(streamKeyId), state,
                    urls.ofStreamKey(state, videoRoomId, null).playUrl());
        }
    }

    /**
     * The play URLs are filled on LIVE only (null on LIVE_INACTIVE, ENDED and the rest); {@code forciblyTerminated}
     * is sent only with ENDED, as FlipFlop does.
     */
    record VideoRoomChange(String type, String videoRoomId, VideoRoomState videoRoomState, String playUrl,
                           String cmafHlsPlayUrl, String cmafDashPlayUrl, String rtmpPlayUrl, String httpFlvPlayUrl,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean forciblyTerminated)
            implements ChangeData {

        /** @param mode the output mode of the ingest the room is live on; null when none or unknown */
        static VideoRoomChange of(long videoRoomId, VideoRoomState state, OutputMode mode, PlaybackUrls urls) {
            PlaybackUrls.Live play = urls.ofRoom(videoRoomId, state, mode);
            return new VideoRoomChange("VIDEO_ROOM", String.valueOf(videoRoomId), state, play.playUrl(),
                    play.cmafHls(), play.cmafDash(), play.rtmp(), play.httpFlv(), null);
        }

        static VideoRoomChange ended(long videoRoomId, boolean forciblyTerminated) {
            return new VideoRoomChange("VIDEO_ROOM", String.valueOf(videoRoomId), VideoRoomState.ENDED, null, null,
                    null, null, null, forciblyTerminated);
        }
    }
}
