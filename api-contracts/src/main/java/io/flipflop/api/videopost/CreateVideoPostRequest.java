package io.flipflop.api.videopost;

import io.flipflop.api.videoroom.AccessLevel;
import java.util.List;
import java.util.Map;

/** Body of {@code POST /v2/apps/me/video-posts} (reference §10.1; {@code category}, {@code tags} are ours). */
public record CreateVideoPostRequest(String appUserId, String title, String description, AccessLevel accessLevel,
                                     Long videoProfileId, Long previewProfileId, Long thumbnailProfileId,
                                     Map<String, String> customData, String category, List<String> tags) {

    public static final CreateVideoPostRequest EMPTY = new CreateVideoPostRequest(null, null, null, null, null, null,
            null, null, null, null);
}
