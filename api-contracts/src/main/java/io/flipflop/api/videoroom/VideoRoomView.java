package io.flipflop.api.videoroom;

import io.flipflop.api.app.AppRef;
import java.time.Instant;
import java.util.Map;

/**
 * A video room on the wire (reference §13.3): the union of the D10 member view and the D07 app view, as §21.1
 * advises, so clients of either read their fields. {@code liveUrl} (D07) and {@code playUrl} with the four
 * format URLs (D10) are filled while LIVE; {@code protocol} is RTMP or WEB_RTC, {@code format} the output of the
 * running ingest (UNDEFINED when none).
 */
public record VideoRoomView(long id, String state, String uuid, VideoRoomType type, String protocol,
                            VideoRoomState videoRoomState, boolean forciblyTerminated, VodState vodState,
                            String vodUrl, String format, AccessLevel accessLevel, AppRef app, MemberRef member,
                            ChannelRef channel, CreatorType creatorType, long creatorId, String title,
                            String description, String customType, Map<String, String> customData,
                            VideoRoomPolicy policy, Instant scheduledAt, Instant cancelledAt, long lastSessionNo,
                            Instant liveStartedAt, Instant liveEndedAt, Instant vodArchivedAt,
                            StreamKeyRef streamKey, String liveUrl, String playUrl, String cmafHlsPlayUrl,
                            String cmafDashPlayUrl, String rtmpPlayUrl, String httpFlvPlayUrl, Object videoPost,
                            VideoRoomStats stats, Instant createdAt, Instant lastModifiedAt) {
}
