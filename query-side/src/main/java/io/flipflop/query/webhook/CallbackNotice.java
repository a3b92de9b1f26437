package io.flipflop.query.webhook;

import io.flipflop.api.streamkey.StreamKeyState;
import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videoroom.VideoRoomState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one delivery tells the app: FlipFlop's {@code {"type", "data"}} payload (reference §17.2) and the resource
 * whose deliveries it is ordered with. New kinds of notice are one more factory here and one more event handler in
 * {@link CallbackNotices}.
 */
record CallbackNotice(String type, String resourceId, Map<String, Object> data) {

    static final String TEST = "CALLBACK_TEST";
    private static final String VIDEO_POST = "VIDEO_POST_";

    static CallbackNotice streamKey(long streamKeyId, StreamKeyState state) {
        return new CallbackNotice("STREAM_KEY_" + state, String.valueOf(streamKeyId),
                fields("streamKeyId", streamKeyId, "streamKeyStreamKeyState", state.name()));
    }

    /** {@code typeSuffix} is the room state, or FAILED_ARCHIVING, which is a VOD state of an ENDED room. */
    static CallbackNotice videoRoom(long videoRoomId, String typeSuffix, VideoRoomState state) {
        return new CallbackNotice("VIDEO_ROOM_" + typeSuffix, String.valueOf(videoRoomId),
                fields("videoRoomId", videoRoomId, "videoRoomVideoRoomState", state.name()));
    }

    /**
     * DN documents a post's notice without FlipFlop's envelope, as {@code {videoPostId, videoPostVideoPostState}};
     * both readings hold at once: the payload has the envelope and the two fields at its top level too.
     */
    static CallbackNotice videoPost(long videoPostId, VideoPostState state) {
        return new CallbackNotice(VIDEO_POST + state, String.valueOf(videoPostId),
                fields("videoPostId", videoPostId, "videoPostVideoPostState", state.name()));
    }

    /**
     * Our addition: a running job's progress, {@code VIDEO_POST_PROGRESS}, as the post's {@code processing} shows it
     * (sent as often as the worker records it, {@code flipflop.video-posts.progress-interval}); {@code etaSeconds}
     * is null until ffmpeg can tell.
     */
    static CallbackNotice videoPostProgress(long videoPostId, VideoPostState state, double percent, double fps,
                                            Long etaSeconds) {
        Map<String, Object> data = fields("videoPostId", videoPostId, "videoPostVideoPostState", state.name());
        data.put("percent", percent);
        data.put("fps", fps);
        data.put("etaSeconds", etaSeconds);
        return new CallbackNotice(VIDEO_POST + "PROGRESS", String.valueOf(videoPostId), data);
    }

    /** The console's "send test"; ordered with nothing but the app's other tests. */
    static CallbackNotice test(long appId, String deliveryId) {
        return new CallbackNotice(TEST, String.valueOf(appId), fields("appId", appId, "deliveryId", deliveryId));
    }

    /** The payload in FlipFlop's envelope, in the order its documents show the fields. */
    Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type);
        payload.put("data", data);
        if (type.startsWith(VIDEO_POST)) {
            payload.putAll(data);
        }
        return payload;
    }

    private static Map<String, Object> fields(String idName, long id, String secondName, Object second) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(idName, id);
        fields.put(secondName, second);
        return fields;
    }
}
