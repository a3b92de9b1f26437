package io.flipflop.api.streamkey;

import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.VideoRoomRef;
import java.time.Instant;

/**
 * A stream key on the wire (reference §13.2): the union of the D10 view ({@code ingestUrl}, {@code mode},
 * {@code playUrl} and the four format URLs) and the D07 one ({@code liveUrl}, top-level {@code state}).
 * {@code videoRoom} is set only while the key is live for a room. {@code profile} and {@code error} stay null
 * until transcoding profiles and media-service errors exist.
 */
public record StreamKeyView(long id, String state, StreamKeyState streamKeyState, boolean forciblyTerminated,
                            StreamKeyAppRef app, MemberRef member, VideoRoomRef videoRoom, String ingestUrl,
                            String streamKey, OutputMode mode, String liveUrl, String playUrl,
                            String cmafHlsPlayUrl, String cmafDashPlayUrl, String rtmpPlayUrl,
                            String httpFlvPlayUrl, Object profile, Object error, Instant createdAt,
                            Instant lastModifiedAt) {
}
