package io.flipflop.api.videoroom;

import java.time.Instant;
import java.util.Map;

/**
 * Body of {@code POST /v2/apps/me/video-rooms} (reference §7.1) and {@code POST /v2/members/me/video-rooms}
 * (§11.3; {@code appUserId} is ignored there, the owner is the token's member). {@code type} is text so the
 * edge can accept D10's {@code VIDEO_SURVEILLANCE} for SURVEILLANCE.
 */
public record CreateVideoRoomRequest(String appUserId, String type, String title, String description,
                                     AccessLevel accessLevel, Instant scheduledAt, String customType,
                                     Map<String, String> customData) {

    public static final CreateVideoRoomRequest EMPTY =
            new CreateVideoRoomRequest(null, null, null, null, null, null, null, null);
}
