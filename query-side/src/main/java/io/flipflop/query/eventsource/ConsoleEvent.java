package io.flipflop.query.eventsource;

import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VodState;

/**
 * One message of the console's live events (docs/API.md): a state change of a stream key, a video room or a post of the
 * app. Unlike the member event source this is our own shape, so ids are numbers and the room's
 * {@code vodState} is included when the event that changed it carries one (null means unchanged). A video post's
 * message comes with every change of its state and every progress report of its job ({@code percent}, null when
 * the event carries none).
 */
public sealed interface ConsoleEvent permits ConsoleEvent.StreamKey, ConsoleEvent.VideoRoom, ConsoleEvent.VideoPost {

    String type();

    record StreamKey(String type, long streamKeyId, StreamKeyState streamKeyState, long memberId)
            implements ConsoleEvent {

        StreamKey(long streamKeyId, StreamKeyState streamKeyState, long memberId) {
            this("STREAM_KEY", streamKeyId, streamKeyState, memberId);
        }
    }

    record VideoRoom(String type, long videoRoomId, VideoRoomState videoRoomState, VodState vodState)
            implements ConsoleEvent {

        VideoRoom(long videoRoomId, VideoRoomState videoRoomState, VodState vodState) {
            this("VIDEO_ROOM", videoRoomId, videoRoomState, vodState);
        }
    }

    record VideoPost(String type, long videoPostId, VideoPostState videoPostState, Double percent)
            implements ConsoleEvent {

        VideoPost(long videoPostId, VideoPostState videoPostState, Double percent) {
            this("VIDEO_POST", videoPostId, videoPostState, percent);
        }
    }
}
