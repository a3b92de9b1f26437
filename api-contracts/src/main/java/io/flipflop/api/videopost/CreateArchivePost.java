package io.flipflop.api.videopost;

import io.flipflop.api.videoroom.CreatorType;
import io.flipflop.api.videoroom.VideoRoomRef;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Makes the post of an archived room (issue 6): PROCESSED at once, LIVE_RECORDED, owned by the room's member, with
 * the room's details and allowlist ({@code allowlist} holds member ids), the recording as its source and the
 * room's VOD as its outputs. A post that already exists (the archive handled again) is left as it is.
 */
public record CreateArchivePost(@TargetAggregateIdentifier long videoPostId, long appId, long memberId,
                                String appUserId, VideoPostDetails details, CreatorType creatorType, long creatorId,
                                VideoRoomRef videoRoom, Set<Long> allowlist, SourceFile source,
                                List<ProcessedOutput> outputs)
        implements VideoPostCommand {
}
