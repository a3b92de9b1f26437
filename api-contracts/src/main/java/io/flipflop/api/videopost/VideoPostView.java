package io.flipflop.api.videopost;

import io.flipflop.api.app.AppRef;
import io.flipflop.api.videoroom.AccessLevel;
import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.MemberRef;
import io.flipflop.api.videoroom.VideoRoomRef;
import io.flipflop.api.videoroom.VideoRoomStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A video post as the API shows it (reference §13.4). {@code category}, {@code tags} and {@code processing}
 * (progress and failure reason of the transcoding) are our additions.
 */
public record VideoPostView(long id, String state, VideoPostState videoPostState, VideoPostType type,
                            AccessLevel accessLevel, AppRef app, MemberRef member, CreatorType creatorType,
                            long creatorId, VideoRoomRef videoRoom, String title, String description,
                            Map<String, String> customData, String category, List<String> tags,
                            VideoRoomStats stats, TranscodingProfileRefs transcodingProfile, VideoPostFiles file,
                            VideoPostProcessing processing, Instant uploadedAt, Instant uploadFailedAt,
                            Instant createdAt, Instant lastModifiedAt) {
}
