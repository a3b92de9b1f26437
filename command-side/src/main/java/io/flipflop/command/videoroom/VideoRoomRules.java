package io.flipflop.command.videoroom;

import io.flipflop.api.member.MemberProfile;
import io.flipflop.api.videoroom.VideoRoomDetails;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.command.member.MemberRules;
import io.flipflop.platform.error.DomainRejection;
import java.time.Instant;

/**
 * The documented rules on a new room (reference §7.1, §11.3). Invariants of {@link VideoRoom}, and checked by
 * {@link VideoRoomService} before an id is taken, so a bad request leaves no trace.
 */
public final class VideoRoomRules {

    private VideoRoomRules() {
    }

    public static void checkNewRoom(VideoRoomType type, Instant scheduledAt, VideoRoomDetails details) {
        if (type == null) {
            throw new DomainRejection("EMPTY_VIDEO_ROOM_TYPE", "type is required");
        }
        if (type == VideoRoomType.BROADCAST_RTMP && scheduledAt == null) {
            throw new DomainRejection("EMPTY_VIDEO_ROOM_SCHEDULED_AT", "scheduledAt is required for BROADCAST_RTMP");
        }
        checkDetails(details);
    }

    public static void requireBroadcastRtmp(VideoRoomType type) {
        if (type != VideoRoomType.BROADCAST_RTMP) {
            throw new DomainRejection("VIDEO_ROOM_TYPE_NOT_BROADCAST_RTMP",
                    "Video room is " + type + "; only BROADCAST_RTMP rooms broadcast from a stream key");
        }
    }

    /** customType and customData have the same limits as a member's (reference §2.4), with the same codes. */
    public static void checkDetails(VideoRoomDetails details) {
        MemberRules.checkProfile(new MemberProfile(null, null, null, details.customType(), details.customData()));
    }
}
