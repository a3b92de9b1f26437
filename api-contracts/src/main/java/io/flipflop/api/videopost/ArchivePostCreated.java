package io.flipflop.api.videopost;

import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomRef;
import java.util.List;
import java.util.Set;

/**
 * A post made from an archived room's recording, PROCESSED at once: what {@link VideoPostCreated}, the allowlist
 * events and {@link VideoPostProcessed} would say of an uploaded post, in one event, as it happened at once.
 */
public record ArchivePostCreated(long videoPostId, VideoPostState state, long appId, long memberId,
                                 String appUserId, VideoPostType type, VideoPostDetails details,
                                 CreatorType creatorType, long creatorId, VideoRoomRef videoRoom,
                                 Set<Long> allowlist, SourceFile source, List<ProcessedOutput> outputs)
        implements VideoPostEvent {
}
