package io.flipflop.query.videoroom;

import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.VideoRoomState;
import io.flipflop.api.videoroom.VideoRoomType;
import io.flipflop.query.paging.QueryParameters;

/**
 * The filters of a room listing (reference §7.2, §11.4); null means "any". {@code keyword} matches any part of
 * the title, ignoring case.
 */
public record VideoRoomFilter(Long memberId, String keyword, VideoRoomState videoRoomState, VideoRoomType type,
                              AccessLevel accessLevel) {

    /**
     * The filters as given in a query string. An unknown value is refused with a code naming the parameter, as
     * {@code INVALID_SORT_BY} does, rather than read as "any": a typo must not silently list everything.
     * D10's {@code VIDEO_SURVEILLANCE} reads as SURVEILLANCE, as on room creation.
     */
    public static VideoRoomFilter of(Long memberId, String keyword, String videoRoomState, String type,
                                     String accessLevel) {
        String typeName = "VIDEO_SURVEILLANCE".equals(type) ? VideoRoomType.SURVEILLANCE.name() : type;
        return new VideoRoomFilter(memberId, keyword == null || keyword.isEmpty() ? null : keyword,
                QueryParameters.enumValue(videoRoomState, VideoRoomState.class, "INVALID_VIDEO_ROOM_STATE", "videoRoomState"),
                QueryParameters.enumValue(typeName, VideoRoomType.class, "INVALID_VIDEO_ROOM_TYPE", "type"),
                QueryParameters.enumValue(accessLevel, AccessLevel.class, "INVALID_ACCESS_LEVEL", "accessLevel"));
    }
}
