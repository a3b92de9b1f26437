package io.flipflop.query.videopost;

import io.flipflop.api.videopost.VideoPostState;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.query.paging.QueryParameters;

/**
 * The filters of a post listing (reference §10.2); null means "any". {@code keyword} matches any part of the title,
 * ignoring case. An unknown enum value is refused with a code naming the parameter, never read as "any".
 */
public record VideoPostFilter(Long memberId, String appUserId, VideoPostState videoPostState,
                              AccessLevel accessLevel, String keyword) {

    /** SRV's DTO spells the access level filter {@code acccessLevel} (sic); either spelling is read. */
    public static VideoPostFilter of(Long memberId, String appUserId, String videoPostState, String accessLevel,
                                     String acccessLevel, String keyword) {
        String level = accessLevel != null && !accessLevel.isBlank() ? accessLevel : acccessLevel;
        return new VideoPostFilter(memberId, blankToNull(appUserId),
                QueryParameters.enumValue(videoPostState, VideoPostState.class, "INVALID_VIDEO_POST_STATE", "videoPostState"),
                QueryParameters.enumValue(level, AccessLevel.class, "INVALID_ACCESS_LEVEL", "accessLevel"), blankToNull(keyword));
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
